import mongoose from 'mongoose';
import sharp from 'sharp';
import { isCatalogImagePath } from '@cakeday/shared';
import { uniqueDatabaseUri } from '../test/databaseUri';
import { createGridfsPhotoStore } from '../../bff/src/community/photos/gridfsPhotoStore';
import { birthdaySeeder } from './birthdaySeeder';
import { mallSeeder } from './mallSeeder';

describe('mall seeder: the demo items’ pictures', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('seed_mall')).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const fileCount = (): Promise<number> => connection.collection('community_photos.files').countDocuments({ filename: /^catalog\// });

  it('gives every demo item a small stored picture once, and never over an ops edit', async () => {
    expect(await mallSeeder.run(connection)).toContain('6 mall items (6 pictured now)');
    const items = await connection.collection('mall_items').find().toArray();
    expect(items.map((item) => item.images.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(items.every((item) => isCatalogImagePath(item.images[0]))).toBe(true);
    expect(await fileCount()).toBe(6);

    const store = createGridfsPhotoStore(() => connection.db);
    const stream = await store.get(items[0]!.images[0].slice('/media/'.length));
    const chunks: Buffer[] = [];
    for await (const chunk of stream!) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBeLessThan(30 * 1024);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 800, height: 600 });

    // Ops took the picture off one item: seeding again leaves it so, and stores nothing twice.
    await connection.collection('mall_items').updateOne({ code: 'member-tote' }, { $set: { images: [], version: 1 } });
    expect(await mallSeeder.run(connection)).toContain('(0 pictured now)');
    expect((await connection.collection('mall_items').findOne({ code: 'member-tote' }))?.images).toEqual([]);
    expect(await fileCount()).toBe(6);

    // The birthday seeder's gift items (seeded before the mall's in `npm run dev`) get theirs too.
    await birthdaySeeder.run(connection);
    expect(await mallSeeder.run(connection)).toContain('(2 pictured now)');
    expect(await fileCount()).toBe(8);
  });
});
