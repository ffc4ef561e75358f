// @ts-check
/**
 * Moves the targets of "deep" local `$ref`s into `components`, so that every
 * ref openapi-typescript sees names a whole component.
 *
 * A `$ref` may point anywhere in a document (`#/paths/~1pets/get/responses/200/
 * content/application~1json/schema/items`, `#/components/schemas/Foo/properties/
 * foo/items`), but openapi-typescript turns a ref into an indexed access on its
 * own output (`paths["/pets"]["get"]["responses"][200]["content"]…["schema"]`),
 * whose shape differs from the document's below a component: the generated
 * types then do not compile (TS2339 `Property 'schema' does not exist`).
 *
 * - A deep target of a kind openapi-typescript emits as a component (schema,
 *   parameter, response, request body, header; path item from 3.1) is copied
 *   to `components/<section>/<Name>`, `Name` spelled from the pointer
 *   (`#/components/schemas/Foo/properties/foo/items` → `FooFooItems`, a
 *   number appended when taken), and every ref to it points there. Refs inside
 *   the copies are rewritten too, so recursion through a deep ref survives.
 * - Anything else with a deep or untyped target (a media type, 3.2's
 *   `components/mediaTypes`, a 3.0 path item) is replaced by a copy of its
 *   target; a target that contains a ref back to itself cannot be copied and
 *   is reported.
 * - A ref to the document root or to a whole section is reported.
 *
 * Runs on every generate (codegen/stages/guarantee.ts, on the bundle, where
 * every ref is local) and as a preprocessor where a config switches it on.
 */
import { pointerOf, resolveLocal, segmentsOf } from './refs.js';

/** Component sections openapi-typescript types a whole-component ref to (or ignores harmlessly). */
const WHOLE_COMPONENT_OK = new Set(['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'pathItems', 'examples', 'links', 'callbacks', 'securitySchemes']);

/** Where a target of each kind is hoisted to. */
const SECTION_OF = /** @type {Record<string, string>} */ ({
  Schema: 'schemas',
  Parameter: 'parameters',
  Response: 'responses',
  RequestBody: 'requestBodies',
  Header: 'headers',
  PathItem: 'pathItems',
});

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems', 'contentSchema']);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf', 'prefixItems']);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const COMPONENT_KIND = /** @type {Record<string, string>} */ ({
  schemas: 'Schema',
  parameters: 'Parameter',
  responses: 'Response',
  requestBodies: 'RequestBody',
  headers: 'Header',
  pathItems: 'PathItem',
  callbacks: 'Callback',
  mediaTypes: 'MediaType',
  examples: 'Example',
  links: 'Link',
});

export function HoistDeepRefs() {
  return {
    Root: {
      /** @param {any} root */
      leave(root) {
        hoistDeepRefs(root);
      },
    },
  };
}

/**
 * The kind of node a pointer lands on, following the OpenAPI object graph
 * from the root (`Schema`, `Parameter`, …); undefined when it cannot tell.
 * @param {string[]} s
 */
