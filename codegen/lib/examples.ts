/**
 * A default reply per operation, made from the spec's own examples, for the
 * fakes' opt-in defaults (`create<Vendor>Fake({}, { examples: true })`,
 * stages/testing.ts).
 *
 * Nothing is invented: a value is the `example` (or first valid `examples`
 * entry, `const`, `default`, first `enum` value) of its schema, else made of
 * its parts' examples (an object from its properties', an array from its
 * items'), and every value is kept only when it validates against its schema
 * (validate below). An optional property without a valid example is left
 * out; a required one without any makes the whole body fail, and the
 * operation gets no default. Examples that do not validate are common in
 * vendor specs (LaunchDarkly's `creationDate` example is the string
 * "1654104600000" for an integer schema), hence the check.
 *
 * The validator covers what the TypeScript types also say (types, enums,
 * consts, required and declared properties, items, the composition keywords,
 * discriminators) plus the string and number bounds; `format` is not
 * checked. Objects are checked closed where the types are (no property that
 * the schema does not declare, unless `additionalProperties` allows it), so
 * that a default is a value of the operation's declared type.
 */
import { booleanFromKey, isBooleanSchema, literalOf } from './boolean-schema.js';
import { deref, isObject, type Json, type JsonObject } from './openapi.js';

/** How deep a value is made: deeper optional parts are left out. */
const MAX_DEPTH = 10;

export interface ExampleReply {
  status: number;
  /** The JSON body; absent for a response without content. */
  body?: Json;
}

/**
 * The operation's default reply: its first declared success status with a
 * body made from examples, or with no body when that status declares none.
 * Undefined when the first success status has a JSON body no example makes.
 */
export function exampleReply(doc: JsonObject, operation: JsonObject): ExampleReply | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const success = Object.keys(responses)
    .filter((s) => /^2(\d\d|XX)$/i.test(s))
    .sort();
  const key = success[0];
  if (key === undefined) return undefined;
  const status = /^\d+$/.test(key) ? Number(key) : 200;
  const response = deref(doc, responses[key]);
  const content = isObject(response?.content) ? response.content : undefined;
  if (!content || Object.keys(content).length === 0) return { status };
  const json = Object.entries(content).find(([type]) => /^[^/]+\/([^;]+\+)?json\s*(;|$)/i.test(type.trim()));
  if (!json) return undefined;
  const media = deref(doc, json[1]);
  if (!media) return undefined;
  const examples = new Examples(doc);
  const schema = media.schema;
  for (const candidate of mediaExamples(doc, media)) if (examples.valid(candidate, schema)) return { status, body: candidate };
  const body = examples.make(schema, 0, new Set());
  return body === NONE ? undefined : { status, body };
}

/** A Media Type Object's `example` and `examples` values (OpenAPI §4.8.14). */
function mediaExamples(doc: JsonObject, media: JsonObject): Json[] {
  const out: Json[] = [];
  if (media.example !== undefined) out.push(media.example);
  if (isObject(media.examples)) {
    for (const example of Object.values(media.examples)) {
      const resolved = deref(doc, example);
      if (resolved && resolved.value !== undefined) out.push(resolved.value);
    }
  }
  return out;
}

/** No value could be made. */
const NONE = Symbol('none');
type Made = Json | typeof NONE;

class Examples {
  constructor(private readonly doc: JsonObject) {}

