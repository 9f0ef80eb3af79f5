import type { Poster, ShareInfo } from '@cakeday/shared';
import type { WechatCode } from '../wechat/types';

/** The poster's mini-program code: getwxacodeunlimit with the share's scene and landing page. */
export async function sharePoster(wxacode: WechatCode, share: ShareInfo): Promise<Poster> {
  const png = await wxacode.getUnlimitedCode({ scene: share.scene, page: share.page, checkPath: false, width: 280 });
  return { ...share, mimeType: 'image/png', imageBase64: png.toString('base64') };
}
