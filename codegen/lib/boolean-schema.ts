/**
 * Boolean schemas and boolean discriminator keys: the one rule shared by the
 * boolean-discriminator pass (what the types say) and lib/examples.ts (the
 * fakes' default replies, which must be values of those types).
 */
import type { JsonObject } from './openapi.js';

export function isBooleanSchema(schema: JsonObject): boolean {
  if (typeof schema.const === 'boolean') return true;
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === 'boolean')) return true;
  const type = schema.type;
  return type === 'boolean' || (Array.isArray(type) && type.length > 0 && type.every((t) => t === 'boolean' || t === 'null') && type.includes('boolean'));
}

export function literalOf(schema: JsonObject): true | false | undefined {
  if (typeof schema.const === 'boolean') return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1 && typeof schema.enum[0] === 'boolean') return schema.enum[0];
  return undefined;
}

/** Mapping keys are strings; vendors spell booleans `True`, `true`, `1`, `yes`… */
export function booleanFromKey(key: string): true | false | undefined {
  const k = key.trim().toLowerCase();
  if (['true', '1', 'yes', 'y', 'on', 't'].includes(k)) return true;
  if (['false', '0', 'no', 'n', 'off', 'f'].includes(k)) return false;
  return undefined;
}
