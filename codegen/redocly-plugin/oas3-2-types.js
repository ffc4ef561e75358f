// @ts-check
/**
 * Fixes two OpenAPI 3.2 type definitions of @redocly/openapi-core 2.64 (the
 * newest published library; the Redocly CLI 2.77 bundles a later core that
 * has them right):
 *
 * - `flows.deviceAuthorization.scopes` is declared as a map of a type named
 *   `string`, which does not exist: lint throws `Unknown type name found:
 *   string` on any 3.2 document with the OAuth device flow;
 * - `components.mediaTypes` is declared as a map of content maps instead of a
 *   map of Media Type Objects: `struct` rejects every reusable media type
 *   (`Property \`schema\` … is not expected here`).
 *
 * A plugin `typeExtension` (Redocly's hook for changing its types), applied
 * to 3.2 documents only; a no-op once the library's own types are right.
 */
/**
 * @param {Record<string, any>} types @param {string} version
 * @returns {Record<string, any>}
 */
export function oas3_2Types(types, version) {
  if (version !== 'oas3_2') return types;
  const fixed = { ...types };
  const device = types.DeviceAuthorization;
  if (device?.properties?.scopes && typeof device.properties.scopes.additionalProperties === 'function') {
    fixed.DeviceAuthorization = { ...device, properties: { ...device.properties, scopes: { type: 'object', additionalProperties: { type: 'string' } } } };
  }
  const named = types.NamedMediaTypes;
  if (named && typeof named.additionalProperties === 'function' && named.additionalProperties() === 'MediaTypesMap') {
    fixed.NamedMediaTypes = { ...named, additionalProperties: () => 'MediaType' };
  }
  return fixed;
}
