import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { uniqueDatabaseUri } from '../test/databaseUri';
import { startDatabase } from './index';

async function openConnections(uri: string, count: number): Promise<Connection[]> {
  return Promise.all(Array.from({ length: count }, () => mongoose.createConnection(uri).asPromise()));
}

describe('the embedded database keeps the guarantees Cakeday relies on', () => {
  let connections: Connection[] = [];

  beforeAll(async () => {
    connections = await openConnections(uniqueDatabaseUri('devdb'), 4);
  });

  afterAll(async () => {
    await connections[0]?.dropDatabase();
    await Promise.all(connections.map((connection) => connection.close()));
  });

  it('lets exactly 50 of 200 concurrent conditional debits from 4 connections succeed', async () => {
    const accounts = (i: number) => connections[i % 4]!.collection('accounts');
    await accounts(0).insertOne({ _id: 'acct-1' as never, balance: 50 });

    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        accounts(i).updateOne({ _id: 'acct-1' as never, balance: { $gte: 1 } }, { $inc: { balance: -1 } }),
      ),
    );

    expect(results.filter((result) => result.modifiedCount === 1)).toHaveLength(50);
    expect(await accounts(0).findOne({ _id: 'acct-1' as never })).toMatchObject({ balance: 0 });
  });

  it('lets exactly 1 of 100 concurrent inserts of one unique key succeed; the rest fail with 11000', async () => {
    const keys = (i: number) => connections[i % 4]!.collection('idempotency_keys');
    await keys(0).createIndex({ key: 1 }, { unique: true });

    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => keys(i).insertOne({ key: 'order-42', attempt: i })),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const codes = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as { code?: number }).code] : [],
    );
    expect(codes).toHaveLength(99);
    expect(new Set(codes)).toEqual(new Set([11000]));
  });
});

describe('queries narrowed by a unique index that covers some of their fields', () => {
  let connection: Connection;
  const docs = Array.from({ length: 300 }, (_, n) => ({
    _id: `d-${n}`,
    key: `k-${n}`,
    state: n % 3 === 0 ? 'queued' : 'sent',
    n,
    // A sparse unique field most documents lack.
    ...(n % 10 === 0 ? { code: `c-${n}` } : {}),
  }));
  const ids = (found: { _id: unknown }[]) => found.map((doc) => String(doc._id)).sort();

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('devdb-indexed')).asPromise();
    const collection = connection.collection<{ _id: string }>('deliveries');
    await collection.createIndex({ key: 1 }, { unique: true });
    await collection.createIndex({ code: 1 }, { unique: true, sparse: true });
    await collection.insertMany(docs);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  // `{ $and: [query] }` names no indexed field at the top, so the server scans: the narrowed answer must be the scan's.
  it.each([
    ['an _id with a condition', { _id: 'd-3', state: 'queued' }],
    ['an _id whose condition fails', { _id: 'd-4', state: 'queued' }],
    ['_ids in a list with a condition', { _id: { $in: ['d-0', 'd-1', 'd-2', 'd-3', 'd-299', 'nope'] }, state: 'queued' }],
    ['_ids in a list with an $or', { _id: { $in: ['d-0', 'd-1', 'd-2', 'd-3'] }, $or: [{ state: 'sent' }, { n: { $gte: 3 } }] }],
    ['a unique key with a condition', { key: 'k-9', n: { $lt: 10 } }],
    ['a sparse unique field with a condition', { code: 'c-20', state: 'sent' }],
    ['a sparse unique field asked for null, with a condition', { code: null, state: 'queued', n: { $lt: 12 } }],
    ['an _id range with a condition', { _id: { $gt: 'd-295' }, state: 'queued' }],
  ])('finds and updates what a scan would: %s', async (_name, query) => {
    const collection = connection.collection<{ _id: string }>('deliveries');
    const scanned = ids(await collection.find({ $and: [query] }).toArray());
    expect(ids(await collection.find(query).toArray())).toEqual(scanned);
    expect(await collection.countDocuments(query)).toBe(scanned.length);
    const marker = `m-${Math.random()}`;
    expect((await collection.updateMany(query, { $set: { marker } })).modifiedCount).toBe(scanned.length);
    expect(ids(await collection.find({ marker }).toArray())).toEqual(scanned);
  });
});

