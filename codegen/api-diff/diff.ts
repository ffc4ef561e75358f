/**
 * What changed between two versions of one api, and whether it breaks a client
 * of the generated package. Pure: parsed documents (and exported-symbol lists)
 * in, a list of changes out. No I/O, no git (see cli.ts), no Markdown (see
 * render.ts).
 *
 * Inputs are bundled specs (generated/<api>/openapi.yaml): every `$ref` is
 * local. Operations are matched by `METHOD /path`; within an operation the
 * request (parameters, body) and every response are compared schema by schema,
 * following `$ref`s (cycle-safe: a pair of referenced schemas is compared once
 * per place).
 *
 * "Breaking" means: code written against the old generated package can stop
 * compiling, or start misbehaving, with the new one. That depends on the
 * direction data flows (modelled on oasdiff's checks):
 * - a REQUEST schema is what the client sends: anything that accepts fewer
 *   values (narrowed enum/type, new required property, optional → required,
 *   removed property) breaks; accepting more does not;
 * - a RESPONSE schema is what the client reads: anything that can return
 *   values the client did not expect (widened enum/type, required → optional,
 *   removed property) breaks its switch statements and non-null assumptions;
 *   returning fewer does not.
 * Changes that are incompatible both ways (a `const` flipped, a format
 * swapped) break in both. RULES below is the whole table;
 * docs/reviewing-spec-changes.md ("What breaks: the rules") documents it, and
 * a test keeps the two equal.
 */
import { HTTP_METHODS, isObject, resolvePointer, schemaNameOf, type Json, type JsonObject } from '../lib/openapi.js';
import type { ApiSymbol } from '../stages/api-report.js';
import { codeSpan } from '../lib/markdown.js';

export type Severity = 'breaking' | 'non-breaking';
export type Direction = 'request' | 'response';

export interface Rule {
  /** What the rule detects, as written in the docs' table (docs/reviewing-spec-changes.md). */
  what: string;
  /** Severity in a request schema (the client sends it). */
  request?: Severity;
  /** Severity in a response schema (the client reads it). */
  response?: Severity;
  /** Severity where direction does not apply (operations, exports). */
  always?: Severity;
}

const B = 'breaking' as const;
const NB = 'non-breaking' as const;