export function kindOf(s) {
  /** @type {string | undefined} */
  let kind;
  let i = 0;
  if ((s[0] === 'paths' || s[0] === 'webhooks') && s.length >= 2) {
    kind = 'PathItem';
    i = 2;
  } else if (s[0] === 'components' && s.length >= 3) {
    kind = COMPONENT_KIND[/** @type {string} */ (s[1])];
    i = 3;
  } else return undefined;
  while (kind && i < s.length) {
    const key = /** @type {string} */ (s[i]);
    const next = s[i + 1];
    switch (kind) {
      case 'PathItem':
        if (METHODS.has(key)) [kind, i] = ['Operation', i + 1];
        else if (key === 'parameters' && next !== undefined) [kind, i] = ['Parameter', i + 2];
        else kind = undefined;
        break;
      case 'Operation':
        if (key === 'parameters' && next !== undefined) [kind, i] = ['Parameter', i + 2];
        else if (key === 'requestBody') [kind, i] = ['RequestBody', i + 1];
        else if (key === 'responses' && next !== undefined) [kind, i] = ['Response', i + 2];
        else if (key === 'callbacks' && next !== undefined) [kind, i] = ['Callback', i + 2];
        else kind = undefined;
        break;
      case 'Callback':
        [kind, i] = ['PathItem', i + 1];
        break;
      case 'RequestBody':
      case 'Response':
        if (key === 'content' && next !== undefined) [kind, i] = ['MediaType', i + 2];
        else if (key === 'headers' && next !== undefined) [kind, i] = ['Header', i + 2];
        else kind = undefined;
        break;
      case 'Parameter':
      case 'Header':
        if (key === 'schema') [kind, i] = ['Schema', i + 1];
        else if (key === 'content' && next !== undefined) [kind, i] = ['MediaType', i + 2];
        else kind = undefined;
        break;
      case 'MediaType':
        if (key === 'schema' || key === 'itemSchema') [kind, i] = ['Schema', i + 1];
        else kind = undefined;
        break;
      case 'Schema':
        if (SCHEMA_MAPS.has(key) && next !== undefined) i += 2;
        else if (SCHEMA_ONE.has(key)) i += 1;
        else if (SCHEMA_LISTS.has(key) && next !== undefined) i += 2;
        else if (key === 'items' && next !== undefined && /^\d+$/.test(next)) i += 2;
        else kind = undefined;
        break;
      default:
        kind = undefined;
    }
  }
  return kind;
}

/** `['components', 'schemas', 'Foo', 'properties', 'foo', 'items']` → `FooFooItems`. @param {string[]} s */
function nameFor(s) {
  const body = s[0] === 'components' ? s.slice(2) : s[0] === 'paths' ? s.slice(1) : s;
  const words = body
    .filter((seg, i) => !(SCHEMA_MAPS.has(seg) && i + 1 < body.length) && seg !== 'content')
    .flatMap((seg) => seg.split(/[^A-Za-z0-9]+/))
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  const name = words.join('').slice(0, 120);
  return /^[A-Za-z]/.test(name) ? name : `Ref${name}`;
}

/**
 * @param {any} root an OpenAPI document with local refs (changed in place)
 * @returns {{ changes: string[], errors: string[] }} what was changed and what cannot be, one line each
 */
export function hoistDeepRefs(root) {
  /** @type {string[]} */
  const changes = [];
  /** @type {string[]} */
  const errors = [];
  if (!root || typeof root !== 'object') return { changes, errors };
  resolveAnchors(root, changes, errors);
  /** @type {Set<string>} */
  const deep = new Set();
  walkRefs(root, (holder) => {
    const ref = holder.$ref;
    const s = segmentsOf(ref);
    if (!s) return;
    if (s.length === 3 && s[0] === 'components' && WHOLE_COMPONENT_OK.has(/** @type {string} */ (s[1]))) return;
    deep.add(ref);
  });
  if (deep.size === 0) return { changes, errors };

  const version = typeof root.openapi === 'string' ? root.openapi : '';
  /** @type {Map<string, string>} deep ref → component ref */
  const hoisted = new Map();
  /** @type {Map<string, unknown>} deep ref → target to copy in place */
  const inline = new Map();
  for (const ref of [...deep].sort()) {
    const s = /** @type {string[]} */ (segmentsOf(ref));
    const target = resolveLocal(root, ref);
    if (s.length < 3) {
      errors.push(`$ref "${ref}" points at ${s.length === 0 ? 'the whole document' : 'a whole section'}, not at one object; point it at a component`);
      continue;
    }
    if (target === undefined || target === null || typeof target !== 'object') continue; // unresolved: lint reports it
    const kind = kindOf(s);
    const section = kind ? SECTION_OF[kind] : undefined;
    if (section && !(section === 'pathItems' && /^3\.0(\.|$)/.test(version))) {
      if (!root.components || typeof root.components !== 'object') root.components = {};
      if (!root.components[section] || typeof root.components[section] !== 'object') root.components[section] = {};
      const taken = root.components[section];
      const base = nameFor(s);
      let name = base;
      for (let n = 2; Object.hasOwn(taken, name); n++) name = `${base}${n}`;
      taken[name] = structuredClone(target);
      const to = pointerOf(['components', section, name]);
      hoisted.set(ref, to);
      changes.push(`$ref "${ref}" points inside ${s[0] === 'components' ? 'a component' : 'an operation'}; its target is copied to ${to}`);
    } else if (containsRefTo(target, ref)) {
      errors.push(`$ref "${ref}" points at a ${kind ?? 'node'} that refers to itself, which cannot be copied in place; move it to a component`);
    } else {
      inline.set(ref, target);
      changes.push(`$ref "${ref}" points at a ${kind ?? 'node'} openapi-typescript cannot refer to; replaced by a copy of it`);
    }
  }
  if (hoisted.size === 0 && inline.size === 0) return { changes, errors };
  walkRefs(root, (holder) => {
    const to = hoisted.get(holder.$ref);
    if (to) holder.$ref = to;
    else if (inline.has(holder.$ref)) {
      const copy = structuredClone(inline.get(holder.$ref));
      delete holder.$ref;
      Object.assign(holder, copy);
    }
  });
  return { changes, errors };
}

