/** Small read-only helpers over a bundled OpenAPI document (all `$ref`s local). */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a local `#/…` JSON pointer; undefined when it does not exist. */
export function resolvePointer(doc: unknown, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined;
  const parts = ref.slice(1).split('/').slice(1);
  let node: unknown = doc;
  for (const raw of parts) {
    const key = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
    if (node === undefined) return undefined;
  }
  return node as Json;
}

/** Follows `$ref` chains (bounded, cycle-safe). */
export function deref(doc: unknown, node: unknown): JsonObject | undefined {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) return undefined;
    current = resolvePointer(doc, current.$ref);
  }
  return isObject(current) ? current : undefined;
}

/** `#/components/schemas/Foo` → `Foo`; undefined for any other ref. */
export function schemaNameOf(ref: string): string | undefined {
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return m ? safeDecode(m[1]!).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** Pointer segments may be percent-encoded (RFC 6901 §6); a stray `%` is taken literally. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function componentSchemas(doc: unknown): Array<[string, JsonObject]> {
  const schemas = isObject(doc) && isObject(doc.components) ? doc.components.schemas : undefined;
  if (!isObject(schemas)) return [];
  return Object.entries(schemas).filter((e): e is [string, JsonObject] => isObject(e[1]));
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationRef {
  path: string;
  method: HttpMethod;
  operation: JsonObject;
  pathItem: JsonObject;
}

/** Every operation in document order. */
export function operationsOf(doc: unknown): OperationRef[] {
  const paths = isObject(doc) ? doc.paths : undefined;
  if (!isObject(paths)) return [];
  const out: OperationRef[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = deref(doc, rawItem);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) out.push({ path, method, operation, pathItem });
    }
  }
  return out;
}

/** The top-level names openapi-typescript exports from schema.ts (index.ts re-exports them). */
export const SCHEMA_EXPORTS: ReadonlySet<string> = new Set(['paths', 'webhooks', 'components', '$defs', 'operations']);

/**
 * `fn`, computed once per document object: for what a pass finds in the spec
 * (read-only to passes) and both its `reads` and the pass itself ask for.
 */
export function oncePerDocument<T>(fn: (document: JsonObject) => T): (document: JsonObject) => T {
  const found = new WeakMap<JsonObject, T>();
  return (document) => {
    if (!found.has(document)) found.set(document, fn(document));
    return found.get(document)!;
  };
}
