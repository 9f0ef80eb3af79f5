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
