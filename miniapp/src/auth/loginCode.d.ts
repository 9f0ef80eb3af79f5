/**
 * Platform files: loginCode.weapp.ts (wx.login) and loginCode.h5.ts (the sandbox, development builds only).
 * Taro picks the one for the build; this declaration is what both must provide.
 */
export declare function obtainLoginCode(): Promise<string>;
