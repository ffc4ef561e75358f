// @ts-check
/**
 * Makes every operation's path parameters match its path template
 * (`path-parameters-defined`; OpenAPI 3.x §Parameter Object: a path
 * parameter's name "MUST correspond to a template expression occurring within
 * the path", and it is required).
 *
 * The wrappers take path parameters from the template and openapi-typescript
 * types them from the declarations; when the two disagree the client does not
 * compile (a declared `id` absent from `/things` is a required argument the
 * wrapper's `= {}` default lacks), so this runs on every generate whatever
 * the config says (codegen/stages/guarantee.ts), and as a preprocessor where
 * a config switches it on (then lint sees the result too):
 *
 * - a path parameter not in the template is dropped: no request can carry it;
 * - a template expression with no declaration gets `{ in: path, required: true, schema: { type: string } }`;
 * - a path parameter with `required` other than `true` becomes required.
 *
 * Only the root document is changed (refs to other files are left to the
 * guarantee step, which runs on the bundle, where every ref is local).
 */
import { derefLocal, HTTP_METHODS, pointerOf } from './refs.js';

export function PathParametersMatch() {
  return {
    Root: {
      /** @param {any} root */
      leave(root) {
        matchPathParameters(root);
      },
    },
  };
}

/**
 * @param {any} root an OpenAPI document (changed in place)
 * @returns {string[]} what was changed, one line each (`<pointer>: …`)
 */
export function matchPathParameters(root) {
  /** @type {string[]} */
  const changes = [];
  if (!root || typeof root.paths !== 'object' || root.paths === null) return changes;
  // Operations share their parameters through a few components: resolve each ref once.
  /** @type {Map<string, any>} */
  const resolved = new Map();
  /** @param {any} node */
  const deref = (node) => {
    if (!node || typeof node.$ref !== 'string') return derefLocal(root, node);
    if (!resolved.has(node.$ref)) resolved.set(node.$ref, derefLocal(root, node));
    return resolved.get(node.$ref);
  };
  for (const [path, rawItem] of Object.entries(root.paths)) {
    const item = deref(rawItem);
    if (!item) continue;
    const itemPointer = typeof rawItem?.$ref === 'string' ? rawItem.$ref : pointerOf(['paths', path]);
    const template = new Set([...path.matchAll(/\{([^{}]+)\}/g)].map((m) => /** @type {string} */ (m[1])));
    const ops = HTTP_METHODS.filter((m) => item[m] && typeof item[m] === 'object');
    // Path-level declarations not in the template: dropped for every operation.
    if (Array.isArray(item.parameters)) item.parameters = drop(deref, item.parameters, template, `${itemPointer}/parameters`, changes);
    for (const method of ops) {
      const op = item[method];
      const where = `${itemPointer}/${method}`;
      if (Array.isArray(op.parameters)) op.parameters = drop(deref, op.parameters, template, `${where}/parameters`, changes);
      const declared = new Set();
      for (const list of [item.parameters, op.parameters]) {
        for (const raw of Array.isArray(list) ? list : []) {
          const p = deref(raw);
          if (p?.in !== 'path' || typeof p.name !== 'string') continue;
          declared.add(p.name);
          if (p.required !== true) {
            p.required = true;
            changes.push(`${where}: path parameter "${p.name}" made required (a path parameter always is)`);
          }
        }
      }
      for (const name of template) {
        if (declared.has(name)) continue;
        if (!Array.isArray(op.parameters)) op.parameters = [];
        op.parameters.push({ name, in: 'path', required: true, schema: { type: 'string' } });
        changes.push(`${where}: path parameter "${name}" is in the template but not declared; added as a string`);
      }
    }
  }
  return changes;
}

/**
 * @param {(node: any) => any} deref @param {unknown[]} list @param {Set<string>} template @param {string} where @param {string[]} changes
 */
function drop(deref, list, template, where, changes) {
  return list.filter((raw) => {
    const p = deref(raw);
    // A name with a brace cannot be in a template: the wrappers stage refuses it with its own message.
    if (p?.in !== 'path' || typeof p.name !== 'string' || template.has(p.name) || /[{}]/.test(p.name)) return true;
    changes.push(`${where}: path parameter "${p.name}" is not in the path template; dropped`);
    return false;
  });
}
