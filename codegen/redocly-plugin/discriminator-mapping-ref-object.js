// @ts-check
/**
 * `discriminator.mapping` values must be strings (OpenAPI 3.0/3.1 §Discriminator
 * Object: "Map[string, string]"). Scale GP publishes them as `{ $ref: '…' }`
 * objects, which fails `struct` and makes both Redocly's bundler and
 * openapi-typescript inline whole schemas as mapping values. The value the
 * vendor meant is the `$ref` string, so that is what we keep.
 *
 * A mapping value that is neither a string nor a `{ $ref: string }` object is
 * left alone so that `struct` still reports it.
 */
export function DiscriminatorMappingRefObject() {
  return {
    Discriminator: {
      /** @param {{ mapping?: Record<string, unknown> }} discriminator */
      enter(discriminator) {
        const mapping = discriminator.mapping;
        if (!mapping || typeof mapping !== 'object') return;
        for (const [key, value] of Object.entries(mapping)) {
          if (isRefObject(value)) mapping[key] = value.$ref;
        }
      },
    },
  };
}

/** @param {unknown} value @returns {value is { $ref: string }} */
function isRefObject(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (/** @type {{ $ref?: unknown }} */ (value).$ref) === 'string'
  );
}
