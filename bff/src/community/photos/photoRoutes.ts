import type Router from '@koa/router';
import {
  COMMUNITY_PHOTO_FIELD,
  COMMUNITY_PHOTO_UPLOAD_PATH,
  communityPhotoUploadResponse,
  PHOTO_MAX_BYTES,
  PHOTO_SIZES,
  PHOTO_URL_TOKEN_PATTERN,
  type PhotoSize,
} from '@cakeday/shared';
import busboy from 'busboy';
import { AppError, unauthenticated } from '../../errors/AppError';
import type { CakedayContext, CakedayState } from '../../http/context';
import type { AppDeps } from '../../http/deps';
import { CommunityPhotoModel } from '../CommunityPhoto.model';
import { CommunityPostModel } from '../CommunityPost.model';
import { photoKey } from './photoStore';
import { uploadPhoto } from './uploadPhoto';

/** Reads the one file of a multipart upload into memory, refusing more than PHOTO_MAX_BYTES (413) or no file (400). */
function readUpload(ctx: CakedayContext): Promise<Buffer> {
  if (!ctx.request.is('multipart/form-data')) return Promise.reject(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE'));
  return new Promise((resolve, reject) => {
    const parser = busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: PHOTO_MAX_BYTES, fields: 5, parts: 6 } });
    let file: Buffer | null = null;
    let failure: AppError | null = null;
    parser.on('file', (field, stream) => {
      if (field !== COMMUNITY_PHOTO_FIELD) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = new AppError(413, 'PAYLOAD_TOO_LARGE');
      });
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    parser.on('error', () => reject(new AppError(400, 'VALIDATION_FAILED')));
    parser.on('close', () => {
      if (failure) reject(failure);
      else if (!file || file.length === 0) reject(new AppError(400, 'VALIDATION_FAILED'));
      else resolve(file);
    });
    ctx.req.pipe(parser);
  });
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHOWN_STATES = new Set(['pending', 'in_review', 'published']);

/**
 * POST /media/photos (multipart, member session): one photo, answered as communityPhotoUploadResponse.
 * GET /media/<urlToken>/<size>.jpg (the photo's 128-bit URL token, never its id): the stored JPEG, immutable, readable cross-origin (the H5 app, WeChat's checker); a
 * photo of a removed, rejected or deleted post is gone (404, not cached).
 */
export function registerPhotoRoutes(router: Router<CakedayState>, deps: AppDeps): void {
  router.post(COMMUNITY_PHOTO_UPLOAD_PATH, async (ctx) => {
    const principal = await deps.authenticate(ctx);
    if (!principal) throw unauthenticated();
    const upload = await readUpload(ctx);
    const now = deps.now();
    const settings = await deps.settings.at(now);
    const photo = await uploadPhoto(principal.memberId, upload, { now, store: deps.photos, postsPerDay: settings.settings.community.postsPerDay });
    ctx.status = 200;
    ctx.body = communityPhotoUploadResponse.parse(photo);
  });

  router.get('/media/:urlToken/:file', async (ctx) => {
    const { urlToken, file } = ctx.params as { urlToken: string; file: string };
    const size = file.replace(/\.jpg$/, '') as PhotoSize;
    const gone = (): void => {
      ctx.status = 404;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { error: { code: 'NOT_FOUND', message: '图片不存在或已删除' } };
    };
    if (!PHOTO_URL_TOKEN_PATTERN.test(urlToken) || !file.endsWith('.jpg') || !PHOTO_SIZES.includes(size)) return gone();
    const photo = await CommunityPhotoModel.findOne({ urlToken }, { postId: 1 }).lean();
    if (!photo) return gone();
    if (photo.postId) {
      const post = await CommunityPostModel.findById(photo.postId, { state: 1 }).lean();
      if (!post || !SHOWN_STATES.has(post.state)) return gone();
    }
    const stream = await deps.photos.get(photoKey(photo._id.toHexString(), size));
    if (!stream) return gone();
    ctx.set('Cache-Control', IMMUTABLE);
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.type = 'image/jpeg';
    ctx.body = stream;
  });
}
