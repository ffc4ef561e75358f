// @ts-check
/**
 * The lint profile for client generation (`extends: [recommended,
 * vendor-quirks/codegen]`, docs/generating.md "Lint policy"). Redocly's `recommended`
 * stops on findings of two kinds that leave a maintainer without a client
 * for nothing; this profile makes them warnings and keeps every finding that
 * changes the generated code an error:
 *
 * - normalised by the pipeline anyway (codegen/stages/guarantee.ts):
 *   duplicate operationIds, path parameters that do not match the template;
 * - cosmetic (the generated code is the same whether or not the vendor fixes
 *   it): operationIds that are not URL-safe (wrapper names are derived
 *   either way), a missing summary (doc comments only), no servers (the
 *   caller passes `baseUrl`), a trailing slash on a path or server URL
 *   (openapi-fetch strips the server's; the path is the vendor's real URL),
 *   component names outside Redocly's alphabet, example problems (examples
 *   never reach the types); an operation without `security` (the types and
 *   wrappers are the same; the client sends no credential unless
 *   `x-codegen.auth` names the header); 3.0's `nullable` beside `allOf`/`$ref`
 *   without `type` (the nullable-reference idiom: openapi-typescript types it
 *   `T | null`, as the vendor means);
 * - cosmetic `struct` findings are normalised by preprocessors with a warning:
 *   `info` without title/version or `version: 1`, a response without
 *   `description`, a document without `paths`, 3.0's `nullable` in 3.1,
 *   undefined keys outside schemas (kept as `x-` extensions).
 *
 * Still errors: `struct` (any other shape), unresolved refs, type/enum
 * mismatches, duplicate parameters,
 * identical or malformed paths, query strings in paths, server variables.
 */
export const codegenProfile = {
  rules: {
    'operation-operationId-unique': 'warn',
    'path-parameters-defined': 'warn',
    'operation-operationId-url-safe': 'warn',
    'operation-summary': 'warn',
    'no-empty-servers': 'warn',
    'no-path-trailing-slash': 'warn',
    'no-server-trailing-slash': 'warn',
    'spec-components-invalid-map-name': 'warn',
    'no-example-value-and-externalValue': 'warn',
    'spec-example-values': 'warn',
    'spec-no-invalid-tag-parents': 'warn',
    'security-defined': 'warn',
    'nullable-type-sibling': 'warn',
  },
  preprocessors: {
    'vendor-quirks/discriminator-mapping-ref-object': 'on',
    'vendor-quirks/operation-id-url-safe': 'on',
    'vendor-quirks/operation-id-unique': 'on',
    'vendor-quirks/header-param-to-security': 'on',
    'vendor-quirks/path-parameters-match': 'on',
    'vendor-quirks/hoist-deep-refs': 'on',
    'vendor-quirks/info-defaults': 'on',
    'vendor-quirks/response-description': 'on',
    'vendor-quirks/paths-default': 'on',
    'vendor-quirks/nullable-to-type-null': 'on',
    'vendor-quirks/unknown-keys-to-extensions': 'on',
  },
};
