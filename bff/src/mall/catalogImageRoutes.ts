import type Router from '@koa/router';
import { CATALOG_IMAGE_PATH_PREFIX } from '@cakeday/shared';
import type { CakedayState } from '../http/context';
import type { AppDeps } from '../http/deps';
import { catalogImageKey, CONTENT_TYPE_OF } from './catalogImages';

/**
 * `GET /media/catalog/<sha256>.<ext>`: a product photo, loaded by `<Image>` without a session. The name is the
 * content's hash, so an answer never changes and is cached for good; the H5 app on another origin may embed it.
 * Registered before the community photos' `/media/:urlToken/:file`, which would answer 404 for it.
 */
export function registerCatalogImageRoutes(router: Router<CakedayState>, deps: AppDeps): void {
  router.get(`${CATALOG_IMAGE_PATH_PREFIX}:file`, async (ctx) => {
    const fileName = ctx.params.file ?? '';
    const key = catalogImageKey(fileName);
    const stream = key ? await deps.photos.get(key) : null;
    if (!stream) {
      ctx.status = 404;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { error: { code: 'NOT_FOUND', message: '图片不存在或已删除' } };
      return;
    }
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.type = CONTENT_TYPE_OF[fileName.slice(fileName.lastIndexOf('.') + 1) as keyof typeof CONTENT_TYPE_OF];
    ctx.body = stream;
  });
}
