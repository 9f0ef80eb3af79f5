import mongoose from 'mongoose';
import { uniqueDatabaseUri } from '../test/databaseUri';
import { DEMO_MEMBER_OPENID, demoMemberSeeder } from './demoMemberSeeder';

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
    expect(await demoMemberSeeder.run(connection)).toBe(`member ${DEMO_MEMBER_OPENID} with 1000 points`);
    await demoMemberSeeder.run(connection);
    const member = await connection.collection('members').findOne({ openid: DEMO_MEMBER_OPENID });
    expect(await connection.collection('members').countDocuments({ openid: DEMO_MEMBER_OPENID })).toBe(1);
    const entries = await connection.collection('points_entries').find({ memberId: member?._id, state: 'applied' }).toArray();
    const account = await connection.collection('points_accounts').findOne({ _id: member?._id });
    expect(entries).toHaveLength(3);
    expect(account?.balance).toBe(entries.reduce((sum, entry) => sum + Number(entry.delta), 0));
    expect(account?.lots.reduce((sum: number, lot: { remaining: number }) => sum + lot.remaining, 0)).toBe(account?.balance);
  });
});
