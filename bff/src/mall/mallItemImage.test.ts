import sharp from 'sharp';
import { MALL_ITEM_IMAGE_MAX_BYTES } from '@cakeday/shared';
import { AuditEntryModel } from '../audit/AuditEntry.model';
import { buildTestApp, type TestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, sessionFor } from '../test/factories';
import { buildMallItem } from '../test/mallFactories';
import { buildOperator, opsCookieFor } from '../test/operatorFactories';
import { MallItemModel } from './MallItem.model';

useTestDatabase();

let app: TestApp;
let ops: string;

beforeAll(async () => {
  app = buildTestApp();
  ops = await opsCookieFor(app.http, await buildOperator({ roles: ['ops'] }));
});

const call = (name: string, body: object, cookie: string | null = ops) => {
  const post = app.http.post(`/api/${name}`);
  return cookie ? post.set('Cookie', cookie).send(body) : post.send(body);
};
const picture = (format: 'png' | 'jpeg' | 'webp', background = '#f4b6c2', width = 64, height = 48): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background } })
    .toFormat(format)
    .toBuffer();
const upload = (id: string, version: number, bytes: Buffer, cookie: string | null = ops) =>
  call('ops.mallItems.uploadImage', { id, version, imageBase64: bytes.toString('base64') }, cookie);
const CATALOG_PATH = /^\/media\/catalog\/[0-9a-f]{64}\.(png|jpg|webp)$/;

