import type { ShardKeyPattern } from './shardKeys';

export type IndexFields = Readonly<Record<string, unknown>>;

/**
 * MongoDB's rule for a unique index on a sharded collection (ShardKeyPattern::isUniqueIndexCompatible): the shard
 * key's field names must be a prefix of the index's (hashed or ranged alike). MongoDB also accepts any index that
 * starts with `_id`, trusting `_id` to be unique, but that holds across shards only when `_id` leads the shard key
 * or the ids are ObjectIds the driver generated: `idIsGenerated` says which.
 */
export function uniqueIndexCompatible(key: ShardKeyPattern, index: IndexFields, idIsGenerated: boolean): boolean {
  const indexFields = Object.keys(index);
  const keyFields = Object.keys(key);
  if (indexFields[0] === '_id') return idIsGenerated || keyFields[0] === '_id';
  return keyFields.length <= indexFields.length && keyFields.every((field, position) => indexFields[position] === field);
}

/** The name MongoDB gives an index that names none: `field_direction` joined by underscores. */
export function defaultIndexName(index: IndexFields): string {
  return Object.entries(index)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join('_');
}