/** Whether `node` holds a `$ref` to `ref` or to one of its ancestors. @param {unknown} node @param {string} ref */
function containsRefTo(node, ref) {
  let found = false;
  walkRefs(node, (holder) => {
    if (ref === holder.$ref || ref.startsWith(`${holder.$ref}/`)) found = true;
  });
  return found;
}

/**
 * `$ref: '#name'` (a JSON Schema `$anchor`, 3.1): openapi-typescript reads
 * every ref as a JSON pointer and stops on it. Each is rewritten to the
 * pointer of the schema that declares the anchor (anchors are unique in a
 * document); one that no schema declares is reported.
 * @param {any} root @param {string[]} changes @param {string[]} errors
 */
function resolveAnchors(root, changes, errors) {
  /** @type {Array<any>} */
  const holders = [];
  walkRefs(root, (holder) => {
    if (/^#[^/]/.test(holder.$ref)) holders.push(holder);
  });
  if (holders.length === 0) return;
  /** @type {Map<string, string>} */
  const anchors = new Map();
  const seen = new Set();
  /** @param {unknown} node @param {string[]} path */
  const find = (node, path) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach((v, i) => find(v, [...path, String(i)]));
    const obj = /** @type {Record<string, unknown>} */ (node);
    if (typeof obj.$anchor === 'string' && !anchors.has(obj.$anchor)) anchors.set(obj.$anchor, pointerOf(path));
    for (const key of Object.keys(obj)) if (!DATA_KEYS.has(key)) find(obj[key], [...path, key]);
  };
  find(root, []);
  for (const holder of holders) {
    const name = holder.$ref.slice(1);
    const pointer = anchors.get(name);
    if (pointer) {
      changes.push(`$ref "${holder.$ref}" names a $anchor, which openapi-typescript cannot follow; written as ${pointer}`);
      holder.$ref = pointer;
    } else errors.push(`$ref "${holder.$ref}" names a $anchor no schema declares; refer to the schema by its JSON pointer`);
  }
}

const DATA_KEYS = new Set(['example', 'default', 'const', 'enum', 'value']);

/**
 * Calls `visit` with every object that has a string `$ref` (cycle-safe; a
 * node replaced by `visit` is walked afterwards).
 * @param {unknown} root @param {(holder: any) => void} visit
 */
function walkRefs(root, visit) {
  const seen = new Set();
  /** @param {unknown} node */
  const walk = (node) => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    const obj = /** @type {Record<string, unknown>} */ (node);
    if (typeof obj.$ref === 'string') visit(obj);
    // Example and literal values are data: a `$ref` key there is not a reference.
    for (const key of Object.keys(obj)) if (!DATA_KEYS.has(key)) walk(obj[key]);
  };
  walk(root);
}