  /**
   * A value for `node` from examples, or NONE. `refs` are the `$ref`s being
   * made (a cycle gives NONE); `preset` are property values decided above (a
   * discriminator's).
   */
  make(node: unknown, depth: number, refs: ReadonlySet<string>, preset?: JsonObject): Made {
    if (depth > MAX_DEPTH) return NONE;
    const ref = isObject(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
    if (ref !== undefined && refs.has(ref)) return NONE;
    const schema = deref(this.doc, node);
    if (!schema) return NONE;
    const inner = ref === undefined ? refs : new Set([...refs, ref]);
    if (!preset) for (const candidate of schemaExamples(schema)) if (this.valid(candidate, schema)) return candidate;
    const made = this.compose(schema, depth, inner, preset);
    return made !== NONE && this.valid(made, schema) ? made : NONE;
  }

  private compose(schema: JsonObject, depth: number, refs: ReadonlySet<string>, preset: JsonObject | undefined): Made {
    const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
    if (branches) {
      // A branch that is only `null` last: a value says more.
      const ordered = [...branches].sort((a, b) => Number(isNullSchema(this.doc, a)) - Number(isNullSchema(this.doc, b)));
      for (const branch of ordered) {
        const tag = this.tag(schema, branch);
        if (tag === NONE) continue;
        const made = this.make(branch, depth + 1, refs, tag === undefined ? preset : { ...preset, ...tag });
        if (made !== NONE && this.valid(made, schema)) return made;
      }
      return NONE;
    }
    if (Array.isArray(schema.allOf)) {
      let merged: Json = {};
      for (const part of schema.allOf) {
        const made = this.make(part, depth + 1, refs, preset);
        if (made === NONE || !isObject(made)) return NONE;
        merged = { ...merged, ...made };
      }
      const own = this.object(schema, depth, refs, preset);
      return own === NONE ? NONE : { ...merged, ...(own as JsonObject) };
    }
    const types = typesOf(schema);
    if (types.has('object') || isObject(schema.properties)) return this.object(schema, depth, refs, preset);
    if (types.has('array')) {
      const item = this.make(schema.items, depth + 1, refs);
      if (item !== NONE) return [item];
      return typeof schema.minItems === 'number' && schema.minItems > 0 ? NONE : [];
    }
    if (types.has('null') || schema.nullable === true) return null;
    return NONE;
  }

  /** An object of the properties that have a valid example; NONE when a required one has none. */
  private object(schema: JsonObject, depth: number, refs: ReadonlySet<string>, preset: JsonObject | undefined): Made {
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
    const out: JsonObject = {};
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const [name, property] of Object.entries(properties)) {
      const made = preset && Object.hasOwn(preset, name) ? preset[name]! : this.make(property, depth + 1, refs);
      if (made !== NONE) defineJson(out, name, made);
      else if (required.has(name)) return NONE;
    }
    for (const name of required) if (!Object.hasOwn(out, name)) return NONE;
    return out;
  }

  /**
   * The discriminator property's value that selects `branch` (OpenAPI
   * §4.8.25), as a preset; undefined without a discriminator (or when the
   * branch's own schema decides it), NONE when no value selects the branch.
   */
  private tag(schema: JsonObject, branch: unknown): JsonObject | undefined | typeof NONE {
    const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
    if (!discriminator || typeof discriminator.propertyName !== 'string') return undefined;
    const value = this.tagValue(discriminator, branch);
    if (value === NONE || value === undefined) return value;
    const tag: JsonObject = {};
    defineJson(tag, discriminator.propertyName, value);
    return tag;
  }

  /**
   * What the types say the discriminator property of `branch` is: its mapping
   * key, else its schema name; for a boolean property (passes/boolean-discriminator.ts)
   * the boolean the schema or the key spells, undefined when neither does (any boolean).
   */
  private tagValue(discriminator: JsonObject, branch: unknown): Json | undefined | typeof NONE {
    const ref = isObject(branch) && typeof branch.$ref === 'string' ? branch.$ref : undefined;
    if (ref === undefined) return NONE;
    const mapped = isObject(discriminator.mapping) ? Object.entries(discriminator.mapping).find(([, target]) => target === ref)?.[0] : undefined;
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
    const key = mapped ?? (name === undefined ? undefined : decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~'));
    if (key === undefined) return NONE;
    const declared = this.property(deref(this.doc, branch), discriminator.propertyName as string, 0);
    if (declared && isBooleanSchema(declared)) return literalOf(declared) ?? booleanFromKey(key);
    return key;
  }

  /** The schema a property has in `schema` or its `allOf` parts (the last declaration wins). */
  private property(schema: JsonObject | undefined, name: string, depth: number): JsonObject | undefined {
    if (!schema || depth > 16) return undefined;
    let found = isObject(schema.properties) ? deref(this.doc, schema.properties[name]) : undefined;
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) found = this.property(deref(this.doc, part), name, depth + 1) ?? found;
    return found;
  }

