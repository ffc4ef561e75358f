// @ts-check
/** Small helpers the preprocessors share: local JSON pointers and the HTTP methods of a path item. */

/** The operations of a path item openapi-typescript and openapi-fetch know (OpenAPI 3.0/3.1; 3.2's `query` is refused). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `['paths', '/a/{id}']` → `#/paths/~1a~1{id}` (RFC 6901). @param {Array<string | number>} segments */
export function pointerOf(segments) {
  return `#${segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
}

/** `#/a~1b/c` → `['a/b', 'c']`; undefined for a ref that is not local. @param {string} ref */
export function segmentsOf(ref) {
  if (!ref.startsWith('#')) return undefined;
  const body = ref.slice(1);
  if (body === '') return [];
  if (!body.startsWith('/')) return undefined;
  return body
    .slice(1)
    .split('/')
    .map((s) => {
      let decoded = s;
      try {
        decoded = decodeURIComponent(s);
      } catch {
        // a stray `%` is taken literally
      }
      return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** The node at a local pointer, or undefined. @param {any} root @param {string} ref */
export function resolveLocal(root, ref) {
  const segments = segmentsOf(ref);
  if (!segments) return undefined;
  let node = root;
  for (const key of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Follows local `$ref` chains (bounded); the node itself when it is not a ref. @param {any} root @param {any} node */
export function derefLocal(root, node) {
  let current = node;
  for (let hops = 0; current && typeof current === 'object' && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) return undefined;
    current = resolveLocal(root, current.$ref);
  }
  return current && typeof current === 'object' && !Array.isArray(current) ? current : undefined;
}
