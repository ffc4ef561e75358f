// @ts-check
/**
 * Makes `operationId`s URL-safe (the `operation-operationId-url-safe` rule:
 * tools use operationIds in links and anchors).
 *
 * Scale GP's operationIds embed the path template, e.g.
 * `PATCH-V4-/application-specs/{application_spec_id}`. Braces become a leading
 * `:` (the usual path-parameter notation: `…/:application_spec_id`); each run of
 * other characters outside the rule's alphabet becomes `-` (`%` is outside it
 * too, so percent-encoding is not an option). Two ids that only differ there
 * would collide: `operation-operationId-unique` still runs on the result and
 * reports it. The vendor's id is kept in `x-vendor-operation-id`.
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
  return id.replace(/\{([^{}]*)\}/g, ':$1').replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]+/gu, '-');
}
