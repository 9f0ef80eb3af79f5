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
    await writer.close();
    await first.stop();

    const second = await startDatabase({ backend: 'file', file, ignoreEnvironment: true });
    const reader = await mongoose.createConnection(`${second.uri}persist`).asPromise();
    try {
      expect(await reader.collection('members').findOne({}, { projection: { _id: 0 } })).toEqual({
        nickname: '小蛋糕',
        points: 120,
      });
    } finally {
      await reader.close();
      await second.stop();
    }
  });
});
