import type { Mongoose, Schema } from 'mongoose';
import type { PersonalDataHolder } from './personalDataRegistry';

/** Path names that say a field names a member or holds what a member is or wrote. */
export const PERSONAL_FIELD_PATTERN = /member|helper|referrer|buyer|recipient|openid|unionid|nickname|avatar|phone|birthday|memberName|staff|(^|\.)ip$|(^|\.)wishes$|(^|\.)text$|(^|\.)note$/i;

/** Every path of a schema, nested and array subdocuments included (`helpers.nickname`). */
function pathsOf(schema: Schema, prefix = ''): string[] {
  const paths: string[] = [];
  schema.eachPath((path, type) => {
    paths.push(`${prefix}${path}`);
    const nested = (type as { schema?: Schema }).schema;
    if (nested) paths.push(...pathsOf(nested, `${prefix}${path}.`));
  });
  return paths;
}

const covers = (declared: readonly string[], path: string): boolean => declared.some((field) => path === field || path.startsWith(`${field}.`));

/**
 * What the registry misses: models with personal-looking fields that are not in it (unless exempted field by
 * field), registered models whose personal-looking fields are not declared, and registry entries naming no model.
 */
export function registryGaps(
  mongoose: Pick<Mongoose, 'models'>,
  holders: readonly PersonalDataHolder[],
  exemptions: { models: Readonly<Record<string, string>>; fields: Readonly<Record<string, string>> },
): string[] {
  const gaps: string[] = [];
  for (const [name, model] of Object.entries(mongoose.models)) {
    const holder = holders.find((candidate) => candidate.model === name);
    const personal = pathsOf(model.schema).filter((path) => PERSONAL_FIELD_PATTERN.test(path) && !exemptions.fields[`${name}.${path}`]);
    if (!holder && !exemptions.models[name]) gaps.push(`${name}: not in the personal-data registry`);
    else if (!holder && personal.length > 0) gaps.push(`${name}: exempted, but holds ${personal.join(', ')}`);
    else if (holder) gaps.push(...personal.filter((path) => !covers(holder.fields, path)).map((path) => `${name}.${path}: not declared in the registry`));
  }
  for (const holder of holders) {
    if (holder.model && !mongoose.models[holder.model]) gaps.push(`${holder.model}: in the registry but no such model`);
    if (holder.erasure !== 'keep' && !holder.erase) gaps.push(`${holder.model ?? holder.collection}: ${holder.erasure} without an erase step`);
  }
  return gaps;
}
