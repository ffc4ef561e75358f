// @ts-check
/**
 * A header parameter that carries the credential of a declared security scheme
 * becomes a security requirement of its operation.
 *
 * LaunchDarkly declares `Authorization` as a required header parameter on each
 * operation and defines the `ApiKey` scheme (apiKey in header `Authorization`)
 * without using it, so `security-defined` fails. Modelled as a parameter, every
 * call would have to pass the key; modelled as security (what the vendor means),
 * the client takes the key once, at creation.
 *
 * Matches: an `apiKey` scheme `in: header` with the same header name
 * (case-insensitive, RFC 9110 §5.1), or an `http` scheme for `Authorization`.
 * The first matching scheme in `components.securitySchemes` order wins. The
 * operation's existing `security` is kept when it already names that scheme.
 */
export function HeaderParamToSecurity() {
  return {
    Root: {
      /** @param {any} root */
      enter(root) {
        const schemes = root?.components?.securitySchemes;
        if (!schemes || typeof schemes !== 'object' || !root.paths) return;
        for (const pathItem of Object.values(root.paths)) {
          if (!pathItem || typeof pathItem !== 'object') continue;
          for (const [method, operation] of Object.entries(pathItem)) {
            if (!HTTP_METHODS.has(method) || !operation || !Array.isArray(operation.parameters)) continue;
            moveCredentialParams(root, schemes, operation);
          }
        }
      },
    },
  };
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** @param {any} root @param {Record<string, any>} schemes @param {any} operation */
function moveCredentialParams(root, schemes, operation) {
  operation.parameters = operation.parameters.filter((/** @type {any} */ param) => {
    const resolved = resolveLocal(root, param);
    if (!resolved || resolved.in !== 'header' || typeof resolved.name !== 'string') return true;
    const scheme = findScheme(root, schemes, resolved.name.toLowerCase());
    if (!scheme) return true;
    const security = Array.isArray(operation.security) ? operation.security : (operation.security = []);
    if (!security.some((/** @type {any} */ req) => req && typeof req === 'object' && scheme in req)) {
      security.push({ [scheme]: [] });
    }
    return false;
  });
  if (operation.parameters.length === 0) delete operation.parameters;
}

/** @param {any} root @param {Record<string, any>} schemes @param {string} header */
function findScheme(root, schemes, header) {
  for (const [name, raw] of Object.entries(schemes)) {
    const scheme = resolveLocal(root, raw);
    if (!scheme) continue;
    if (scheme.type === 'apiKey' && scheme.in === 'header' && String(scheme.name).toLowerCase() === header) return name;
    if (scheme.type === 'http' && header === 'authorization') return name;
  }
  return undefined;
}

/** Follows a same-document `$ref` (`#/…`); other refs are left unresolved. @param {any} root @param {any} node */
function resolveLocal(root, node) {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 16; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .map((/** @type {string} */ s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((/** @type {any} */ acc, /** @type {string} */ key) => (acc && typeof acc === 'object' ? acc[key] : undefined), root);
  }
  return current;
}
