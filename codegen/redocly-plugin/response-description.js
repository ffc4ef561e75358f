// @ts-check
/**
 * Gives a response without `description` an empty one (`description` is
 * REQUIRED in OpenAPI 3.0/3.1, and `struct` stops on it). Cosmetic: the
 * description only reaches doc comments. Reported as a warning.
 */
export function ResponseDescription() {
  return {
    Response: {
      /** @param {any} response @param {any} ctx */
      enter(response, ctx) {
        if (!response || typeof response !== 'object' || Array.isArray(response) || '$ref' in response) return;
        if (typeof response.description === 'string') return;
        response.description = '';
        ctx.report({ message: 'Response has no `description`; an empty one is used', location: ctx.location, forceSeverity: 'warn' });
      },
    },
  };
}
