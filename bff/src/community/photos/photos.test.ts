import { errorMessages, PHOTO_MAX_BYTES } from '@cakeday/shared';
import exifReader from 'exif-reader';
import { Types } from 'mongoose';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/app';
import { useTestDatabase } from '../../test/database';
import { buildMember, sessionFor } from '../../test/factories';
import { buildWriter, photoWithGps, pngPhoto } from '../../test/communityFactories';
import { CommunityPhotoModel } from '../CommunityPhoto.model';

useTestDatabase();
let app: TestApp;
beforeAll(() => {
  app = buildTestApp();
});

const upload = (auth: string | null, file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') => {
  const request = app.http.post('/media/photos');
  return (auth ? request.set('Authorization', auth) : request).attach('photo', file, { filename, contentType });
};

/** Reads a served JPEG back: its size and whatever metadata it still carries. */
async function served(path: string): Promise<{ status: number; headers: Record<string, string>; meta: sharp.Metadata }> {
  const response = await app.http.get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: response.status, headers: response.headers as Record<string, string>, meta: await sharp(response.body as Buffer).metadata() };
}

describe('photo uploads', () => {
  it('strip EXIF, GPS above all, before anything is stored: the fixture has GPS, what is served has no metadata', async () => {
    const writer = await buildWriter();
    const original = await photoWithGps();
    const exif = (await sharp(original).metadata()).exif;
    expect(exifReader(exif!).GPSInfo).toMatchObject({ GPSLatitudeRef: 'N', GPSLatitude: [31, 14, 12.34] });

    const uploaded = await upload(writer.auth, original);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ thumbUrl: expect.stringMatching(/^\/media\/[\w-]{22}\/thumb\.jpg$/), displayUrl: expect.stringMatching(/^\/media\/[\w-]{22}\/display\.jpg$/), width: 1280, height: 960 });
    for (const size of ['thumb', 'display']) {
      const stored = app.deps.photos.get(`${uploaded.body.id}/${size}.jpg`);
      const bytes = await new Promise<Buffer>((resolve, reject) => {
        void stored.then((stream) => {
          const chunks: Buffer[] = [];
          stream!.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
        });
      });
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.exif, meta.xmp, meta.iptc]).toEqual(['jpeg', undefined, undefined, undefined]);
      expect(bytes.includes(Buffer.from('CakeCam'))).toBe(false);
    }
    const thumb = await served(uploaded.body.thumbUrl);
    expect([thumb.status, thumb.meta.width, thumb.meta.height, thumb.meta.exif]).toEqual([200, 360, 270, undefined]);
  });

  it('is served at its stable address with immutable cache headers, readable cross-origin; unknown photos 404 uncached', async () => {
    const writer = await buildWriter();
    const uploaded = await upload(writer.auth, await pngPhoto(), 'cake.png', 'image/png');
    const display = await served(uploaded.body.displayUrl);
    expect(display.status).toBe(200);
    expect(display.headers['content-type']).toBe('image/jpeg');
    expect(display.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(display.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(display.meta.format).toBe('jpeg');
    const missing = await app.http.get(`/media/${'f'.repeat(24)}/display.jpg`);
    expect([missing.status, missing.headers['cache-control']]).toEqual([404, 'no-store']);
    expect((await app.http.get(uploaded.body.displayUrl.replace('display.jpg', 'huge.jpg'))).status).toBe(404);
  });

  it('is addressed by 128 random bits, never by its id: ids (ObjectIds, guessable) serve nothing, and tokens are unique', async () => {
    const writer = await buildWriter();
    const first = await upload(writer.auth, await pngPhoto(), 'cake.png', 'image/png');
    const second = await upload(writer.auth, await pngPhoto(), 'cake.png', 'image/png');
    const tokenOf = (url: string): string => url.split('/')[2]!;
    const tokens = [first, second].map((uploaded) => tokenOf(uploaded.body.displayUrl));
    expect(tokens.map((token) => Buffer.from(token, 'base64url').length)).toEqual([16, 16]);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(tokenOf(first.body.thumbUrl)).toBe(tokens[0]);
    expect(first.body.displayUrl).not.toContain(first.body.id);
    const byId = await app.http.get(`/media/${first.body.id}/display.jpg`);
    expect([byId.status, byId.headers['cache-control']]).toEqual([404, 'no-store']);
    expect((await served(first.body.displayUrl)).status).toBe(200);
    // The unique index refuses a second photo with the same token.
    const stored = await CommunityPhotoModel.findById(first.body.id).lean();
    await expect(CommunityPhotoModel.create({ ...stored, _id: new Types.ObjectId() })).rejects.toMatchObject({ code: 11000 });
  });

  it('checks the type by its bytes, not its name: an executable named photo.png is refused and nothing is stored', async () => {
    const writer = await buildWriter();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 0x90)]);
    const refused = await upload(writer.auth, elf, 'photo.png', 'image/png');
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([422, 'COMMUNITY_PHOTO_INVALID', errorMessages.COMMUNITY_PHOTO_INVALID]);
    // JPEG's first bytes in front of garbage: sniffed as JPEG, then refused because it does not decode.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 0x41)]);
    expect((await upload(writer.auth, fake, 'photo.jpg')).status).toBe(422);
    // A format the decoder would take but members may not upload (SVG can carry scripts), named like a PNG.
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script><rect width="64" height="64" fill="red"/></svg>');
    expect(await sharp(svg).metadata()).toMatchObject({ format: 'svg' });
    expect((await upload(writer.auth, svg, 'photo.png', 'image/png')).body.error?.code).toBe('COMMUNITY_PHOTO_INVALID');
    expect(await CommunityPhotoModel.countDocuments({ ownerId: writer.member._id })).toBe(0);
  });

  it('413 above 10 MB; 401 without a session; 403 without a bound phone; 415 when not multipart; 400 without the file', async () => {
    const writer = await buildWriter();
    const tooBig = Buffer.concat([await photoWithGps(200, 200), Buffer.alloc(PHOTO_MAX_BYTES)]);
    expect((await upload(writer.auth, tooBig)).status).toBe(413);
    const photo = await photoWithGps(200, 200);
    expect((await upload(null, photo)).status).toBe(401);
    const noPhone = await sessionFor(await buildMember());
    expect((await upload(noPhone, photo)).body.error.code).toBe('COMMUNITY_PHONE_REQUIRED');
    expect((await app.http.post('/media/photos').set('Authorization', writer.auth).send({ photo: 'x' })).status).toBe(415);
    expect((await app.http.post('/media/photos').set('Authorization', writer.auth).field('other', 'x')).status).toBe(400);
  });
});
