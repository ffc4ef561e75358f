// @ts-check
/**
 * Renames non-standard Schema Object keywords to specification extensions
 * (`can_patch` → `x-can-patch`), keeping their value and position.
 *
 * Scale GP annotates properties with `can_patch` and `optional_in_request`.
 * They are not JSON Schema / OpenAPI keywords (`struct` fails on them) but they
 * carry information a client may want, so we keep them as `x-` extensions,
 * which OpenAPI allows anywhere, instead of dropping them.
 *
 * Options: `keywords` — the list of keywords to rename (required; each api
 * names its own quirks in redocly.yaml).
 */
/** @param {{ keywords?: unknown }} [options] */
export function KeywordsToExtensions(options = {}) {
  const keywords = Array.isArray(options.keywords)
    ? options.keywords.filter((k) => typeof k === 'string' && !k.startsWith('x-'))
    : [];
  if (keywords.length === 0) return {};
  return {
    Schema: {
      /** @param {Record<string, unknown>} schema */
      enter(schema) {
        if (!keywords.some((k) => Object.prototype.hasOwnProperty.call(schema, k))) return;
        const entries = Object.entries(schema);
        for (const [key] of entries) delete schema[key];
        for (const [key, value] of entries) {
          const renamed = keywords.includes(key) ? toExtensionName(key) : key;
          // An explicit `x-…` already present wins over the renamed keyword.
          if (renamed !== key && Object.prototype.hasOwnProperty.call(schema, renamed)) continue;
          schema[renamed] = value;
        }
      },
    },
  };
}

/** `can_patch` → `x-can-patch` @param {string} keyword */
export function toExtensionName(keyword) {
  return `x-${keyword.replace(/[_\s]+/g, '-').toLowerCase()}`;
}
