// @ts-check
/**
 * Renames keys that OpenAPI does not define on an object (an `operationId`
 * written into a Response, `tags` on a Path Item, a stray key in `info` or a
 * server) to `x-<key>`, which `struct` accepts and which keeps the value in
 * the bundle. Cosmetic: neither openapi-typescript nor the wrappers read an
 * undefined key of these objects. Reported as a warning.
 *
 * Not for schemas: an unknown schema keyword may be one openapi-typescript
 * reads anyway (3.0's `const`), so it stays a `struct` error; list vendor
 * keywords per api with `keywords-to-extensions` instead. Maps (paths,
 * responses, properties…) have no unknown keys. An existing `x-<key>` wins:
 * the key is left for `struct` to report.
 */
const SKIP = new Set(['Schema', 'Root']);

export function UnknownKeysToExtensions() {
  return {
    any: {
      /** @param {any} node @param {any} ctx */
      enter(node, ctx) {
        const type = ctx.type;
        if (!node || typeof node !== 'object' || Array.isArray(node) || !type || SKIP.has(type.name)) return;
        if (type.additionalProperties !== undefined || !type.properties || Object.keys(type.properties).length === 0) return;
        for (const key of Object.keys(node)) {
          if (key === '$ref' || key.startsWith('x-') || Object.hasOwn(type.properties, key)) continue;
          if (Object.hasOwn(node, `x-${key}`)) continue;
          node[`x-${key}`] = node[key];
          delete node[key];
          ctx.report({
            message: `\`${key}\` is not a field of ${type.name}; kept as \`x-${key}\``,
            location: ctx.location.child([key]).key(),
            forceSeverity: 'warn',
          });
        }
      },
    },
  };
}
