/**
 * Platform files: in the H5 build every page is a scrolling box (Taro's `.taro_page`); scrollablePages.h5.ts makes
 * each one focusable so a keyboard can scroll pages that have no control of their own (积分明细, 会员规则, 会员协议),
 * as WCAG 2.1.1 asks. The weapp scrolls natively: scrollablePages.weapp.ts does nothing.
 */
export declare function makePagesKeyboardScrollable(): void;
