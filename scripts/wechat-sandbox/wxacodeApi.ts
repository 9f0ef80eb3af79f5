import QRCode from 'qrcode';
import { type Endpoint, fail } from './endpoint';
import { int, str } from './http';

const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;

/** getwxacodeunlimit: a real PNG QR code of `page?scene=...`; JSON errors otherwise. */
export function wxacodeEndpoint(pages: readonly string[]): Endpoint {
  return {
    name: 'getwxacodeunlimit',
    method: 'POST',
    path: '/wxa/getwxacodeunlimit',
    needsToken: true,
    async handle({ body }) {
      if (!body) return fail(47001, 'data format error');
      const scene = str(body.scene);
      if (scene === undefined || scene.length === 0) return fail(40097, 'invalid args: scene');
      if (scene.length > 32) return fail(40169, 'invalid length for scene, or the data is not json string');
      if (!SCENE_CHARS.test(scene)) return fail(40097, 'invalid args: scene charset');
      const page = str(body.page) ?? pages[0] ?? '';
      if (page.startsWith('/') || page.includes('?')) return fail(40097, 'invalid args: page');
      if (body.check_path !== false && !pages.includes(page)) return fail(41030, 'invalid page hint');
      const envVersion = str(body.env_version) ?? 'release';
      if (!['release', 'trial', 'develop'].includes(envVersion)) return fail(40097, 'invalid args: env_version');
      const width = int(body.width) ?? 430;
      if (width < 280 || width > 1280) return fail(40097, 'invalid args: width');
      const bytes = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', width, margin: 2 });
      return { bytes, contentType: 'image/png' };
    },
  };
}
