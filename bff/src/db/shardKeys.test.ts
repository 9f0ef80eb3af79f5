import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
// The app brings every model used by some route; the *.model.ts files are walked below for the rest.
import '../app';
import { defaultIndexName, uniqueIndexCompatible, type IndexFields } from './shardKeyRules';
import { shardPlans, type ShardKeyPattern } from './shardKeys';

const SRC = path.resolve(__dirname, '..');

function modelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : modelFiles(file);
    return entry.name.endsWith('.model.ts') ? [file] : [];
  });
}

interface UniqueIndex {
  name: string;
  fields: IndexFields;
}

interface Collection {
  name: string;
  model: string;
  uniqueIndexes: UniqueIndex[];
  /** The driver makes the ObjectId: uniqueness holds everywhere without the index. */
  idIsGenerated: boolean;
  hasPath: (field: string) => boolean;
}

let collections: Collection[] = [];

beforeAll(async () => {
  for (const file of modelFiles(SRC)) await import(file);
  collections = mongoose.modelNames().map((name) => {
    const model = mongoose.model(name);
    const { schema } = model;
    return {
      name: model.collection.collectionName,
      model: name,
      uniqueIndexes: schema
        .indexes()
        .filter(([, options]) => options.unique === true)
        .map(([fields, options]) => ({ name: typeof options.name === 'string' ? options.name : defaultIndexName(fields), fields })),
      idIsGenerated: (schema.path('_id') as { options?: { auto?: boolean } } | undefined)?.options?.auto === true,
      hasPath: (field) => field === '_id' || schema.path(field) !== undefined || schema.pathType(field) !== 'adhocOrUndefined',
    };
  });
});

const incompatible = (collection: Collection, key: ShardKeyPattern): string[] => [
  ...(collection.idIsGenerated || Object.keys(key)[0] === '_id' ? [] : ['_id_']),
  ...collection.uniqueIndexes.filter((index) => !uniqueIndexCompatible(key, index.fields, collection.idIsGenerated)).map((index) => index.name),
];

describe('MongoDB\'s unique-index rule, as the check applies it', () => {
  it('takes the shard key\'s fields as a prefix, hashed or not', () => {
    expect(uniqueIndexCompatible({ a: 1 }, { a: 1 }, true)).toBe(true);
    expect(uniqueIndexCompatible({ a: 1 }, { a: -1, b: 1 }, true)).toBe(true);
    expect(uniqueIndexCompatible({ a: 'hashed' }, { a: 1, b: 1 }, true)).toBe(true);
    expect(uniqueIndexCompatible({ a: 'hashed', b: 1 }, { a: 1, b: 1, c: 1 }, true)).toBe(true);
    expect(uniqueIndexCompatible({ a: 1 }, { b: 1 }, true)).toBe(false);
    expect(uniqueIndexCompatible({ a: 1 }, { b: 1, a: 1 }, true)).toBe(false);
    expect(uniqueIndexCompatible({ a: 'hashed', b: 1 }, { b: 1 }, true)).toBe(false);
    expect(uniqueIndexCompatible({ a: 1, b: 1 }, { a: 1 }, true)).toBe(false);
  });

  it('trusts an index led by _id only when the ids are generated or _id leads the key', () => {
    expect(uniqueIndexCompatible({ a: 1 }, { _id: 1, b: 1 }, true)).toBe(true);
    expect(uniqueIndexCompatible({ a: 1 }, { _id: 1, b: 1 }, false)).toBe(false);
    expect(uniqueIndexCompatible({ _id: 'hashed' }, { _id: 1, b: 1 }, false)).toBe(true);
  });
});

describe('every collection has a shard plan that MongoDB would accept', () => {
  it('found the models', () => {
    expect(collections.length).toBeGreaterThanOrEqual(30);
    expect(collections.find((collection) => collection.name === 'daily_counters')?.idIsGenerated).toBe(false);
    expect(collections.find((collection) => collection.name === 'members')?.idIsGenerated).toBe(true);
  });

  it('no model is without a plan (add one to bff/src/db/shardKeys.ts: a key, or unsharded with the reason)', () => {
    const missing = collections.filter((collection) => !(collection.name in shardPlans)).map((collection) => `${collection.name} (${collection.model})`);
    expect(missing).toEqual([]);
  });

  it('no plan is for a collection no model uses', () => {
    const names = new Set(collections.map((collection) => collection.name));
    expect(Object.keys(shardPlans).filter((name) => !names.has(name))).toEqual([]);
  });

  it('a sharded collection\'s key names its fields, and every unique index (and an application-chosen _id) starts with it', () => {
    const problems = collections.flatMap((collection) => {
      const plan = shardPlans[collection.name];
      if (!plan || !('key' in plan)) return [];
      const unknownFields = Object.keys(plan.key).filter((field) => !collection.hasPath(field));
      return [
        ...unknownFields.map((field) => `${collection.name}: the key names ${field}, which the schema does not`),
        ...incompatible(collection, plan.key).map((index) => `${collection.name}: unique index ${index} does not start with ${JSON.stringify(plan.key)}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('an unsharded collection\'s later key lists exactly the unique indexes that must change first', () => {
    const problems = collections.flatMap((collection) => {
      const plan = shardPlans[collection.name];
      if (!plan || !('unsharded' in plan) || !plan.later) return [];
      const blockers = incompatible(collection, plan.later.key).sort();
      const declared = [...plan.later.blockedBy].sort();
      return JSON.stringify(blockers) === JSON.stringify(declared) ? [] : [`${collection.name}: blocked by ${JSON.stringify(blockers)}, declared ${JSON.stringify(declared)}`];
    });
    expect(problems).toEqual([]);
  });

  it('docs/sharding.md has a row for every collection', () => {
    const doc = readFileSync(path.resolve(SRC, '../../docs/sharding.md'), 'utf8');
    expect(Object.keys(shardPlans).filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });
});
