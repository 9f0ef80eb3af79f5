/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    // Optional because the Node scripts (e2e, size) share these types; the app's build always defines them.
    TARO_ENV?: 'weapp' | 'h5';
    /** The BFF's base URL, fixed at build time. */
    TARO_APP_API_BASE?: string;
    /** The WeChat sandbox's URL in development builds; empty in production builds. */
    TARO_APP_SANDBOX_URL?: string;
  }
}