export const RULES = {
  'operation-added': { what: 'operation added', always: NB },
  'operation-removed': { what: 'operation removed', always: B },
  'operation-id-changed': { what: 'operationId changed (it keys the generated `operations` type and can rename the wrapper)', always: B },
  'wrapper-renamed': { what: 'wrapper function renamed (manifest.json; e.g. an override changed)', always: B },
  'type-renamed': { what: 'schema type renamed (manifest.json `aliases`; e.g. the record was deleted)', always: B },
  'parameter-added-required': { what: 'required parameter added', request: B },
  'parameter-added-optional': { what: 'optional parameter added', request: NB },
  'parameter-removed': { what: 'parameter removed', request: B },
  'parameter-became-required': { what: 'parameter optional → required', request: B },
  'parameter-became-optional': { what: 'parameter required → optional', request: NB },
  'request-body-added-required': { what: 'required request body added', request: B },
  'request-body-added-optional': { what: 'optional request body added', request: NB },
  'request-body-removed': { what: 'request body removed', request: B },
  'request-body-became-required': { what: 'request body optional → required', request: B },
  'request-body-became-optional': { what: 'request body required → optional', request: NB },
  'media-type-added': { what: 'media type added', request: NB, response: NB },
  'media-type-removed': { what: 'media type removed', request: B, response: B },
  'response-added': { what: 'response status added', response: NB },
  'response-success-removed': { what: 'success (2xx) response removed', response: B },
  'response-error-removed': { what: 'non-2xx response removed', response: NB },
  'property-added-required': { what: 'required property added', request: B, response: NB },
  'property-added-optional': { what: 'optional property added', request: NB, response: NB },
  'property-removed': { what: 'property removed', request: B, response: B },
  'property-became-required': { what: 'property optional → required', request: B, response: NB },
  'property-became-optional': { what: 'property required → optional', request: NB, response: B },
  'type-narrowed': { what: 'type narrowed (fewer types, `number` → `integer`, nullable dropped, type added)', request: B, response: NB },
  'type-widened': { what: 'type widened (more types, `integer` → `number`, nullable, type dropped)', request: NB, response: B },
  'type-changed': { what: 'type changed (neither narrower nor wider)', request: B, response: B },
  'enum-narrowed': { what: 'enum narrowed (values removed, or an enum added)', request: B, response: NB },
  'enum-widened': { what: 'enum widened (values added, or the enum dropped)', request: NB, response: B },
  'enum-changed': { what: 'enum values both removed and added', request: B, response: B },
  'const-narrowed': { what: '`const` added', request: B, response: NB },
  'const-widened': { what: '`const` removed', request: NB, response: B },
  'const-changed': { what: '`const` changed (e.g. a boolean `restore: false` → `true`)', request: B, response: B },
  'format-narrowed': { what: '`format` added', request: B, response: NB },
  'format-widened': { what: '`format` removed', request: NB, response: B },
  'format-changed': { what: '`format` changed', request: B, response: B },
  'variant-added': { what: '`oneOf`/`anyOf` member added', request: NB, response: B },
  'variant-removed': { what: '`oneOf`/`anyOf` member removed', request: B, response: NB },
  'all-of-added': { what: '`allOf` member added', request: B, response: NB },
  'all-of-removed': { what: '`allOf` member removed', request: NB, response: B },
  'discriminator-added': { what: 'discriminator added', request: B, response: B },
  'discriminator-removed': { what: 'discriminator removed', request: B, response: B },
  'discriminator-property-changed': { what: 'discriminator `propertyName` changed', request: B, response: B },
  'discriminator-mapping-added': { what: 'discriminator mapping value added', request: NB, response: B },
  'discriminator-mapping-removed': { what: 'discriminator mapping value removed', request: B, response: NB },
  'discriminator-mapping-changed': { what: 'discriminator mapping value points elsewhere', request: B, response: B },
  'patch-typed': { what: 'JSON Patch body typed (manifest.json `jsonPatch`): its `path` was any string', request: B },
  'patch-untyped': { what: 'JSON Patch body no longer typed: any `path` accepted', request: NB },
  'patch-pointer-removed': { what: 'JSON Patch pointer no longer patchable (with the pointers below it)', request: B },
  'patch-pointer-added': { what: 'JSON Patch pointer patchable', request: NB },
  'export-added': { what: 'exported symbol added (or interface member)', always: NB },
  'export-removed': { what: 'exported symbol removed (or interface member)', always: B },
  'export-changed': { what: 'exported symbol changed kind or signature', always: B },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function severityOf(rule: RuleId, direction?: Direction): Severity {
  const r: Rule = RULES[rule];
  const s = r.always ?? (direction ? r[direction] : undefined);
  if (!s) throw new Error(`rule ${rule} has no severity for ${direction ?? 'no direction'}`);
  return s;
}

export interface Change {
  rule: RuleId;
  severity: Severity;
  /** `METHOD /path`, or null for changes outside operations (exports). */
  operation: string | null;
  /** `operation`, `request body`, `query parameter \`q\``, `response 200`, or the generated file for exports. */
  location: string;
  /** Schema path: the component schema last entered, then `.property`, `[]` (items), `{}` (map values), `/oneOf/1`; '' for the location itself. */
  subject: string;
  message: string;
  /**
   * Set on an export added or removed as part of another change, which counts
   * instead of it: `METHOD /path` of the operation added or removed with it
   * (its wrapper, `Args`/`Result` types, `paths[…]` and `operations[…]`
   * members), or the name of the exported symbol added or removed with its
   * members. Absent: the change counts by itself.
   */
  partOf?: string;
}

export interface OperationSummary {
  /** `METHOD /path` */
  key: string;
  operationId: string | null;
}

export interface ApiDiff {
  api: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  operations: { added: OperationSummary[]; removed: OperationSummary[]; changed: OperationSummary[] };
  changes: Change[];
}

/**
 * Compares two versions of one api: bundled specs (undefined: absent) and,
 * optionally, exported symbols and the names manifest.json records: wrappers
 * (`METHOD /path` → name) and schema aliases (schema key → name).
 */
export function diffApi(
  api: string,
  base: unknown,
  head: unknown,
  symbols?: { base: ApiSymbol[]; head: ApiSymbol[] },
  names?: { base: RecordedNames; head: RecordedNames },
): ApiDiff {
  const changes = [
    ...diffSpecs(base, head),
    ...(symbols ? diffSymbols(symbols.base, symbols.head) : []),
    ...(names ? diffWrapperNames(names.base.wrappers, names.head.wrappers) : []),
    ...(names ? diffAliasNames(names.base.aliases, names.head.aliases) : []),
  ];
  const baseOps = operationMap(base);
  const headOps = operationMap(head);
  if (names?.base.patches && names.head.patches) {
    const both = new Set([...headOps.keys()].filter((k) => baseOps.has(k)));
    changes.push(...diffPatchPointers(names.base.patches, names.head.patches, both));
  }
  sortChanges(changes);
  if (symbols) {
    attachExports(changes, 'operation-removed', 'export-removed', baseOps, symbols.base);
    attachExports(changes, 'operation-added', 'export-added', headOps, symbols.head);
    if (names) attachRenamedTypes(changes, names.base.aliases, names.head.aliases);
  }
  const touched = new Set(changes.map((c) => c.operation));
  const summary = (key: string, op: JsonObject): OperationSummary => ({
    key,
    operationId: typeof op.operationId === 'string' ? op.operationId : null,
  });
  const operations: ApiDiff['operations'] = { added: [], removed: [], changed: [] };
  for (const [key, op] of headOps) {
    if (!baseOps.has(key)) operations.added.push(summary(key, op.operation));
    else if (touched.has(key)) operations.changed.push(summary(key, op.operation));
  }
  for (const [key, op] of baseOps) if (!headOps.has(key)) operations.removed.push(summary(key, op.operation));
  const status = base === undefined && head !== undefined ? 'added' : head === undefined && base !== undefined ? 'removed' : changes.length ? 'changed' : 'unchanged';
  return { api, status, operations, changes };
}

/** Every change between two bundled specs (undefined: no spec), in a stable order. */
export function diffSpecs(base: unknown, head: unknown): Change[] {
  const out = new Collector();
  const schemas = new SchemaComparer(base, head);
  const baseOps = operationMap(base);
  const headOps = operationMap(head);
  for (const [key, b] of baseOps) {
    if (!headOps.has(key)) out.add({ rule: 'operation-removed', operation: key, location: 'operation', subject: '', message: `operation removed${opIdNote(b.operation)}` });
  }
  for (const [key, h] of headOps) {
    const b = baseOps.get(key);
    if (!b) {
      out.add({ rule: 'operation-added', operation: key, location: 'operation', subject: '', message: `operation added${opIdNote(h.operation)}` });
      continue;
    }
    diffOperation(out, schemas, key, { doc: base, ...b }, { doc: head, ...h });
  }
  return sortChanges(out.changes);
}

/** Changes in the exported symbols of the generated files (see api-report.ts). */
export function diffSymbols(base: ApiSymbol[], head: ApiSymbol[]): Change[] {
  const out: Change[] = [];
  const key = (s: ApiSymbol) => `${s.file}\u0000${s.name}`;
  const baseMap = new Map(base.map((s) => [key(s), s]));
  const headMap = new Map(head.map((s) => [key(s), s]));
  const make = (rule: RuleId, s: ApiSymbol, message: string): Change => ({ rule, severity: severityOf(rule), operation: null, location: s.file, subject: s.name, message });
  for (const [k, s] of baseMap) if (!headMap.has(k)) out.push(make('export-removed', s, `${s.kind} removed`));
  for (const [k, s] of headMap) {
    const b = baseMap.get(k);
    if (!b) out.push(make('export-added', s, `${s.kind} added`));
    else if (b.kind !== s.kind) out.push(make('export-changed', s, `${b.kind} → ${s.kind}`));
    else if (b.signature !== s.signature) out.push(make('export-changed', s, `signature changed: ${codeSpan(b.signature)} → ${codeSpan(s.signature)}`));
  }
  return sortChanges(out);
}

/**
 * Marks the exports that come and go with an operation or another export
 * (`partOf`), so one removed operation is one breaking change with its exports
 * listed under it, not one per export. An export belongs to operation
 * `METHOD /path` when it is that operation's `paths["/path"].method` or
 * `operations["<operationId>"]` member, or when its signature refers to one
 * (the wrapper's `Args`/`Result` types); an export whose signature refers to a
 * member added or removed with it belongs to that member (a schema's readable
 * alias to `components.schemas.<key>`); one whose signature names an export of
 * its file that belongs somewhere belongs there too (the wrapper function), and
 * so does a bound client's method of the same name as such an export;
 * a member belongs to its outermost parent added or removed with it. Only the
 * same direction attaches: removed exports to a removed operation, added to added;
 * a rename (`wrapper-renamed`, `operation-id-changed`) takes the old name's
 * exports and the new name's.
 */
function attachExports(
  changes: Change[],
  opRule: 'operation-removed' | 'operation-added',
  exportRule: 'export-removed' | 'export-added',
  ops: Map<string, { operation: JsonObject }>,
  symbols: ApiSymbol[],
): void {
  const exports = changes.filter((c) => c.rule === exportRule);
  if (!exports.length) return;
  const signature = new Map(symbols.map((s) => [`${s.file}\u0000${s.name}`, s.signature]));
  const byMember = new Map<string, string>(); // `paths["/p"].get` / `operations["id"]` → operation
  const byPathItem = new Map<string, string>(); // `paths["/p"]` → an operation of it (only when that member comes or goes itself)
  for (const c of changes) {
    // A rename takes the old name's exports (removed) and the new name's (added): a renamed wrapper its
    // functions and Args/Result types (they refer to the operation's paths[…] type), a changed
    // operationId its operations[…] member.
    const rename = c.rule === 'wrapper-renamed' || c.rule === 'operation-id-changed';
    if ((c.rule !== opRule && !rename) || !c.operation) continue;
    const [method, ...rest] = c.operation.split(' ');
    const path = memberAccess('paths', rest.join(' '));
    byMember.set(memberAccess(path, method!.toLowerCase()), c.operation);
    const id = ops.get(c.operation)?.operation.operationId;
    if (typeof id === 'string' && c.rule !== 'wrapper-renamed') byMember.set(memberAccess('operations', id), c.operation);
    if (!rename) byPathItem.set(path, byPathItem.get(path) ?? c.operation); // the path item gone with its operations
  }
  const members = new Map(exports.filter((c) => c.message === 'member added' || c.message === 'member removed').map((c) => [c.subject, c]));
  const owner = new Map<Change, string>();
  const sig = (c: Change) => signature.get(`${c.location}\u0000${c.subject}`) ?? '';
  // 1. operations' members, and exports whose signature refers to one; aliases of a member that comes or goes
  for (const c of exports) {
    const refs = [c.subject, ...typeReferences(sig(c))];
    const op = byPathItem.get(c.subject) ?? refs.map((r) => byMember.get(r)).find(Boolean);
    const member = op ? undefined : refs.slice(1).find((r) => members.has(r) && members.get(r) !== c);
    if (op ?? member) owner.set(c, (op ?? member)!);
  }
  // 2. exports whose signature names an export of the same file that belongs somewhere (the wrapper → its Args)
  const named = new Map([...owner].map(([c, o]) => [`${c.location}\u0000${c.subject}`, o]));
  for (const c of exports) {
    if (owner.has(c)) continue;
    const o = [...sig(c).matchAll(/[A-Za-z_$][\w$]*/g)].map((m) => named.get(`${c.location}\u0000${m[0]}`)).find(Boolean);
    if (o) owner.set(c, o);
  }
  // 2b. a bound client's method (`PetsClient.getPet`) belongs where the export of its name does (the wrapper)
  const bySubject = new Map([...owner].map(([c, o]) => [c.subject, o]));
  for (const c of exports) {
    if (owner.has(c)) continue;
    const method = /^[A-Za-z_$][\w$]*\.([A-Za-z_$][\w$]*)$/.exec(c.subject)?.[1];
    const o = method === undefined ? undefined : bySubject.get(method);
    if (o) owner.set(c, o);
  }
  // 3. members: the outermost ancestor that comes or goes too, or what that one belongs to
  const changed = new Map(exports.map((c) => [`${c.location}\u0000${c.subject}`, c]));
  for (const c of exports) {
    if (owner.has(c)) continue;
    for (const ancestor of ancestors(c.subject)) {
      const parent = changed.get(`${c.location}\u0000${ancestor}`);
      if (parent) {
        owner.set(c, owner.get(parent) ?? ancestor);
        break;
      }
    }
  }
  // what an owner itself belongs to (an alias → its member → the interface added with it)
  const ownerOf = new Map([...owner].map(([c, o]) => [c.subject, o]));
  for (const [c, o] of owner) {
    let top = o;
    for (let hops = 0; ownerOf.has(top) && hops < 8; hops++) top = ownerOf.get(top)!;
    c.partOf = top;
  }
}

/** api-report.ts's member names: `.name` for an identifier, `["…"]` otherwise. */
function memberAccess(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Indexed-access chains in a signature (`components["schemas"]["Pet"]`), as member names (`components.schemas.Pet`). */
function typeReferences(signature: string): string[] {
  const out: string[] = [];
  for (const m of signature.matchAll(/([A-Za-z_$][\w$]*)((?:\["(?:[^"\\]|\\.)*"\])+)/g)) {
    let name = m[1]!;
    for (const k of m[2]!.matchAll(/\[("(?:[^"\\]|\\.)*")\]/g)) {
      name = memberAccess(name, JSON.parse(k[1]!) as string);
      out.push(name);
    }
  }
  return out;
}

/** `a.b["c"].d` → `a`, `a.b`, `a.b["c"]` (outermost first). */
function ancestors(name: string): string[] {
  const out: string[] = [];
  const re = /\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\]/g;
  const first = /^[A-Za-z_$][\w$]*/.exec(name);
  if (!first) return out;
  let prefix = first[0];
  re.lastIndex = prefix.length;
  for (let m = re.exec(name); m && m.index === prefix.length; m = re.exec(name)) {
    out.push(prefix);
    prefix += m[0];
  }
  return out;
}

/** What a manifest.json records (see manifest.ts readManifest). */
export interface RecordedNames {
  /** `METHOD /path` → wrapper name. */
  wrappers: ReadonlyMap<string, string>;
  /** Schema key → alias name. */
  aliases: ReadonlyMap<string, string>;
  /**
   * `METHOD /path` → the patchable pointers of its typed JSON Patch body
   * (`jsonPatch`; null: found but left untyped). Undefined: not known (no
   * manifest), so nothing is compared.
   */
  patches?: ReadonlyMap<string, readonly string[] | null> | undefined;
}

/**
 * The patchable pointers of the operations present on both sides: a pointer
 * removed breaks a caller that patched it, one added does not; a removed
 * pointer's own removed descendants are counted with it. A body that becomes
 * typed rejects pointers it accepted (breaking); one that stops being typed
 * accepts any.
 */
export function diffPatchPointers(
  base: ReadonlyMap<string, readonly string[] | null>,
  head: ReadonlyMap<string, readonly string[] | null>,
  operations: ReadonlySet<string>,
): Change[] {
  const out: Change[] = [];
  const make = (rule: RuleId, operation: string, subject: string, message: string): Change => ({
    rule,
    severity: severityOf(rule, 'request'),
    operation,
    location: 'request body',
    subject,
    message,
  });
  for (const operation of [...operations].sort()) {
    const b = base.get(operation) ?? null;
    const h = head.get(operation) ?? null;
    if (!b && h) out.push(make('patch-typed', operation, '', `JSON Patch typed: ${h.length} patchable pointer${h.length === 1 ? '' : 's'}`));
    if (b && !h) out.push(make('patch-untyped', operation, '', 'JSON Patch no longer typed'));
    if (!b || !h) continue;
    const before = new Set(b);
    const after = new Set(h);
    for (const [rule, from, to] of [
      ['patch-pointer-removed', b, after],
      ['patch-pointer-added', h, before],
    ] as const) {
      const gone = from.filter((p) => !to.has(p));
      const goneSet = new Set(gone);
      for (const pointer of gone) {
        // Only the outermost: `/a` removed takes `/a/b` with it.
        if (ancestorPointers(pointer).some((a) => goneSet.has(a))) continue;
        const below = gone.filter((p) => p.startsWith(`${pointer}/`)).length;
        const what = rule === 'patch-pointer-removed' ? 'no longer patchable' : 'patchable';
        out.push(make(rule, operation, pointer, `${codeSpan(pointer)} ${what}${below ? ` (and ${below} pointer${below === 1 ? '' : 's'} below it)` : ''}`));
      }
    }
  }
  return sortChanges(out);
}

/** `/a/b/c` → `/a`, `/a/b`. */
function ancestorPointers(pointer: string): string[] {
  const parts = pointer.split('/').slice(1);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

/** A schema present on both sides whose type has another name: one change, with the old and new exports under it. */
export function diffAliasNames(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): Change[] {
  const out: Change[] = [];
  for (const [key, before] of base) {
    const after = head.get(key);
    if (after === undefined || after === before) continue;
    const message = `type ${codeSpan(before)} → ${codeSpan(after)} (${codeSpan(memberAccess('components.schemas', key))})`;
    out.push({ rule: 'type-renamed', severity: severityOf('type-renamed'), operation: null, location: 'schema.ts', subject: before, message });
  }
  return sortChanges(out);
}

/**
 * The old name's exports (removed) and the new name's (added), members
 * included, are part of a `type-renamed` change (keyed by the old name), not
 * changes of their own.
 */
function attachRenamedTypes(changes: Change[], base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): void {
  // old name → old name (what goes), new name → old name (what comes): the rename is keyed by the old name
  const removed = new Map<string, string>();
  const added = new Map<string, string>();
  for (const [key, before] of base) {
    const after = head.get(key);
    if (after === undefined || after === before) continue;
    removed.set(before, before);
    added.set(after, before);
  }
  if (!removed.size) return;
  for (const c of changes) {
    if ((c.rule !== 'export-removed' && c.rule !== 'export-added') || c.location !== 'schema.ts') continue;
    const top = /^[A-Za-z_$][\w$]*/.exec(c.subject)?.[0];
    const owner = top === undefined ? undefined : (c.rule === 'export-removed' ? removed : added).get(top);
    if (owner !== undefined && (c.partOf === undefined || c.partOf === top)) c.partOf = `type ${owner}`;
  }
}

/** An operation present on both sides whose wrapper has another name. */
export function diffWrapperNames(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>): Change[] {
  const out: Change[] = [];
  for (const [key, before] of base) {
    const after = head.get(key);
    if (after === undefined || after === before) continue;
    out.push({ rule: 'wrapper-renamed', severity: severityOf('wrapper-renamed'), operation: key, location: 'operation', subject: '', message: `wrapper ${codeSpan(before)} → ${codeSpan(after)}` });
  }
  return sortChanges(out);
}

const SEVERITY_ORDER: Record<Severity, number> = { breaking: 0, 'non-breaking': 1 };

function sortChanges(changes: Change[]): Change[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return changes.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.operation ?? '', b.operation ?? '') ||
      cmp(a.location, b.location) ||
      cmp(a.subject, b.subject) ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

// ---------------------------------------------------------------------------
// operations

interface Side {
  doc: unknown;
  operation: JsonObject;
  pathItem: JsonObject;
}

function operationMap(doc: unknown): Map<string, { operation: JsonObject; pathItem: JsonObject }> {
  const map = new Map<string, { operation: JsonObject; pathItem: JsonObject }>();
  const paths = isObject(doc) ? doc.paths : undefined;
  if (!isObject(paths)) return map;
  for (const [path, raw] of Object.entries(paths)) {
    const pathItem = resolve(doc, raw).node;
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (isObject(operation)) map.set(`${method.toUpperCase()} ${path}`, { operation, pathItem });
    }
  }
  return map;
}

function opIdNote(op: JsonObject): string {
  return typeof op.operationId === 'string' ? ` (\`${op.operationId}\`)` : '';
}

function diffOperation(out: Collector, schemas: SchemaComparer, key: string, base: Side, head: Side): void {
  const emit = (rule: RuleId, location: string, message: string, direction?: Direction) =>
    out.add({ rule, operation: key, location, subject: '', message }, direction);
  const bId = base.operation.operationId;
  const hId = head.operation.operationId;
  if (bId !== hId) emit('operation-id-changed', 'operation', `operationId \`${String(bId ?? '(none)')}\` → \`${String(hId ?? '(none)')}\``);

  // parameters (path-level ones, overridden by operation-level ones with the same in + name)
  const bParams = parameters(base);
  const hParams = parameters(head);
  for (const [id, p] of bParams) {
    if (!hParams.has(id)) emit('parameter-removed', paramLocation(p), 'parameter removed', 'request');
  }
  for (const [id, h] of hParams) {
    const b = bParams.get(id);
    const location = paramLocation(h);
    if (!b) {
      emit(h.required ? 'parameter-added-required' : 'parameter-added-optional', location, `${h.required ? 'required' : 'optional'} parameter added`, 'request');
      continue;
    }
    if (b.required !== h.required) {
      emit(h.required ? 'parameter-became-required' : 'parameter-became-optional', location, h.required ? 'optional → required' : 'required → optional', 'request');
    }
    out.addAll(schemas.comparePlace(b.schema, h.schema), key, location, 'request');
  }

  // request body
  const bBody = resolve(base.doc, base.operation.requestBody).node;
  const hBody = resolve(head.doc, head.operation.requestBody).node;
  if (bBody && !hBody) emit('request-body-removed', 'request body', 'request body removed', 'request');
  if (!bBody && hBody) {
    const required = hBody.required === true;
    emit(required ? 'request-body-added-required' : 'request-body-added-optional', 'request body', `${required ? 'required' : 'optional'} request body added`, 'request');
  }
  if (bBody && hBody) {
    const bReq = bBody.required === true;
    const hReq = hBody.required === true;
    if (bReq !== hReq) emit(hReq ? 'request-body-became-required' : 'request-body-became-optional', 'request body', hReq ? 'optional → required' : 'required → optional', 'request');
    diffContent(out, schemas, key, 'request body', 'request', bBody.content, hBody.content);
  }

  // responses
  const bResponses = isObject(base.operation.responses) ? base.operation.responses : {};
  const hResponses = isObject(head.operation.responses) ? head.operation.responses : {};
  for (const status of Object.keys(bResponses)) {
    if (status in hResponses) continue;
    const success = /^2(?:\d\d|XX)$/i.test(status);
    emit(success ? 'response-success-removed' : 'response-error-removed', `response ${status}`, 'response removed', 'response');
  }
  for (const [status, raw] of Object.entries(hResponses)) {
    if (!(status in bResponses)) {
      emit('response-added', `response ${status}`, 'response added', 'response');
      continue;
    }
    const b = resolve(base.doc, bResponses[status]).node;
    const h = resolve(head.doc, raw).node;
    if (b && h) diffContent(out, schemas, key, `response ${status}`, 'response', b.content, h.content);
  }
}

interface Parameter {
  in: string;
  name: string;
  required: boolean;
  schema: Json | undefined;
}

function parameters(side: Side): Map<string, Parameter> {
  const map = new Map<string, Parameter>();
  for (const list of [side.pathItem.parameters, side.operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = resolve(side.doc, raw).node;
      if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
      let schema = p.schema;
      if (schema === undefined && isObject(p.content)) schema = Object.values(p.content).find(isObject)?.schema;
      map.set(`${p.in}\u0000${p.name}`, { in: p.in, name: p.name, required: p.required === true || p.in === 'path', schema });
    }
  }
  return map;
}

function paramLocation(p: Parameter): string {
  return `${p.in} parameter \`${p.name}\``;
}

function diffContent(out: Collector, schemas: SchemaComparer, op: string, location: string, direction: Direction, base: Json | undefined, head: Json | undefined): void {
  const b = isObject(base) ? base : {};
  const h = isObject(head) ? head : {};
  const where = (mediaType: string) => (mediaType === 'application/json' ? location : `${location} (${mediaType})`);
  for (const mt of Object.keys(b)) {
    if (!(mt in h)) out.add({ rule: 'media-type-removed', operation: op, location, subject: '', message: `media type \`${mt}\` removed` }, direction);
  }
  for (const [mt, hMedia] of Object.entries(h)) {
    if (!(mt in b)) {
      out.add({ rule: 'media-type-added', operation: op, location, subject: '', message: `media type \`${mt}\` added` }, direction);
      continue;
    }
    const bSchema = isObject(b[mt]) ? (b[mt] as JsonObject).schema : undefined;
    const hSchema = isObject(hMedia) ? hMedia.schema : undefined;
    out.addAll(schemas.comparePlace(bSchema, hSchema), op, where(mt), direction);
  }
}

// ---------------------------------------------------------------------------
// schemas

interface RawChange {
  rule: RuleId;
  subject: string;
  message: string;
}

/** What comparing one pair of schemas finds by itself: its changes, and the referenced pairs below it. */
interface Found {
  changes: RawChange[];
  /** Keys of referenced pairs (both sides a `$ref`) reached from here, compared separately. */
  edges: string[];
}

/**
 * Compares schemas between the two documents of one diff. Subjects restart at
 * the component a `$ref` enters, so what a referenced pair contains does not
 * depend on where it was reached from: each pair is compared once (cached) and
 * each place (a parameter, a body or response media type) collects the changes
 * of every pair it reaches, by a walk with a visited set (cycle-safe).
 */
class SchemaComparer {
  private readonly pairs = new Map<string, { b: JsonObject; h: JsonObject; name: string }>();
  private readonly found = new Map<string, Found>();

  constructor(
    private readonly baseDoc: unknown,
    private readonly headDoc: unknown,
  ) {}

  /** Every change between two schemas (either may be a `$ref`), for one place. */
  comparePlace(baseRaw: Json | undefined, headRaw: Json | undefined): RawChange[] {
    const root: Found = { changes: [], edges: [] };
    this.compare(root, baseRaw, headRaw, '', 0);
    const changes = [...root.changes];
    const visited = new Set<string>();
    const queue = [...root.edges];
    while (queue.length) {
      const key = queue.pop()!;
      if (visited.has(key)) continue;
      visited.add(key);
      const f = this.pairFound(key);
      changes.push(...f.changes);
      queue.push(...f.edges);
    }
    return changes;
  }

  private pairFound(key: string): Found {
    let f = this.found.get(key);
    if (!f) {
      const { b, h, name } = this.pairs.get(key)!;
      f = { changes: [], edges: [] };
      this.compareNode(f, b, h, name, 0);
      this.found.set(key, f);
    }
    return f;
  }

  private compare(sink: Found, baseRaw: Json | undefined, headRaw: Json | undefined, subject: string, depth: number): void {
    if (baseRaw === undefined || headRaw === undefined || depth > 64) return;
    const b = resolve(this.baseDoc, baseRaw);
    const h = resolve(this.headDoc, headRaw);
    if (!b.node || !h.node) return;
    const name = refSubject(h.ref) ?? refSubject(b.ref);
    if (b.ref && h.ref) {
      const key = `${b.ref}\u0000${h.ref}`;
      if (!this.pairs.has(key)) this.pairs.set(key, { b: b.node, h: h.node, name: name ?? subject });
      sink.edges.push(key);
      return;
    }
    this.compareNode(sink, b.node, h.node, name ?? subject, depth);
  }

  private compareNode(sink: Found, b: JsonObject, h: JsonObject, subject: string, depth: number): void {
    const emit = (rule: RuleId, at: string, message: string) => sink.changes.push({ rule, subject: at, message });
    compareTypes(emit, b, h, subject);
    compareEnum(emit, b, h, subject);
    compareConst(emit, b, h, subject);
    compareFormat(emit, b, h, subject);
    compareDiscriminator(emit, b, h, subject);
    // properties
    const bp = isObject(b.properties) ? b.properties : {};
    const hp = isObject(h.properties) ? h.properties : {};
    const bReq = requiredSet(b);
    const hReq = requiredSet(h);
    const at = (name: string) => (subject ? `${subject}.${name}` : name);
    for (const name of Object.keys(bp)) {
      if (!(name in hp)) emit('property-removed', at(name), 'property removed');
    }
    for (const [name, schema] of Object.entries(hp)) {
      if (!(name in bp)) {
        const required = hReq.has(name);
        emit(required ? 'property-added-required' : 'property-added-optional', at(name), `${required ? 'required' : 'optional'} property added`);
        continue;
      }
      if (bReq.has(name) !== hReq.has(name)) {
        emit(hReq.has(name) ? 'property-became-required' : 'property-became-optional', at(name), hReq.has(name) ? 'optional → required' : 'required → optional');
      }
      this.compare(sink, bp[name], schema, at(name), depth + 1);
    }
    if (isObject(b.items) && isObject(h.items)) this.compare(sink, b.items, h.items, `${subject}[]`, depth + 1);
    if (isObject(b.additionalProperties) && isObject(h.additionalProperties)) {
      this.compare(sink, b.additionalProperties, h.additionalProperties, `${subject}{}`, depth + 1);
    }
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) this.compareMembers(sink, emit, keyword, b[keyword], h[keyword], subject, depth);
  }

  private compareMembers(sink: Found, emit: Emit, keyword: 'oneOf' | 'anyOf' | 'allOf', bRaw: Json | undefined, hRaw: Json | undefined, subject: string, depth: number): void {
    const bl = Array.isArray(bRaw) ? bRaw : [];
    const hl = Array.isArray(hRaw) ? hRaw : [];
    if (!bl.length && !hl.length) return;
    // members are matched by $ref where they are references, else by position
    const keyOf = (m: Json, i: number) => (isObject(m) && typeof m.$ref === 'string' ? m.$ref : `#${i}`);
    const bm = new Map(bl.map((m, i) => [keyOf(m, i), m]));
    const hm = new Map(hl.map((m, i) => [keyOf(m, i), m]));
    const label = (k: string) => (k.startsWith('#/') ? `\`${refName(k)}\`` : `#${k.slice(1)}`);
    const [added, removed] = keyword === 'allOf' ? (['all-of-added', 'all-of-removed'] as const) : (['variant-added', 'variant-removed'] as const);
    for (const k of bm.keys()) if (!hm.has(k)) emit(removed, subject, `${keyword} member ${label(k)} removed`);
    for (const [k, m] of hm) {
      if (!bm.has(k)) emit(added, subject, `${keyword} member ${label(k)} added`);
      else this.compare(sink, bm.get(k), m, k.startsWith('#/') ? subject : `${subject}/${keyword}/${k.slice(1)}`, depth + 1);
    }
  }
}

type Emit = (rule: RuleId, subject: string, message: string) => void;

function compareTypes(emit: Emit, b: JsonObject, h: JsonObject, subject: string): void {
  const bt = typeSet(b);
  const ht = typeSet(h);
  const rel = relation(bt, ht, typeCovers);
  if (rel === 'same') return;
  const show = (t: Set<string> | undefined) => (t ? [...t].sort().map((x) => `\`${x}\``).join(' | ') : 'any');
  emit(`type-${rel}`, subject, `type ${rel}: ${show(bt)} → ${show(ht)}`);
}

function compareEnum(emit: Emit, b: JsonObject, h: JsonObject, subject: string): void {
  const be = Array.isArray(b.enum) ? new Set(b.enum.map((v) => JSON.stringify(v))) : undefined;
  const he = Array.isArray(h.enum) ? new Set(h.enum.map((v) => JSON.stringify(v))) : undefined;
  if (!be && !he) return;
  if (!be) return emit('enum-narrowed', subject, `enum added: ${values([...he!])}`);
  if (!he) return emit('enum-widened', subject, `enum removed (was ${values([...be])})`);
  const removed = [...be].filter((v) => !he.has(v));
  const added = [...he].filter((v) => !be.has(v));
  if (removed.length && added.length) emit('enum-changed', subject, `enum changed: removed ${values(removed)}; added ${values(added)}`);
  else if (removed.length) emit('enum-narrowed', subject, `enum narrowed: removed ${values(removed)}`);
  else if (added.length) emit('enum-widened', subject, `enum widened: added ${values(added)}`);
}

function compareConst(emit: Emit, b: JsonObject, h: JsonObject, subject: string): void {
  const bHas = 'const' in b;
  const hHas = 'const' in h;
  if (!bHas && !hHas) return;
  if (!bHas) return emit('const-narrowed', subject, `const added: \`${JSON.stringify(h.const)}\``);
  if (!hHas) return emit('const-widened', subject, `const removed (was \`${JSON.stringify(b.const)}\`)`);
  if (JSON.stringify(b.const) !== JSON.stringify(h.const)) {
    emit('const-changed', subject, `const changed: \`${JSON.stringify(b.const)}\` → \`${JSON.stringify(h.const)}\``);
  }
}

function compareFormat(emit: Emit, b: JsonObject, h: JsonObject, subject: string): void {
  const bf = typeof b.format === 'string' ? b.format : undefined;
  const hf = typeof h.format === 'string' ? h.format : undefined;
  if (bf === hf) return;
  if (bf === undefined) emit('format-narrowed', subject, `format added: \`${hf}\``);
  else if (hf === undefined) emit('format-widened', subject, `format removed (was \`${bf}\`)`);
  else emit('format-changed', subject, `format changed: \`${bf}\` → \`${hf}\``);
}

function compareDiscriminator(emit: Emit, b: JsonObject, h: JsonObject, subject: string): void {
  const bd = isObject(b.discriminator) ? b.discriminator : undefined;
  const hd = isObject(h.discriminator) ? h.discriminator : undefined;
  if (!bd && !hd) return;
  if (!bd) return emit('discriminator-added', subject, `discriminator added (propertyName \`${String(hd!.propertyName)}\`)`);
  if (!hd) return emit('discriminator-removed', subject, `discriminator removed (was propertyName \`${String(bd.propertyName)}\`)`);
  if (bd.propertyName !== hd.propertyName) {
    emit('discriminator-property-changed', subject, `discriminator propertyName \`${String(bd.propertyName)}\` → \`${String(hd.propertyName)}\``);
  }
  const bm = mapping(bd);
  const hm = mapping(hd);
  for (const [value, target] of bm) {
    const now = hm.get(value);
    if (now === undefined) emit('discriminator-mapping-removed', subject, `discriminator value \`${value}\` removed (was → \`${refName(target)}\`)`);
    else if (now !== target) emit('discriminator-mapping-changed', subject, `discriminator value \`${value}\`: \`${refName(target)}\` → \`${refName(now)}\``);
  }
  for (const [value, target] of hm) {
    if (!bm.has(value)) emit('discriminator-mapping-added', subject, `discriminator value \`${value}\` added (→ \`${refName(target)}\`)`);
  }
}

type Relation = 'same' | 'narrowed' | 'widened' | 'changed';

/** How the set of allowed values moved from `b` to `h` (undefined: unconstrained). */
function relation(b: Set<string> | undefined, h: Set<string> | undefined, covers: (set: Set<string>, x: string) => boolean): Relation {
  if (!b && !h) return 'same';
  if (!b) return 'narrowed';
  if (!h) return 'widened';
  const hInB = [...h].every((x) => covers(b, x));
  const bInH = [...b].every((x) => covers(h, x));
  if (hInB && bInH) return 'same';
  if (hInB) return 'narrowed';
  if (bInH) return 'widened';
  return 'changed';
}

function typeCovers(set: Set<string>, type: string): boolean {
  return set.has(type) || (type === 'integer' && set.has('number'));
}

/** The schema's types (3.1 `type` lists, 3.0 `nullable`), or undefined when it does not constrain the type. */
function typeSet(s: JsonObject): Set<string> | undefined {
  const t = s.type;
  const list = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : undefined;
  if (!list) return undefined;
  const set = new Set(list);
  if (s.nullable === true) set.add('null');
  return set;
}

function requiredSet(s: JsonObject): Set<string> {
  return new Set(Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : []);
}

function mapping(d: JsonObject): Map<string, string> {
  const m = isObject(d.mapping) ? d.mapping : {};
  return new Map(
    Object.entries(m).map(([k, v]) => [k, typeof v === 'string' ? v : isObject(v) && typeof v.$ref === 'string' ? v.$ref : JSON.stringify(v)]),
  );
}

function values(list: string[]): string {
  const shown = list.slice(0, 10).map((v) => `\`${v}\``);
  return list.length > 10 ? `${shown.join(', ')} and ${list.length - 10} more` : shown.join(', ');
}

/** `#/components/schemas/Foo` → `Foo`; any other ref as written. */
function refName(ref: string): string {
  return componentName(ref) ?? ref;
}

/** The subject a `$ref` starts: the component's name (`Foo`), or the pointer below components/schemas (`Foo/properties/bar`). */
function refSubject(ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  return componentName(ref) ?? (ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined);
}

function componentName(ref: string | undefined): string | undefined {
  return ref === undefined ? undefined : schemaNameOf(ref);
}

/** Follows a `$ref` chain (bounded); `ref` is the last reference followed. */
function resolve(doc: unknown, node: unknown): { node: JsonObject | undefined; ref: string | undefined } {
  let current = node;
  let ref: string | undefined;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 32) return { node: undefined, ref };
    ref = current.$ref;
    current = resolvePointer(doc, ref);
  }
  return { node: isObject(current) ? current : undefined, ref };
}

/** Collects changes, dropping exact duplicates (one schema reached twice in one place). */
class Collector {
  readonly changes: Change[] = [];
  private readonly keys = new Set<string>();

  add(change: Omit<Change, 'severity'>, direction?: Direction): void {
    const full: Change = { rule: change.rule, severity: severityOf(change.rule, direction), operation: change.operation, location: change.location, subject: change.subject, message: change.message };
    const key = JSON.stringify(full);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.changes.push(full);
  }

  addAll(changes: RawChange[], operation: string, location: string, direction: Direction): void {
    for (const c of changes) this.add({ ...c, operation, location }, direction);
  }
}