  /** Whether `value` validates against `node`; `open`: extra properties allowed (an allOf part: the whole decides). */
  valid(value: Json, node: unknown, depth = 0, open = false): boolean {
    if (depth > 64) return false;
    const schema = deref(this.doc, node);
    if (!schema) return isObject(node) && typeof node.$ref !== 'string';
    if (value === null && schema.nullable === true) return true;
    const types = typesOf(schema);
    if (types.size > 0 && ![...types].some((t) => hasType(value, t))) return false;
    if (Array.isArray(schema.enum) && !schema.enum.some((e) => jsonEqual(e, value))) return false;
    if (schema.const !== undefined && !jsonEqual(schema.const, value)) return false;
    if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => this.valid(value, s, depth + 1, true))) return false;
    const discriminated = isObject(schema.discriminator);
    if (discriminated) {
      // The discriminator picks the branch (the branches may overlap otherwise).
      if (!this.discriminated(value, schema, depth)) return false;
    } else {
      if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => this.valid(value, s, depth + 1))) return false;
      if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => this.valid(value, s, depth + 1)).length !== 1) return false;
    }
    if (typeof value === 'string' && !stringBounds(value, schema)) return false;
    if (typeof value === 'number' && !numberBounds(value, schema)) return false;
    if (Array.isArray(value)) {
      if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
      if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
      if (schema.items !== undefined && !value.every((item) => this.valid(item, schema.items, depth + 1))) return false;
    }
    if (isObject(value) && !this.validObject(value, schema, depth, open)) return false;
    return true;
  }

  private validObject(value: JsonObject, schema: JsonObject, depth: number, open: boolean): boolean {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required) && !schema.required.every((r) => typeof r !== 'string' || Object.hasOwn(value, r))) return false;
    for (const [name, property] of Object.entries(properties)) {
      if (Object.hasOwn(value, name) && !this.valid(value[name]!, property, depth + 1)) return false;
    }
    const declared = open ? undefined : this.declaredProperties(schema);
    if (declared === undefined) return true;
    const extra = schema.additionalProperties;
    for (const name of Object.keys(value)) {
      if (declared.has(name)) continue;
      // Closed unless additionalProperties says otherwise: the generated type has no index signature.
      if (extra === undefined || extra === false) return false;
      if (extra !== true && !this.valid(value[name]!, extra, depth + 1)) return false;
    }
    return true;
  }

  /**
   * The property names an object schema declares, its `allOf` parts' included;
   * undefined when it is open (a `oneOf`/`anyOf`, whose branches are checked on
   * their own, or an object schema that declares no properties at all).
   */
  private declaredProperties(schema: JsonObject, depth = 0): Set<string> | undefined {
    if (depth > 16 || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return undefined;
    const names = new Set(isObject(schema.properties) ? Object.keys(schema.properties) : []);
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const resolved = deref(this.doc, part);
      if (!resolved) return undefined;
      const inner = this.declaredProperties(resolved, depth + 1);
      if (inner === undefined) return undefined;
      for (const n of inner) names.add(n);
    }
    return names.size > 0 || isObject(schema.additionalProperties) || schema.additionalProperties === true ? names : undefined;
  }

  /** A discriminated `oneOf`/`anyOf`: valid for a branch that its discriminator property selects. */
  private discriminated(value: Json, schema: JsonObject, depth: number): boolean {
    const discriminator = isObject(schema.discriminator) ? schema.discriminator : undefined;
    const branches = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
    if (!discriminator || typeof discriminator.propertyName !== 'string' || !branches) return true;
    if (!isObject(value)) return false;
    // Absent, the property selects nothing: a branch where it is optional decides (its `required` is checked).
    const tag = Object.hasOwn(value, discriminator.propertyName) ? value[discriminator.propertyName] : undefined;
    return branches.some((branch) => {
      const expected = this.tagValue(discriminator, branch);
      return expected !== NONE && (expected === undefined || tag === undefined || jsonEqual(expected, tag)) && this.valid(value, branch, depth + 1);
    });
  }
}

function schemaExamples(schema: JsonObject): Json[] {
  const out: Json[] = [];
  if (schema.example !== undefined) out.push(schema.example);
  if (Array.isArray(schema.examples)) out.push(...schema.examples);
  if (schema.const !== undefined) out.push(schema.const);
  if (schema.default !== undefined) out.push(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) out.push(schema.enum[0]!);
  return out;
}

function typesOf(schema: JsonObject): Set<string> {
  const type = schema.type;
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  return new Set();
}

function isNullSchema(doc: JsonObject, node: unknown): boolean {
  const schema = deref(doc, node);
  return schema !== undefined && schema.type === 'null';
}

function hasType(value: Json, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

function stringBounds(value: string, schema: JsonObject): boolean {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string') {
    let pattern: RegExp;
    try {
      pattern = new RegExp(schema.pattern, 'u');
    } catch {
      // A pattern JavaScript cannot read says nothing either way.
      return true;
    }
    if (!pattern.test(value)) return false;
  }
  return true;
}

function numberBounds(value: number, schema: JsonObject): boolean {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  if (typeof minimum === 'number' && (value < minimum || (exclusiveMinimum === true && value === minimum))) return false;
  if (typeof maximum === 'number' && (value > maximum || (exclusiveMaximum === true && value === maximum))) return false;
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return false;
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return false;
  if (typeof multipleOf === 'number' && multipleOf > 0 && !Number.isInteger(value / multipleOf)) return false;
  return true;
}

function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]!));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k]!, b[k]!));
  }
  return false;
}

/** Sets a property as data, also `__proto__` (a spec's property name is any string). */
function defineJson(target: JsonObject, name: string, value: Json): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