describe('ops.mallItems.uploadImage: a product photo for an item, stored and served by the BFF', () => {
  it('stores the photo by its hash, makes it the cover members see, serves it for good, and audits the change', async () => {
    const item = await buildMallItem({ title: '会员周边帆布袋', images: [] });
    const uploaded = await upload(item._id.toHexString(), 0, await picture('png'));
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ version: 1, imageUrl: expect.stringMatching(CATALOG_PATH) });
    expect(uploaded.body.images).toEqual([uploaded.body.imageUrl]);

    const served = await app.http.get(uploaded.body.imageUrl).buffer(true);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(await sharp(served.body as Buffer).metadata()).toMatchObject({ format: 'png', width: 64, height: 48 });

    const member = await buildMember();
    const seen = await app.http.post('/api/mall.item').set('Authorization', `Bearer ${await sessionFor(member)}`).send({ itemId: item._id.toHexString() });
    expect(seen.body.item).toMatchObject({ imageUrl: uploaded.body.imageUrl, coverImage: uploaded.body.imageUrl });

    expect(await AuditEntryModel.findOne({ action: 'ops.mallItems.uploadImage', 'subject.id': item._id.toHexString() }).lean()).toMatchObject({
      subject: { type: 'MallItem' },
      outcome: 'applied',
      before: { images: [] },
      after: { images: [uploaded.body.imageUrl] },
    });
    expect((await MallItemModel.findById(item._id).lean())?.auditSeqs).toHaveLength(1);
  });

  it('refuses a file that is not JPEG, PNG or WebP by its bytes, whatever it claims, and changes nothing', async () => {
    const item = await buildMallItem({ images: [] });
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const svgNamedPng = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const truncatedPng = (await picture('png')).subarray(0, 40);
    for (const bytes of [gif, svgNamedPng, truncatedPng]) {
      const refused = await upload(item._id.toHexString(), 0, bytes);
      expect([refused.status, refused.body.error.code]).toEqual([422, 'MALL_ITEM_IMAGE_TYPE_UNSUPPORTED']);
      expect(refused.body.error.message).toBe('商品图片只支持 JPG、PNG 或 WebP 格式，请换一张图片');
    }
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ images: [], version: 0 });
  });

  it('refuses a file above 1 MB with its own code (and nonsense base64 as invalid input)', async () => {
    const item = await buildMallItem({ images: [] });
    const png = await picture('png');
    const tooLarge = Buffer.concat([png, Buffer.alloc(MALL_ITEM_IMAGE_MAX_BYTES + 1 - png.length)]);
    const refused = await upload(item._id.toHexString(), 0, tooLarge);
    expect([refused.status, refused.body.error.code]).toEqual([422, 'MALL_ITEM_IMAGE_TOO_LARGE']);
    expect(refused.body.error.message).toBe('商品图片太大，请上传 1MB 以内的图片');
    expect((await call('ops.mallItems.uploadImage', { id: item._id.toHexString(), version: 0, imageBase64: 'not base64!' })).status).toBe(400);
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ images: [], version: 0 });
  });

  it('replaces an earlier upload on the latest version only, keeps https images behind it and the old file served', async () => {
    const item = await buildMallItem({ images: ['https://cdn.example.com/tote-back.jpg'] });
    const first = await upload(item._id.toHexString(), 0, await picture('png'));
    expect(first.body.images).toEqual([first.body.imageUrl, 'https://cdn.example.com/tote-back.jpg']);

    const stale = await upload(item._id.toHexString(), 0, await picture('jpeg', '#c7e9c0'));
    expect([stale.status, stale.body.error.code]).toEqual([409, 'STALE_VERSION']);

    const second = await upload(item._id.toHexString(), 1, await picture('jpeg', '#c7e9c0'));
    expect(second.status).toBe(200);
    expect(second.body.imageUrl).toMatch(/\.jpg$/);
    expect(second.body.images).toEqual([second.body.imageUrl, 'https://cdn.example.com/tote-back.jpg']);
    // An order placed with the first cover still shows it.
    expect((await app.http.get(first.body.imageUrl)).status).toBe(200);
    expect((await app.http.get(second.body.imageUrl)).headers['content-type']).toBe('image/jpeg');

    const removed = await call('ops.mallItems.removeImage', { id: item._id.toHexString(), version: 2 });
    expect(removed.body).toMatchObject({ version: 3, imageUrl: 'https://cdn.example.com/tote-back.jpg', images: ['https://cdn.example.com/tote-back.jpg'] });
    expect(await AuditEntryModel.countDocuments({ 'subject.id': item._id.toHexString(), outcome: 'applied' })).toBe(3);
  });

  it('stores the same photo once when it is uploaded again (a retry after a crash, or a second item)', async () => {
    const [one, two] = [await buildMallItem({ images: [] }), await buildMallItem({ images: [] })];
    const bytes = await picture('webp', '#ffe3a3');
    const first = await upload(one._id.toHexString(), 0, bytes);
    const again = await upload(two._id.toHexString(), 0, bytes);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.imageUrl).toBe(first.body.imageUrl);
    expect((await app.http.get(again.body.imageUrl)).headers['content-type']).toBe('image/webp');
  });

  it('is the catalog team’s: 401 without a session, 403 for an analyst, a moderator and a store manager', async () => {
    const item = await buildMallItem({ images: [] });
    const bytes = await picture('png');
    expect((await upload(item._id.toHexString(), 0, bytes, null)).status).toBe(401);
    for (const roles of [['analyst'], ['moderator'], ['store_manager']] as const) {
      const cookie = await opsCookieFor(app.http, await buildOperator({ roles: [...roles] }));
      const refused = await upload(item._id.toHexString(), 0, bytes, cookie);
      expect([roles[0], refused.status]).toEqual([roles[0], 403]);
      expect((await call('ops.mallItems.removeImage', { id: item._id.toHexString(), version: 0 }, cookie)).status).toBe(403);
    }
    expect(await MallItemModel.findById(item._id).lean()).toMatchObject({ images: [], version: 0 });
  });

  it('answers 404 (not cached) for a catalog file that does not exist or a name that is not one', async () => {
    const missing = await app.http.get(`/media/catalog/${'a'.repeat(64)}.png`);
    expect([missing.status, missing.headers['cache-control']]).toEqual([404, 'no-store']);
    expect((await app.http.get('/media/catalog/..%2F..%2Fetc.png')).status).toBe(404);
    expect((await app.http.get(`/media/catalog/${'a'.repeat(64)}.gif`)).status).toBe(404);
  });
});
