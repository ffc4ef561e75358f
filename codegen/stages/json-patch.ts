/**
 * Typed JSON Patch bodies (RFC 6902, pointers RFC 6901): for every operation
 * whose request body is a JSON Patch document, the pointers into the resource
 * it changes, computed here from the bundled document as plain data, and
 * emitted as explicit unions (one member per pointer, `value` an indexed
 * access into the schema types). No type-level recursion reaches the
 * consumer, so tsc stays cheap and hovers short.
 *
 * - **Detection** (any vendor): a request body in `application/json-patch+json`,
 *   or a JSON body that is an array of objects with `op` and `path`, or a JSON
 *   object body with such an array as a property (LaunchDarkly's
 *   `PatchWithComment { patch, comment }`). An operation accepting several
 *   media types is listed but left as it is.
 * - **Target**: the schema a patch is checked against, the resource after the
 *   patch: the operation's first 2xx JSON response, else the 2xx JSON response
 *   of the `get` on its path; `x-codegen.jsonPatch.operations[…].target` names
 *   a component schema instead.
 * - **Pointers**: every property (`/name`), array item (`/${number}`, and `/-`
 *   to append, `add` only), map entry (`/${string}`) reachable in the target;
 *   keys escaped (`~0`, `~1`). A schema met again inside itself, or a pointer
 *   `maxDepth` segments deep, ends in `/${string}` with an `unknown` value.
 * - **Patchable** (`add`, `replace`, `remove`, `move`): not a property whose
 *   name starts with `readOnlyPrefix` (default `_`: LaunchDarkly documents
 *   `_links`, `_version`, … as not editable, as HAL's `_links`/`_embedded`
 *   are), not `readOnly`, not `x-can-patch: false` (Scale GP's `can_patch`),
 *   nor anything below those; narrowed to the pointers `x-codegen` lists for
 *   the operation (each with everything below it). `remove` only where a value
 *   may be absent: optional properties, array items, map entries. `test`
 *   reads, so it also takes the excluded properties themselves (`/_version`).
 */
import { PipelineError } from '../lib/errors.js';
import { docComment, jsString } from '../lib/escape.js';
import { essence, isJsonMediaType } from '../lib/media.js';
import { operationKey, vendorOperationId, type NamedOperation } from '../lib/naming.js';
import { deref, isObject, schemaNameOf, type Json, type JsonObject } from '../lib/openapi.js';

/** `x-codegen.jsonPatch` of an api. */
export interface JsonPatchConfig {
  /** Properties whose name starts with this are not patchable (default `_`; `""` for none). */
  readOnlyPrefix?: string;
  /** Pointer segments below which a pointer is a plain string (default 10). */
  maxDepth?: number;
  /** Per operation, by operationId or `METHOD /path`. */
  operations?: Record<string, JsonPatchOperationConfig>;
}

export interface JsonPatchOperationConfig {
  /** The patchable pointers (each with everything below it); `*` is any map key or array index. */
  pointers?: string[];
  /** The component schema (its key) a patch is checked against. */
  target?: string;
}

export const DEFAULT_READ_ONLY_PREFIX = '_';
export const DEFAULT_MAX_DEPTH = 10;

