import mongoose from 'mongoose';
import { uniqueDatabaseUri } from '../test/databaseUri';
import { decryptPersonalData, keyedHash } from '../../bff/src/members/personalDataCrypto';
import { DEMO_MEMBER_OPENID, DEMO_MEMBER_PHONE, demoMemberSeeder, personalDataKeysFromEnv } from './demoMemberSeeder';

describe('demo member seeder', () => {
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('seed_demo_member')).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('is idempotent and leaves a balance equal to the sum of its ledger', async () => {
    expect(await demoMemberSeeder.run(connection)).toBe(`member ${DEMO_MEMBER_OPENID} (phone 138****8000) with 1000 points`);
    await demoMemberSeeder.run(connection);
    const member = await connection.collection('members').findOne({ openid: DEMO_MEMBER_OPENID });
    expect(await connection.collection('members').countDocuments({ openid: DEMO_MEMBER_OPENID })).toBe(1);
    const entries = await connection.collection('points_entries').find({ memberId: member?._id, state: 'applied' }).toArray();
    const account = await connection.collection('points_accounts').findOne({ _id: member?._id });
    expect(entries).toHaveLength(3);
    expect(account?.balance).toBe(entries.reduce((sum, entry) => sum + Number(entry.delta), 0));
    expect(account?.lots.reduce((sum: number, lot: { remaining: number }) => sum + lot.remaining, 0)).toBe(account?.balance);
  });

  it('binds the demo phone as bindPhone stores it (found by its keyed hash, decrypted to the number), once', async () => {
    const keys = personalDataKeysFromEnv();
    await demoMemberSeeder.run(connection);
    const first = await connection.collection('members').findOne({ openid: DEMO_MEMBER_OPENID });
    await demoMemberSeeder.run(connection);
    const again = await connection.collection('members').findOne({ openid: DEMO_MEMBER_OPENID });

    expect(first?.phoneHash).toBe(keyedHash('phone', DEMO_MEMBER_PHONE, keys.hashKey));
    expect(first?.phone?.masked).toBe('138****8000');
    expect(decryptPersonalData(String(first?.phone?.ciphertext), keys.encryptionKey)).toBe(DEMO_MEMBER_PHONE);
    // Running it again re-encrypts nothing.
    expect(again?.phone?.ciphertext).toBe(first?.phone?.ciphertext);
  });

  it('leaves a phone the member bound since alone', async () => {
    const other = { ciphertext: 'bound-in-the-mini-program', masked: '139****0000', boundAt: new Date() };
    await connection.collection('members').updateOne({ openid: DEMO_MEMBER_OPENID }, { $set: { phone: other, phoneHash: 'another-hash' } });

    await demoMemberSeeder.run(connection);

    const member = await connection.collection('members').findOne({ openid: DEMO_MEMBER_OPENID });
    expect([member?.phone?.ciphertext, member?.phoneHash]).toEqual(['bound-in-the-mini-program', 'another-hash']);
  });
});
