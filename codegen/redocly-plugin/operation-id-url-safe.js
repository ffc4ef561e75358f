// @ts-check
/**
 * Makes `operationId`s URL-safe (the `operation-operationId-url-safe` rule:
 * tools use operationIds in links and anchors).
 *
 * Scale GP's operationIds embed the path template, e.g.
 * `PATCH-V4-/application-specs/{application_spec_id}`. Braces become a leading
 * `:` (the usual path-parameter notation: `…/:application_spec_id`); any other
 * character outside the rule's alphabet is percent-encoded, so distinct ids stay
 * distinct. The vendor's id is kept in `x-vendor-operation-id`.
 * `operation-operationId-unique` still runs on the result.
 */
const URL_SAFE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]*$/;

export function OperationIdUrlSafe() {
  return {
    Operation: {
      /** @param {Record<string, unknown>} operation */
      enter(operation) {
        const id = operation.operationId;
        if (typeof id !== 'string' || URL_SAFE.test(id)) return;
        operation.operationId = toUrlSafeOperationId(id);
        if (!('x-vendor-operation-id' in operation)) operation['x-vendor-operation-id'] = id;
      },
    },
  };
}

/** @param {string} id */
export function toUrlSafeOperationId(id) {
  return id
    .replace(/\{([^{}]*)\}/g, ':$1')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]/gu, percentEncode);
}

/** @param {string} ch */
function percentEncode(ch) {
  try {
    return encodeURIComponent(ch);
  } catch {
    return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as WHATWG URL encoding does
  }
}