describe('queries narrowed by a non-unique index on its first field', () => {
  const { Int32, Long, Double, ObjectId } = mongoose.mongo;
  const memberIds = Array.from({ length: 7 }, () => new ObjectId());
  const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + (n % 5)));
  const docs = Array.from({ length: 240 }, (_, n) => ({
    _id: `c-${n}`,
    // Some records name no member, some name null: both are what `memberId: null` asks for.
    ...(n % 11 === 0 ? {} : { memberId: n % 13 === 0 ? null : memberIds[n % 7] }),
    purpose: n % 2 === 0 ? 'marketing' : 'sms',
    state: ['queued', 'sent', 'failed'][n % 3],
    // The same number stored as each BSON type: equal values for the server's matching.
    n: [new Int32(n % 4), Long.fromNumber(n % 4), new Double(n % 4)][n % 3],
    at: day(n),
    nested: { kind: n % 4 === 0 ? 'a' : 'b' },
    ...(n % 5 === 0 ? { tags: ['x', 'y'] } : n % 5 === 1 ? { tags: 'x' } : {}),
  }));
  let connection: Connection;
  let collection: mongoose.mongo.Collection<{ _id: string }>;
  const ids = (found: { _id: unknown }[]) => found.map((doc) => String(doc._id));

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('devdb-secondary')).asPromise();
    collection = connection.collection<{ _id: string }>('consents');
    await collection.insertMany(docs as never[]);
    // Created after the documents, as syncIndexes does on a filled collection, and before others arrive.
    await collection.createIndex({ memberId: 1, purpose: 1, at: -1 });
    await collection.createIndex({ state: 1, at: 1 });
    await collection.createIndex({ n: 1 });
    await collection.createIndex({ at: 1 });
    await collection.createIndex({ 'nested.kind': 1 });
    await collection.createIndex({ tags: 1 });
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const queries: [string, object][] = [
    ['equality on the first field', { memberId: memberIds[3] }],
    ['$in on the first field with a condition on the second', { memberId: { $in: [memberIds[0], memberIds[5], new ObjectId()] }, purpose: 'marketing' }],
    ['null, which matches a missing field too', { memberId: null }],
    ['$in with null', { memberId: { $in: [null, memberIds[1]] }, state: 'sent' }],
    ['a number asked as another BSON type', { n: new Long(2) }],
    ['a number among others', { n: { $in: [1, 3.0] }, purpose: 'sms' }],
    ['a date', { at: day(2) }],
    ['a dotted path', { 'nested.kind': 'a', state: 'queued' }],
    ['two indexed fields (the fewer documents are read)', { state: 'failed', memberId: memberIds[4] }],
    ['an operator the index does not answer', { memberId: { $ne: null }, state: { $in: ['queued'] } }],
    ['an array field, which turns its index off', { tags: 'x' }],
    ['with an $or beside it', { state: 'queued', $or: [{ purpose: 'sms' }, { n: 0 }] }],
    ['one value of a compound index with conditions on others', { state: 'sent', at: { $lte: day(3) }, purpose: 'marketing' }],
  ];

  const expectScanAnswers = async (query: object) => {
    const scanned = ids(await collection.find({ $and: [query] }).toArray());
    // Unsorted and limited: the natural order, as the scan gives it.
    expect(ids(await collection.find(query).limit(5).toArray())).toEqual(scanned.slice(0, 5));
    expect(ids(await collection.find(query).sort({ _id: -1 }).toArray())).toEqual([...scanned].sort().reverse());
    expect(await collection.countDocuments(query)).toBe(scanned.length);
    // Sorted with a limit, ties included (240 documents share 20 values of n and at): the full sort's slice.
    const sortedScan = ids(await collection.find({ $and: [query] }).sort({ n: 1, at: -1 }).toArray());
    expect(ids(await collection.find(query).sort({ n: 1, at: -1 }).skip(2).limit(4).toArray())).toEqual(sortedScan.slice(2, 6));
    expect(ids(await collection.find({ $and: [query] }).sort({ n: 1, at: -1 }).limit(7).toArray())).toEqual(sortedScan.slice(0, 7));
    // Sorted as the { state, at } index holds each state's documents (walked in order when the query names one state).
    const byAt = ids(await collection.find({ $and: [query] }).sort({ at: 1 }).toArray());
    expect(ids(await collection.find(query).sort({ at: 1 }).limit(6).toArray())).toEqual(byAt.slice(0, 6));
    expect(ids(await collection.find(query).sort({ at: 1 }).skip(3).limit(3).toArray())).toEqual(byAt.slice(3, 6));
    return scanned;
  };

  it.each(queries)('finds, counts and updates what a scan would: %s', async (_name, query) => {
    const scanned = await expectScanAnswers(query);
    expect(scanned.length).toBeGreaterThan(0);
    const marker = `m-${Math.random()}`;
    expect((await collection.updateMany(query, { $set: { marker } })).modifiedCount).toBe(scanned.length);
    expect(ids(await collection.find({ marker }).toArray()).sort()).toEqual([...scanned].sort());
  });

  it('keeps answering as a scan would after documents move between values, leave and arrive', async () => {
    await collection.updateMany({ memberId: memberIds[3] }, { $set: { memberId: memberIds[6], state: 'sent' } });
    await collection.updateMany({ state: 'failed', purpose: 'sms' }, { $unset: { memberId: '' } });
    await collection.deleteMany({ memberId: memberIds[0], purpose: 'marketing' });
    await collection.insertMany([
      { _id: 'late-1', memberId: memberIds[3], purpose: 'marketing', state: 'queued', n: new Int32(2), at: day(2), nested: { kind: 'a' } },
      { _id: 'late-2', memberId: null, purpose: 'sms', state: 'failed', n: new Double(2), at: day(1), nested: { kind: 'b' } },
    ] as never[]);
    await collection.findOneAndUpdate({ _id: 'c-1' }, { $set: { state: 'queued', n: new Int32(3) } });
    // Within a state, documents move in the order of `at`.
    await collection.updateMany({ state: 'queued', purpose: 'marketing' }, { $set: { at: day(3) } });
    await collection.findOneAndUpdate({ state: 'sent' }, { $set: { at: new Date(Date.UTC(2020, 0, 1)) } }, { sort: { at: 1 } });
    await collection.replaceOne({ _id: 'c-2' }, { memberId: memberIds[3], purpose: 'sms', state: 'queued', n: 9, at: day(4), nested: { kind: 'c' } });
    for (const [, query] of queries) await expectScanAnswers(query);
    expect(ids(await collection.find({ memberId: memberIds[3] }).toArray()).sort()).toEqual(['c-2', 'late-1']);
    expect(await collection.countDocuments({ memberId: memberIds[0] })).toBe(await collection.countDocuments({ $and: [{ memberId: memberIds[0] }] }));
  });

  it('answers as a scan would once a document holds an array in an indexed field', async () => {
    await collection.insertOne({ _id: 'with-array', memberId: [memberIds[2], memberIds[5]], purpose: 'sms', state: 'queued', tags: ['x'] } as never);
    for (const [, query] of queries) await expectScanAnswers(query);
    expect(ids(await collection.find({ memberId: memberIds[5], _id: 'with-array' }).toArray())).toEqual(['with-array']);
  });
});

