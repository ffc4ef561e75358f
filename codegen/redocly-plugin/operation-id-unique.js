// @ts-check
/**
 * Makes duplicated `operationId`s unique (`operation-operationId-unique`;
 * OpenAPI 3.x §Operation Object: "The id MUST be unique among all operations").
 *
 * Scale GP's full spec uses `POST-V4-/accounts` for both `POST /accounts` and
 * `POST /v4/accounts`; openapi-typescript then emits one `operations` key for
 * two operations. Every operation that shares an id (not only the second one,
 * so the result does not depend on document order) gets `METHOD-/path`, with
 * `{param}` written `:param`: unique by construction, since a method and path
 * identify an operation. The vendor's id is kept in `x-vendor-operation-id`.
 */
import { toUrlSafeOperationId } from './operation-id-url-safe.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function OperationIdUnique() {
  return {
    Root: {
      /** @param {any} root */
      enter(root) {
        if (!root || typeof root.paths !== 'object' || root.paths === null) return;
        /** @type {Map<string, Array<{ operation: any, method: string, path: string }>>} */
        const byId = new Map();
        for (const [path, pathItem] of Object.entries(root.paths)) {
          if (!pathItem || typeof pathItem !== 'object') continue;
          for (const method of HTTP_METHODS) {
            const operation = /** @type {any} */ (pathItem)[method];
            if (!operation || typeof operation.operationId !== 'string') continue;
            const list = byId.get(operation.operationId) ?? [];
            list.push({ operation, method, path });
            byId.set(operation.operationId, list);
          }
        }
        for (const [id, ops] of byId) {
          if (ops.length < 2) continue;
          for (const { operation, method, path } of ops) {
            operation.operationId = toUrlSafeOperationId(`${method.toUpperCase()}-${path}`);
            if (!('x-vendor-operation-id' in operation)) operation['x-vendor-operation-id'] = id;
          }
        }
      },
    },
  };
}
