/**
 * Platform files: screenBrightness.weapp.ts turns the screen to full brightness (and keeps it on) while a code is
 * shown, as a cashier's scanner needs, and gives the member's brightness back after; screenBrightness.h5.ts cannot.
 * Returns the function that restores it.
 */
export declare function brightenWhileShown(): () => void;
