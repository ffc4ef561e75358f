// @ts-check
/**
 * Makes duplicated `operationId`s unique (`operation-operationId-unique`;
 * OpenAPI 3.x §Operation Object: "The id MUST be unique among all operations").
 *
 * Scale GP's full spec uses `POST-V4-/accounts` for both `POST /accounts` and
 * `POST /v4/accounts`; openapi-typescript then emits one `operations` key for
 * two operations. Ids are compared in the form `operation-id-url-safe` gives
 * them (two ids can become equal there). Every operation that shares an id
 * (not only the second one, so the result does not depend on document order)
 * gets `METHOD-/path`, unique by construction since a method and path identify
 * an operation: characters outside `A-Za-z0-9-._/` are written as `~XX` per
 * UTF-8 byte (`{id}` → `~7Bid~7D`), an encoding that keeps distinct paths
 * distinct. The vendor's id is kept in `x-vendor-operation-id`.
 */
import { toUrlSafeOperationId } from './operation-id-url-safe.js';
import { HTTP_METHODS } from './refs.js';

export function OperationIdUnique() {
  return {
    Root: {
      /** @param {any} root */
      enter(root) {
        makeOperationIdsUnique(root);
      },
    },
  };
}

/**
 * @param {any} root an OpenAPI document (changed in place)
 * @returns {string[]} what was changed, one line each
 */
export function makeOperationIdsUnique(root) {
  /** @type {string[]} */
  const changes = [];
  if (!root || typeof root.paths !== 'object' || root.paths === null) return changes;
  /** @type {Map<string, Array<{ operation: any, method: string, path: string }>>} */
  const byId = new Map();
  for (const [path, pathItem] of Object.entries(root.paths)) {
    if (!pathItem || typeof pathItem !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const operation = /** @type {any} */ (pathItem)[method];
      if (!operation || typeof operation.operationId !== 'string') continue;
      const key = toUrlSafeOperationId(operation.operationId);
      const list = byId.get(key) ?? [];
      list.push({ operation, method, path });
      byId.set(key, list);
    }
  }
  for (const ops of byId.values()) {
    if (ops.length < 2) continue;
    for (const { operation, method, path } of ops) {
      if (!('x-vendor-operation-id' in operation)) operation['x-vendor-operation-id'] = operation.operationId;
      operation.operationId = `${method.toUpperCase()}-${encodeInjective(path)}`;
      changes.push(`${method.toUpperCase()} ${path}: operationId "${operation['x-vendor-operation-id']}" is shared by ${ops.length} operations; renamed to "${operation.operationId}"`);
    }
  }
  return changes;
}

const KEEP = /^[A-Za-z0-9\-._/]$/;
const utf8 = new TextEncoder();

/** `/a/{id}` → `/a/~7Bid~7D`: URL-safe and injective (every other byte as `~XX`). @param {string} text */
export function encodeInjective(text) {
  let out = '';
  for (const ch of text) {
    if (KEEP.test(ch)) out += ch;
    else for (const byte of utf8.encode(ch)) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