/** Validates `x-codegen.jsonPatch` (called by the pipeline's config reader). */
export function readJsonPatchConfig(raw: unknown, where: string): JsonPatchConfig | undefined {
  if (raw === undefined || raw === null) return undefined;
  const fail = (what: string): never => {
    throw new PipelineError(`${where}.jsonPatch: ${what}`);
  };
  if (!isObject(raw)) fail('must be a mapping');
  const c = raw as Record<string, unknown>;
  const known = ['readOnlyPrefix', 'maxDepth', 'operations'];
  for (const key of Object.keys(c)) if (!known.includes(key)) fail(`unknown key "${key}" (known: ${known.join(', ')})`);
  if (c.readOnlyPrefix !== undefined && typeof c.readOnlyPrefix !== 'string') fail('readOnlyPrefix must be a string');
  if (c.maxDepth !== undefined && !(Number.isInteger(c.maxDepth) && (c.maxDepth as number) >= 1 && (c.maxDepth as number) <= 32)) fail('maxDepth must be an integer from 1 to 32');
  if (c.operations !== undefined) {
    if (!isObject(c.operations)) fail('operations must map operationIds or "METHOD /path" to { pointers, target }');
    for (const [key, entry] of Object.entries(c.operations as JsonObject)) {
      const at = `operations[${jsString(key)}]`;
      if (!isObject(entry)) fail(`${at} must be a mapping with pointers and/or target`);
      const e = entry as JsonObject;
      for (const k of Object.keys(e)) if (k !== 'pointers' && k !== 'target') fail(`${at}: unknown key "${k}" (known: pointers, target)`);
      if (e.pointers !== undefined && !(Array.isArray(e.pointers) && e.pointers.every((p) => typeof p === 'string' && p.startsWith('/')))) {
        fail(`${at}.pointers must be a list of JSON pointers (each starting with "/")`);
      }
      if (e.target !== undefined && typeof e.target !== 'string') fail(`${at}.target must be a component schema name`);
    }
  }
  return c as JsonPatchConfig;
}

/** One pointer segment: a property, an array index, a map key, `-` (append), or anything below (`rest`). */
type Segment = { key: string } | 'index' | 'entry' | 'append' | 'rest';

interface Pointer {
  segments: Segment[];
  /** The type of the value at the pointer (TypeScript text). */
  value: string;
  /** add/replace/remove/move may target it (else only `test`). */
  patchable: boolean;
  /** The value may be absent (an optional property, an array item, a map entry): `remove` may target it. */
  removable: boolean;
}

/** Where the patch sits in the request body. */
export type PatchBodyShape = { kind: 'document' } | { kind: 'property'; property: string; required: boolean; bodyType: string };

/** What was found for one operation with a JSON Patch body. */
export interface PatchPlan {
  op: NamedOperation;
  mediaType: string;
  body: PatchBodyShape;
  /** How the body is described in the manifest (`JSONPatch`, `PatchWithComment.patch`). */
  bodyLabel: string;
  /** Undefined: the patch stays as the spec types it (`reason` says why). */
  target?: { label: string; described: string; pointers: Pointer[] };
  reason?: string;
}

export interface JsonPatchPlanning {
  plans: PatchPlan[];
  warnings: string[];
}

