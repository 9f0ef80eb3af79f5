/**
 * Platform files: deliverExport.h5.ts downloads the JSON; deliverExport.weapp.ts copies it to the clipboard.
 * Resolves with the Chinese notice to show.
 */
export declare function deliverExport(json: string): Promise<string>;
