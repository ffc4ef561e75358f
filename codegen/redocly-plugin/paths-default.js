// @ts-check
/**
 * Gives a document without `paths` an empty one. OpenAPI 3.0 requires
 * `paths` (3.1 requires one of `paths`, `components`, `webhooks`), and
 * documents that only publish schemas leave it out. Cosmetic: a client with
 * no operations is what either way would generate. Reported as a warning.
 */
export function PathsDefault() {
  return {
    Root: {
      /** @param {any} root @param {any} ctx */
      enter(root, ctx) {
        if (!root || typeof root !== 'object' || root.paths !== undefined) return;
        root.paths = {};
        ctx.report({ message: '`paths` is missing; an empty one is used (no operations)', location: ctx.location, forceSeverity: 'warn' });
      },
    },
  };
}