/** Finds the JSON Patch bodies among `operations` and computes their pointers. */
export function planJsonPatch(doc: JsonObject, operations: NamedOperation[], config: JsonPatchConfig | undefined): JsonPatchPlanning {
  const warnings: string[] = [];
  const overrides = config?.operations ?? {};
  const used = new Set<string>();
  const plans: PatchPlan[] = [];
  for (const op of operations) {
    const found = detectPatchBody(doc, op);
    if (!found) continue;
    const key = [vendorOperationId(op), typeof op.operation.operationId === 'string' ? op.operation.operationId : undefined, operationKey(op)].find(
      (k): k is string => k !== undefined && Object.hasOwn(overrides, k),
    );
    if (key !== undefined) used.add(key);
    const override = key !== undefined ? overrides[key] : undefined;
    const where = `json patch: ${operationKey(op)}`;
    if (found.reason) {
      warnings.push(`${where}: ${found.reason}; its patch stays as the spec types it`);
      plans.push({ op, ...found, reason: found.reason });
      continue;
    }
    const target = findTarget(doc, op, override?.target, (w) => warnings.push(`${where}: ${w}`));
    if (!target) {
      const reason = 'no target schema (no 2xx JSON response, nor a GET on its path with one); set x-codegen.jsonPatch.operations[…].target';
      warnings.push(`${where}: ${reason}; its patch stays as the spec types it`);
      plans.push({ op, ...found, reason });
      continue;
    }
    const pointers = collectPointers(doc, target.schema, target.expr, {
      prefix: config?.readOnlyPrefix ?? DEFAULT_READ_ONLY_PREFIX,
      maxDepth: config?.maxDepth ?? DEFAULT_MAX_DEPTH,
      budget: { left: MAX_POINTERS },
    });
    if (override?.pointers) {
      const patterns = override.pointers.map((p) => ({ text: p, segments: parsePattern(p), matched: false }));
      for (const pointer of pointers) {
        if (!pointer.patchable) continue;
        const match = patterns.filter((p) => matchesPattern(p.segments, pointer.segments));
        for (const p of match) p.matched = true;
        if (match.length === 0) pointer.patchable = false;
      }
      for (const p of patterns) {
        if (!p.matched) warnings.push(`${where}: x-codegen.jsonPatch pointer ${jsString(p.text)} is not a patchable pointer into ${target.label}; ignored`);
      }
    }
    plans.push({ op, ...found, target: { label: target.label, described: target.described, pointers } });
  }
  for (const key of Object.keys(overrides)) {
    if (!used.has(key)) warnings.push(`json patch: x-codegen.jsonPatch.operations[${jsString(key)}] names no operation with a JSON Patch body; ignored`);
  }
  return { plans, warnings };
}

// ---------------------------------------------------------------------------
// detection

function detectPatchBody(doc: JsonObject, op: NamedOperation): Omit<PatchPlan, 'op' | 'target'> | undefined {
  const content = deref(doc, op.operation.requestBody)?.content;
  if (!isObject(content)) return undefined;
  const entries = Object.entries(content);
  const inline = (type: string) => `NonNullable<paths[${jsString(op.path)}][${jsString(op.method)}]["requestBody"]>["content"][${jsString(type)}]`;
  const patchy = entries.filter(([type, media]) => essence(type) === 'application/json-patch+json' || (isJsonMediaType(type) && patchBody(doc, media, inline(type)) !== undefined));
  if (patchy.length === 0) return undefined;
  const [mediaType, media] = patchy[0]!;
  const body = essence(mediaType) === 'application/json-patch+json' ? { shape: { kind: 'document' as const }, label: mediaType } : patchBody(doc, media, inline(mediaType))!;
  const base = { mediaType, body: body.shape, bodyLabel: body.label };
  if (entries.length > 1) return { ...base, reason: `the body has ${entries.length} media types; only a single one is typed` };
  return base;
}

/** The body as a patch document, or a property of it that is one (`inlineType`: the body's type when it has no name). */
function patchBody(doc: JsonObject, media: Json | undefined, inlineType: string): { shape: PatchBodyShape; label: string } | undefined {
  const raw = isObject(media) ? media.schema : undefined;
  const name = refName(raw);
  if (isPatchArray(doc, raw)) return { shape: { kind: 'document' }, label: name ?? 'array of { op, path }' };
  const schema = deref(doc, raw);
  if (!schema || !isObject(schema.properties)) return undefined;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const [property, value] of Object.entries(schema.properties)) {
    if (!isPatchArray(doc, value)) continue;
    // A named body is referred to by name; an inline one through its operation's type.
    const bodyType = name ? componentType(name) : inlineType;
    return { shape: { kind: 'property', property, required: required.has(property), bodyType }, label: `${name ?? 'body'}.${property}` };
  }
  return undefined;
}

