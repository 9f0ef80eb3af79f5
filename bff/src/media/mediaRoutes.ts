import type Router from '@koa/router';
import type { CakedayState } from '../http/context';
import { openAvatarFile } from './avatarFiles';

/** Where a stored avatar is served; its id is random, so the address is the only key. */
export const AVATAR_PATH = '/media/avatars';

export function avatarUrlOf(publicBaseUrl: string, id: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}${AVATAR_PATH}/${id}`;
}

/**
 * `GET /media/avatars/:id`: images load in `<Image>` without a session (WeChat cannot send one). A new avatar gets a
 * new id, so an answer never changes and may be cached for good; the H5 app on another origin may embed it.
 */
export function registerMediaRoutes(router: Router<CakedayState>): void {
  router.get(`${AVATAR_PATH}/:id`, async (ctx) => {
    const id = ctx.params.id ?? '';
    const file = /^[A-Za-z0-9_-]{16,64}$/.test(id) ? await openAvatarFile(id) : null;
    if (!file) {
      ctx.status = 404;
      return;
    }
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.type = file.contentType;
    ctx.length = file.length;
    ctx.body = file.stream;
  });
}
