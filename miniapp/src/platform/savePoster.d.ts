/**
 * Platform files: savePoster.weapp.ts writes the PNG to a file and saves it to the photo album;
 * savePoster.h5.ts downloads it. Resolves with the Chinese notice to show.
 */
export declare function savePoster(imageBase64: string, name: string): Promise<string>;