/** An array whose items are objects with `op` and `path` (directly, through allOf, or in every oneOf/anyOf member). */
function isPatchArray(doc: JsonObject, raw: Json | undefined): boolean {
  const schema = deref(doc, raw);
  if (!schema || (schema.type !== 'array' && !isObject(schema.items))) return false;
  const hasOpPath = (node: Json | undefined, depth: number): boolean => {
    const s = deref(doc, node);
    if (!s || depth > 8) return false;
    const props = new Set<string>();
    const collect = (n: Json | undefined, d: number): void => {
      const m = deref(doc, n);
      if (!m || d > 8) return;
      if (isObject(m.properties)) for (const k of Object.keys(m.properties)) props.add(k);
      if (Array.isArray(m.allOf)) for (const a of m.allOf) collect(a, d + 1);
    };
    collect(s, 0);
    if (props.has('op') && props.has('path')) return true;
    const members = [...asArray(s.oneOf), ...asArray(s.anyOf)];
    return members.length > 0 && members.every((m) => hasOpPath(m, depth + 1));
  };
  return hasOpPath(schema.items, 0);
}

// ---------------------------------------------------------------------------
// target

interface Target {
  schema: Json;
  /** The TypeScript type of the target. */
  expr: string;
  /** How the manifest and the warnings name it: the schema's key, or `METHOD /path status`. */
  label: string;
  /** What the doc comments say it is. */
  described: string;
}

function findTarget(doc: JsonObject, op: NamedOperation, override: string | undefined, warn: (line: string) => void): Target | undefined {
  if (override !== undefined) {
    const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    if (Object.hasOwn(schemas, override)) {
      return { schema: { $ref: `#/components/schemas/${escapeSegment(override)}` }, expr: componentType(override), label: override, described: `\`${override}\` (x-codegen.jsonPatch)` };
    }
    warn(`x-codegen.jsonPatch target ${jsString(override)} is not a component schema; ignored`);
  }
  const fromResponses = (operation: Json | undefined, method: string): Target | undefined => {
    const responses = isObject(operation) ? deref(doc, operation.responses) : undefined;
    if (!responses) return undefined;
    const statuses = Object.keys(responses).filter((s) => /^2(\d\d|XX)$/i.test(s)).sort();
    for (const status of statuses) {
      const content = deref(doc, responses[status])?.content;
      if (!isObject(content)) continue;
      for (const [type, media] of Object.entries(content)) {
        if (!isJsonMediaType(type) || !isObject(media) || media.schema === undefined) continue;
        const schema = deref(doc, media.schema);
        if (!schema || !isObjectLike(doc, schema)) continue;
        const name = refName(media.schema);
        const statusKey = /^\d+$/.test(status) ? status : jsString(status.toUpperCase());
        const expr = name ? componentType(name) : `paths[${jsString(op.path)}][${jsString(method)}]["responses"][${statusKey}]["content"][${jsString(type)}]`;
        const label = name ?? `${method.toUpperCase()} ${op.path} ${status}`;
        const what = name ? `\`${name}\`` : 'the resource';
        const described = method === op.method ? `${what}, what it returns` : `${what}, what \`${method.toUpperCase()} ${op.path}\` returns`;
        return { schema: media.schema, expr, label, described };
      }
    }
    return undefined;
  };
  return fromResponses(op.operation, op.method) ?? (op.method !== 'get' ? fromResponses(op.pathItem.get, 'get') : undefined);
}

function isObjectLike(doc: JsonObject, schema: JsonObject): boolean {
  if (schema.type === 'object' || isObject(schema.properties) || isObject(schema.additionalProperties)) return true;
  return asArray(schema.allOf).some((m) => {
    const s = deref(doc, m);
    return s !== undefined && s !== schema && (s.type === 'object' || isObject(s.properties));
  });
}

// ---------------------------------------------------------------------------
// pointers

interface WalkOptions {
  prefix: string;
  maxDepth: number;
  /** Pointers still to give before places end in a plain string (bounds the work on any spec). */
  budget: { left: number };
}

/** At most this many pointers per target: far above any LaunchDarkly resource (the largest, InsightGroup, has 197). */
export const MAX_POINTERS = 2000;

