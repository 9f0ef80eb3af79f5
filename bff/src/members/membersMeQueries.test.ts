import mongoose from 'mongoose';
import { createSettingsSource } from '../settings/settingsSource';
import { buildTestApp } from '../test/app';
import { useTestDatabase } from '../test/database';
import { buildMember, buildPointsLot, sessionFor } from '../test/factories';

useTestDatabase();
// The program settings are read once per cache period per instance, not per request: a clock that never moves
// keeps the cache this test warms.
const { http } = buildTestApp({ settings: createSettingsSource(() => 0) });

interface SeenOperation {
  collection: string;
  method: string;
}

/** The operations mongoose sends to the database while `work` runs (through its debug hook). */
async function operationsDuring(work: () => Promise<unknown>): Promise<SeenOperation[]> {
  const seen: SeenOperation[] = [];
  mongoose.set('debug', (collection: string, method: string) => {
    seen.push({ collection, method });
  });
  try {
    await work();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

describe('members.me, the most frequent authenticated read (npm run bench profiles it)', () => {
  it('reads the member once: authentication\'s read is the one the profile is built from', async () => {
    const { member } = await buildPointsLot({ points: 300 });
    const auth = await sessionFor(member);
    expect((await http.post('/api/members.me').set('Authorization', auth).send({})).status).toBe(200); // warms the settings cache
    let status = 0;
    const operations = await operationsDuring(async () => {
      status = (await http.post('/api/members.me').set('Authorization', auth).send({})).status;
    });
    expect(status).toBe(200);
    expect(operations.filter((operation) => operation.collection === 'members')).toHaveLength(1);
    // The member, then the spend, the points account and the coupons together: four reads in all.
    expect(operations.map((operation) => operation.collection).sort()).toEqual(['coupons', 'members', 'paid_spend', 'points_accounts']);
  });

  it('still answers 401 for a member deleted after the token was issued', async () => {
    const member = await buildMember();
    const auth = await sessionFor(member);
    await mongoose.connection.collection('members').updateOne({ _id: member._id }, { $set: { status: 'deleted' } });
    expect((await http.post('/api/members.me').set('Authorization', auth).send({})).status).toBe(401);
  });
});