describe('the server log', () => {
  it('stays quiet when a collection is created again (mongoose does it on every start) or a unique key refuses a duplicate (our idempotency keys); other failures are logged', async () => {
    let log = '';
    const database = await startDatabase({ backend: 'memory', ignoreEnvironment: true, log: (text) => (log += text) });
    const connection = await mongoose.createConnection(`${database.uri}quiet`).asPromise();
    try {
      await connection.createCollection('members');
      await expect(connection.createCollection('members')).rejects.toMatchObject({ code: 48, codeName: 'NamespaceExists' });
      await connection.collection('members').insertOne({ _id: 'm-1' as never });
      const upsertOntoTakenId = connection.collection('members').findOneAndUpdate({ _id: 'm-1' as never, absent: true }, { $set: { seen: true } }, { upsert: true });
      await expect(upsertOntoTakenId).rejects.toMatchObject({ code: 11000 });
      await expect(connection.collection('members').aggregate([{ $densify: { field: 'n' } }]).toArray()).rejects.toBeDefined();
    } finally {
      await connection.close();
      await database.stop();
    }
    expect(log).not.toContain('NamespaceExists');
    expect(log).not.toContain('DuplicateKeyError');
    expect(log).toContain('$densify');
  });
});

describe('the H2 file backend', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'cakeday-devdb-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps data across a clean restart', async () => {
    const file = path.join(folder, 'dev.h2');
    const first = await startDatabase({ backend: 'file', file, ignoreEnvironment: true });
    const writer = await mongoose.createConnection(`${first.uri}persist`).asPromise();
    await writer.collection('members').insertOne({ nickname: '小蛋糕', points: 120 });
    await writer.collection('consents').createIndex({ memberId: 1, purpose: 1 });
    await writer.collection('consents').insertMany([{ memberId: 'm-1', purpose: 'sms' }, { memberId: 'm-2', purpose: 'sms' }]);
    expect(await writer.collection('consents').countDocuments({ memberId: 'm-1' })).toBe(1);
    await writer.close();
    await first.stop();

    const second = await startDatabase({ backend: 'file', file, ignoreEnvironment: true });
    const reader = await mongoose.createConnection(`${second.uri}persist`).asPromise();
    try {
      expect(await reader.collection('members').findOne({}, { projection: { _id: 0 } })).toEqual({
        nickname: '小蛋糕',
        points: 120,
      });
      // The non-unique index is opened again from the file's index list and still answers as a scan would.
      const consents = reader.collection('consents');
      await consents.insertOne({ memberId: 'm-1', purpose: 'marketing' });
      expect(await consents.countDocuments({ memberId: 'm-1' })).toBe(2);
      expect(await consents.countDocuments({ memberId: { $in: ['m-1', 'm-2'] }, purpose: 'sms' })).toBe(2);
    } finally {
      await reader.close();
      await second.stop();
    }
  });
});