/** Every pointer into the target, in document order. */
function collectPointers(doc: JsonObject, root: Json, rootExpr: string, options: WalkOptions): Pointer[] {
  const out: Pointer[] = [];
  const seen = new Set<string>();
  const add = (p: Pointer) => {
    const key = `${pointerType(p.segments)}\u0000${p.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
    options.budget.left--;
  };
  const rootName = refName(root);
  walk(doc, root, { segments: [], expr: rootExpr, mayBeUndefined: false, stack: rootName ? [rootName] : [], patchable: true }, options, add);
  return out;
}

interface Place {
  segments: Segment[];
  /** The type at this place (TypeScript text). */
  expr: string;
  /** `expr` may include `undefined` (an optional property). */
  mayBeUndefined: boolean;
  /** Component schemas entered on the way here (a schema met again is not expanded). */
  stack: string[];
  patchable: boolean;
}

/** Emits the pointers below `place`, whose schema is `node`. */
function walk(doc: JsonObject, node: Json | undefined, place: Place, options: WalkOptions, add: (p: Pointer) => void): void {
  const schema = deref(doc, node);
  if (!schema) return;
  const children = childrenOf(doc, schema, place);
  if (!children.length && !isFreeForm(schema)) return;
  if (place.segments.length >= options.maxDepth || options.budget.left < children.length * 2 || children.length === 0) {
    add({ segments: [...place.segments, 'rest'], value: 'unknown', patchable: place.patchable, removable: true });
    return;
  }
  for (const child of children) {
    const segments = [...place.segments, child.segment];
    const sub = deref(doc, child.node);
    const excluded =
      typeof child.segment === 'object' &&
      ((options.prefix !== '' && child.segment.key.startsWith(options.prefix)) || isMarked(doc, child.node, 'readOnly', true) || isMarked(doc, child.node, 'x-can-patch', false));
    const patchable = place.patchable && !excluded;
    // A named schema restarts the type at its name: short types, and no chain through optional parents.
    const name = plainRef(child.node);
    const restart = name !== undefined ? componentType(name) : undefined;
    const value = restart ?? (child.optional ? `Exclude<${child.expr}, undefined>` : child.expr);
    if (child.segment === 'index') {
      add({ segments, value, patchable, removable: true });
      add({ segments: [...place.segments, 'append'], value, patchable, removable: false });
    } else add({ segments, value, patchable, removable: child.segment === 'entry' || child.optional });
    if (excluded || !sub) continue;
    if (name !== undefined && place.stack.includes(name)) {
      // Met again inside itself: the pointer to it is typed, what lies below is a plain string.
      if (childrenOf(doc, sub, place).length || isFreeForm(sub)) add({ segments: [...segments, 'rest'], value: 'unknown', patchable, removable: true });
      continue;
    }
    walk(
      doc,
      child.node,
      { segments, expr: restart ?? child.expr, mayBeUndefined: restart ? false : child.optional, stack: name !== undefined ? [...place.stack, name] : place.stack, patchable },
      options,
      add,
    );
  }
}

interface Child {
  segment: Segment;
  node: Json;
  /** The type of the child (TypeScript text), undefined included when optional. */
  expr: string;
  optional: boolean;
}

/**
 * The properties, items and map entries of a schema (through allOf, and
 * the named members of oneOf/anyOf, each restarting at its name).
 */
function childrenOf(doc: JsonObject, schema: JsonObject, place: Place): Child[] {
  const out: Child[] = [];
  const names = new Set<string>();
  const visit = (s: JsonObject, expr: string, mayBeUndefined: boolean, depth: number, unionMember: boolean): void => {
    if (depth > 8) return;
    const base = mayBeUndefined || isNullable(doc, s) ? `NonNullable<${expr}>` : expr;
    const required = new Set(asArray(s.required).filter((r): r is string => typeof r === 'string'));
    const kind = indexable(s);
    if (kind === 'object' && isObject(s.properties)) {
      for (const [key, node] of Object.entries(s.properties)) {
        if (names.has(key) || !isObject(node)) continue;
        names.add(key);
        out.push({ segment: { key }, node, expr: `${base}[${jsString(key)}]`, optional: !required.has(key) });
      }
    }
    if (kind === 'object' && isObject(s.additionalProperties)) out.push({ segment: 'entry', node: s.additionalProperties, expr: `${base}[string]`, optional: false });
    if (kind === 'array' && isObject(s.items)) out.push({ segment: 'index', node: s.items, expr: `${base}[number]`, optional: false });
    for (const m of asArray(s.allOf)) {
      const name = plainRef(m);
      const member = deref(doc, m);
      if (member && !(name !== undefined && place.stack.includes(name))) visit(member, name !== undefined ? componentType(name) : expr, name !== undefined ? false : mayBeUndefined, depth + 1, unionMember);
    }
    if (unionMember) return;
    // oneOf/anyOf make a union type: only a member with a name can be indexed on its own.
    for (const m of [...asArray(s.oneOf), ...asArray(s.anyOf)]) {
      const name = plainRef(m);
      const member = deref(doc, m);
      if (member && name !== undefined && !place.stack.includes(name)) visit(member, componentType(name), false, depth + 1, true);
    }
  };
  visit(schema, place.expr, place.mayBeUndefined, 0, false);
  return out;
}

/**
 * What openapi-typescript makes of a schema's own keywords, as far as indexing
 * it goes (its transform/schema-object): `const` and a non-object `enum` are
 * literals; `type: string` (or number, boolean) ignores `properties`; `items`
 * count only under `type: array`; a type list is a union (only `X | null` can
 * be indexed); own properties beside `anyOf` join a union with its members.
 */
function indexable(s: JsonObject): 'object' | 'array' | undefined {
  if (s.const !== undefined && s.const !== null) return undefined;
  if (Array.isArray(s.enum) && s.type !== 'object' && !('properties' in s) && !('additionalProperties' in s)) return undefined;
  if (asArray(s.anyOf).length > 0) return undefined;
  const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : s.type === undefined ? ['object'] : [s.type];
  if (types.length !== 1) return undefined;
  return types[0] === 'object' ? 'object' : types[0] === 'array' ? 'array' : undefined;
}

/** An object (or any value) whose keys the schema leaves open: `additionalProperties: true`, or nothing said. */
function isFreeForm(schema: JsonObject): boolean {
  if (schema.additionalProperties === true) return true;
  if (isObject(schema.additionalProperties) && Object.keys(schema.additionalProperties).length === 0) return true;
  const shaped = ['allOf', 'oneOf', 'anyOf', 'enum', 'const', 'properties', 'items', 'prefixItems', 'additionalProperties'].some((k) => k in schema);
  return !shaped && (schema.type === 'object' || schema.type === undefined);
}

function isNullable(doc: JsonObject, s: JsonObject): boolean {
  if (s.nullable === true) return true;
  if (Array.isArray(s.type) && s.type.includes('null')) return true;
  return [...asArray(s.oneOf), ...asArray(s.anyOf)].some((m) => deref(doc, m)?.type === 'null');
}

/** A keyword on the node itself (a `$ref`'s sibling) or on what it refers to. */
function isMarked(doc: JsonObject, node: Json, keyword: string, value: boolean): boolean {
  if (isObject(node) && node[keyword] === value) return true;
  return deref(doc, node)?.[keyword] === value;
}

/** The component a node refers to, when it is only a reference (annotations beside it do not change the type). */
function plainRef(node: Json | undefined): string | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
  for (const k of ['type', 'nullable', 'allOf', 'oneOf', 'anyOf', 'properties', 'items', 'enum', 'const']) if (k in node) return undefined;
  return schemaNameOf(node.$ref);
}

function refName(node: Json | undefined): string | undefined {
  return isObject(node) && typeof node.$ref === 'string' ? schemaNameOf(node.$ref) : undefined;
}

function componentType(name: string): string {
  return `components["schemas"][${jsString(name)}]`;
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value : [];
}

// ---------------------------------------------------------------------------
// pointer text

/** RFC 6901 §3: `~` → `~0`, `/` → `~1`. */
function escapeSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer as a TypeScript type: a string literal, or a template literal type when it has free segments. */
function pointerType(segments: Segment[]): string {
  const parts = segments.map((s) => (s === 'index' ? '${number}' : s === 'entry' || s === 'rest' ? '${string}' : s === 'append' ? '-' : templateText(escapeSegment(s.key))));
  const literal = segments.every((s) => typeof s === 'object' || s === 'append');
  return literal ? jsString(segments.map((s) => (s === 'append' ? '-' : escapeSegment((s as { key: string }).key))).map((s) => `/${s}`).join('')) : `\`${parts.map((p) => `/${p}`).join('')}\``;
}

/** Text inside a template literal type: backslash, backtick, `$` and controls escaped. */
function templateText(text: string): string {
  return text.replace(/[\\`$]|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\\' || c === '`' || c === '$' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The pointer as the manifest and x-codegen write it: `*` for an index or a map key, `**` for anything below. */
export function pointerPattern(segments: Segment[]): string {
  return segments.map((s) => `/${s === 'index' || s === 'entry' ? '*' : s === 'rest' ? '**' : s === 'append' ? '-' : escapeSegment(s.key)}`).join('');
}

type PatternSegment = { key: string } | 'any';

/** `/environments/*\/on` → segments (unescaped); `*` matches any index or map key (and `-`, and what lies below a plain-string pointer). */
function parsePattern(pointer: string): PatternSegment[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => (s === '*' ? 'any' : { key: s.replace(/~1/g, '/').replace(/~0/g, '~') }));
}

/** Whether the pattern is the pointer or above it. */
function matchesPattern(pattern: PatternSegment[], segments: Segment[]): boolean {
  if (pattern.length > segments.length) return false;
  return pattern.every((p, i) => {
    const s = segments[i]!;
    if (p === 'any') return typeof s !== 'object' || s.key === '*';
    return typeof s === 'object' && s.key === p.key;
  });
}

// ---------------------------------------------------------------------------
// emitted types

export interface PatchTypes {
  /** Declarations for operations.ts. */
  text: string;
  /** The names it exports. */
  names: string[];
  /** The wrapper's argument type, given the plain one (`$runtime.OperationArgs<…>`). */
  args: (plain: string) => string;
  /** manifest.json's entry. */
  fact: Record<string, unknown>;
  /** Each declaration as the API report lists it (`type <name> = …` on one line). */
  declarations: Array<{ name: string; signature: string }>;
}

/**
 * The types of one planned operation: `<Name>PatchPointer` (the patchable
 * pointers), `<Name>PatchOperation` (one operation of the patch), `<Name>Patch`
 * (the document) and, for a patch inside an object body, `<Name>Body`.
 * `Name` is the wrapper's name in PascalCase, recorded in manifest.json and
 * so stable.
 */
export function emitPatchTypes(plan: PatchPlan, Name: string): PatchTypes {
  const op = plan.op;
  const fact: Record<string, unknown> = {
    wrapper: op.name,
    method: op.method.toUpperCase(),
    path: op.path,
    mediaType: plan.mediaType,
    body: plan.bodyLabel,
  };
  if (!plan.target) return { text: '', names: [], args: (plain) => plain, fact: { ...fact, target: null, reason: plan.reason }, declarations: [] };
  const { label, described, pointers } = plan.target;
  const names = { pointer: `${Name}PatchPointer`, operation: `${Name}PatchOperation`, patch: `${Name}Patch`, body: `${Name}Body` };
  const patchable = pointers.filter((p) => p.patchable && !p.segments.includes('append'));
  const union = (items: string[], indent = '  ') => (items.length ? items.map((i) => `\n${indent}| ${i}`).join('') : ' never');
  // The API report's one-line form of a union (as TypeScript's printer writes it).
  const inline = (items: string[]) => (items.length ? items.join(' | ') : 'never');
  const members: string[] = [];
  const listed: string[] = [];
  for (const p of pointers) {
    const path = pointerType(p.segments);
    if (p.segments.at(-1) === 'append') {
      if (p.patchable) members.push(`{ op: "add"; path: ${path}; value: ${p.value} }`);
    } else members.push(`{ op: ${p.patchable ? '"add" | "replace" | "test"' : '"test"'}; path: ${path}; value: ${p.value} }`);
  }
  listed.push(...members);
  const removable = pointers.filter((p) => p.patchable && p.removable && p.segments.at(-1) !== 'append').map((p) => pointerType(p.segments));
  if (removable.length) {
    members.push(`{ op: "remove"; path: ${removable.length === 1 ? removable[0] : `\n    | ${removable.join('\n    | ')}`} }`);
    listed.push(`{ op: "remove"; path: ${inline(removable)} }`);
  }
  const tail = [...(patchable.length ? [`{ op: "move" | "copy"; from: ${names.pointer}; path: ${names.pointer} }`] : []), '$runtime.UncheckedPatchOperation'];
  members.push(...tail);
  listed.push(...tail);
  const who = `\`${op.name}\``;
  const lines = [
    docComment([
      `A pointer (RFC 6901) that ${who} may change in ${described} (\`\${number}\`: an array index, \`\${string}\`: a map key).`,
    ]) + `export type ${names.pointer} =${union(patchable.map((p) => pointerType(p.segments)))};`,
    docComment([
      `One operation (RFC 6902 §4) of a patch for ${who}, checked against ${described}: \`add\`, \`replace\`, \`remove\`, \`move\` and \`copy\` on the pointers of \`${names.pointer}\`,`,
      '`test` also on the fields that cannot be changed; `value` has the type at its pointer, `remove` takes none (and only where a value may be absent).',
      'For a pointer the spec does not describe: `{ op, path: uncheckedPointer("/…"), value }`.',
    ]) + `export type ${names.operation} =${union(members)};`,
    docComment([`A JSON Patch document (RFC 6902) for ${who}: its operations are applied in order to ${described.split(',')[0]}.`]) + `export type ${names.patch} = ${names.operation}[];`,
  ];
  const declarations = [
    { name: names.pointer, signature: `type ${names.pointer} = ${inline(patchable.map((p) => pointerType(p.segments)))}` },
    { name: names.operation, signature: `type ${names.operation} = ${inline(listed)}` },
    { name: names.patch, signature: `type ${names.patch} = ${names.operation}[]` },
  ];
  let bodyType = names.patch;
  if (plan.body.kind === 'property') {
    const { property, required, bodyType: base } = plan.body;
    const bodyDecl = `type ${names.body} = Omit<${base}, ${jsString(property)}> & { ${/^[A-Za-z_$][\w$]*$/.test(property) ? property : jsString(property)}${required ? '' : '?'}: ${names.patch} }`;
    lines.push(docComment([`The body of ${who}: \`${plan.bodyLabel.split('.')[0]}\` with \`${property}\` a \`${names.patch}\`.`]) + `export ${bodyDecl};`);
    declarations.push({ name: names.body, signature: bodyDecl });
    bodyType = names.body;
  }
  return {
    text: `${lines.join('\n')}\n`,
    names: plan.body.kind === 'property' ? Object.values(names) : [names.pointer, names.operation, names.patch],
    args: (plain) => `$runtime.WithBody<${plain}, ${bodyType}>`,
    fact: { ...fact, target: label, types: names.patch, pointers: patchable.map((p) => pointerPattern(p.segments)) },
    declarations,
  };
}
