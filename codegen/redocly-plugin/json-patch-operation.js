// @ts-check
/**
 * Types a JSON Patch operation's `op` as RFC 6902's six operations (§4:
 * add, remove, replace, move, copy, test).
 *
 * LaunchDarkly's `PatchOperation.op` is a free `string`, so a typo such as
 * `"update"` would type-check and fail at the server. It narrows the schema
 * for types and mock servers, and lint has nothing to check about it, so it is
 * configured as a preprocessor: it runs once, before lint and bundle, and an
 * api without a decorator is not bundled at all when nothing else needs it
 * (codegen/stages/bundle-check.ts). Registered as a decorator too, with the
 * same effect on the bundle.
 *
 * Options: `schemas` — names of the component schemas that are JSON Patch
 * operations. Only an `op` property that is a plain string without `enum` or
 * `const` is narrowed.
 */
export const JSON_PATCH_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

/** @param {{ schemas?: unknown }} [options] */
export function JsonPatchOperation(options = {}) {
  const names = Array.isArray(options.schemas) ? options.schemas.filter((n) => typeof n === 'string') : [];
  if (names.length === 0) return {};
  return {
    NamedSchemas: {
      /** @param {Record<string, any>} schemas */
      enter(schemas) {
        for (const name of names) {
          const op = schemas[name]?.properties?.op;
          if (!op || typeof op !== 'object' || op.$ref || op.type !== 'string' || 'enum' in op || 'const' in op) continue;
          op.enum = [...JSON_PATCH_OPS];
        }
      },
    },
  };
}
