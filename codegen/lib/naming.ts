/**
 * Wrapper names: deterministic, readable, always valid identifiers.
 *
 * 1. an override from the api's `x-codegen.operationNames` in redocly.yaml,
 *    keyed by the vendor's operationId or by `METHOD /path`;
 * 2. the name recorded for the operation (`METHOD /path`) by the previous
 *    generate in generated/<api>/manifest.json: once generated, a name
 *    survives regeneration, whatever the vendor changes around it;
 * 3. the vendor's operationId, when it converts cleanly to camelCase
 *    (letters and digits separated by `-`, `_`, `.` or spaces: `patch-application`
 *    → `patchApplication`);
 * 4. the summary (`Update Application Spec` → `updateApplicationSpec`);
 * 5. method + path (`PATCH /v4/specs/{id}` → `patchV4SpecsById`).
 *
 * A name that is a reserved word, an `Object.prototype` member, one of
 * schema.ts's exports (`paths`, `components`, `operations`, `webhooks`) or a
 * member the bound client has besides its operations (`client`, `withOptions`) gets
 * the suffix `Operation` (`delete` → `deleteOperation`). Two operations with one
 * name are an error naming both: never a silent suffix.
 *
 * Opt-in per api (`x-codegen.nameClashes: qualify-by-path`), for specs that
 * repeat an endpoint under several versions (`/v1/…`, `/v4/…` with one
 * summary): the operations deriving one name form a group, and every member
 * without an override or a recorded name is qualified by the path segments
 * that differ within the group (`listModels` → `listModelsV1`, `listModelsV4`);
 * members that still share a qualifier are qualified by those segments joined
 * with `_` (`/db-reset` → `DbReset`, `/db/reset` → `Db_Reset`), then by the
 * method (`Get`, `Post`). Computed from the group alone, so the result does not
 * depend on document order; a recorded name is never requalified, so a clash
 * the vendor introduces later only qualifies the new operations. What still
 * clashes after that is an error.
 */
import { PipelineError } from './errors.js';
import { camelCase, isSafeIdentifier, jsString, words } from './escape.js';
import { SCHEMA_EXPORTS, type OperationRef } from './openapi.js';

const CLEAN_OPERATION_ID = /^\p{L}[\p{L}\p{N}]*(?:[-_. ][\p{L}\p{N}]+)*$/u;
const OBJECT_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['__proto__', 'prototype', 'then']));
const BOUND_CLIENT_MEMBERS = new Set(['client', 'withOptions']);
export const reserved = (name: string) => OBJECT_PROTOTYPE.has(name) || SCHEMA_EXPORTS.has(name) || BOUND_CLIENT_MEMBERS.has(name);
const MAX_SUMMARY_WORDS = 10;

export interface NamedOperation extends OperationRef {
  name: string;
  /** How the name was derived: shown in manifest.json for reviewers. */
  nameFrom: NameSource;
  /** The vendor's operationId (before any normalisation), if any. */
  vendorOperationId: string | undefined;
}

export type NameSource = 'override' | 'operationId' | 'summary' | 'method+path' | `${'operationId' | 'summary' | 'method+path'}+path-qualifier`;

export const NAME_SOURCES = new Set<string>(
  ['override', 'operationId', 'summary', 'method+path'].flatMap((s) => (s === 'override' ? [s] : [s, `${s}+path-qualifier`])),
);

/** A name from the previous generate, by `METHOD /path` (see readManifest). */
export interface RecordedName {
  name: string;
  nameFrom: NameSource;
}

export function vendorOperationId(op: OperationRef): string | undefined {
  const vendor = op.operation['x-vendor-operation-id'];
  if (typeof vendor === 'string') return vendor;
  return typeof op.operation.operationId === 'string' ? op.operation.operationId : undefined;
}

export function operationKey(op: OperationRef): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

export type NameClashes = 'error' | 'qualify-by-path';

export function nameOperations(
  ops: OperationRef[],
  overrides: Record<string, string>,
  where: string,
  clashes: NameClashes = 'error',
  recorded: ReadonlyMap<string, RecordedName> = new Map(),
): NamedOperation[] {
  const derived = ops.map((op) => nameOne(op, overrides, where));
  // A recorded name wins over derivation (not over an override: that is a person's decision).
  const kept = (op: NamedOperation) => (op.nameFrom === 'override' ? undefined : recorded.get(operationKey(op)));
  if (clashes === 'qualify-by-path') return assertUnique(qualifyClashes(derived, kept), where);
  return assertUnique(
    derived.map((op) => {
      const record = kept(op);
      return record ? { ...op, name: record.name, nameFrom: record.nameFrom } : op;
    }),
    where,
  );
}

/**
 * Groups operations by derived name; in a group of two or more, members with an
 * override or a recorded name keep it and the others are qualified by path.
 */
function qualifyClashes(derived: NamedOperation[], kept: (op: NamedOperation) => RecordedName | undefined): NamedOperation[] {
  const groups = new Map<string, NamedOperation[]>();
  for (const op of derived) groups.set(op.name, [...(groups.get(op.name) ?? []), op]);
  const final = new Map<NamedOperation, NamedOperation>();
  for (const group of groups.values()) {
    const fresh: NamedOperation[] = [];
    const fixed = new Set<string>();
    for (const op of group) {
      const record = kept(op);
      if (record) final.set(op, { ...op, name: record.name, nameFrom: record.nameFrom });
      else if (op.nameFrom === 'override' || group.length < 2) final.set(op, op);
      else fresh.push(op);
      if (final.has(op)) fixed.add(final.get(op)!.name);
    }
    const paths = group.map((o) => o.path);
    // Each step qualifies only the members whose name is still empty-qualified or shared.
    const steps: Array<(op: NamedOperation) => string> = [
      (op) => differingSegments(op.path, paths, ''),
      (op) => differingSegments(op.path, paths, '_'),
      (op) => differingSegments(op.path, paths, '_') + pascal(op.method),
    ];
    let qualifiers = new Map(fresh.map((op) => [op, steps[0]!(op)]));
    for (const step of steps.slice(1)) {
      const count = new Map<string, number>();
      for (const q of qualifiers.values()) count.set(q, (count.get(q) ?? 0) + 1);
      const ambiguous = (op: NamedOperation) => {
        const q = qualifiers.get(op)!;
        return q === '' || count.get(q)! > 1 || fixed.has(safe(`${op.name}${q}`));
      };
      qualifiers = new Map(fresh.map((op) => [op, ambiguous(op) ? step(op) : qualifiers.get(op)!]));
    }
    for (const op of fresh) {
      const qualifier = qualifiers.get(op)!;
      final.set(op, qualifier ? { ...op, name: safe(`${op.name}${qualifier}`), nameFrom: `${op.nameFrom as 'summary'}+path-qualifier` } : op);
    }
  }
  return derived.map((op) => final.get(op)!);
}

/**
 * PascalCase of the segments of `path` that are not the same across `paths`
 * (position by position), joined by `joiner`.
 */
function differingSegments(path: string, paths: string[], joiner: string): string {
  const split = (p: string) => p.split('/').filter(Boolean);
  const all = paths.map(split);
  const mine = split(path);
  const parts = mine.filter((segment, i) => all.some((other) => other[i] !== segment));
  return parts
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return pascal(param ? `by ${param[1]}` : segment);
    })
    .join(joiner);
}

function pascal(text: string): string {
  const camel = camelCase(text);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

function assertUnique(named: NamedOperation[], where: string): NamedOperation[] {
  const seen = new Map<string, NamedOperation>();
  const clashes: string[] = [];
  for (const op of named) {
    const first = seen.get(op.name);
    if (first) {
      clashes.push(
        `${op.name}: ${describe(first)} and ${describe(op)} (add x-codegen.operationNames for one of them in redocly.yaml)`,
      );
    } else seen.set(op.name, op);
  }
  if (clashes.length) {
    const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more clashes)` : '';
    throw new PipelineError(
      `${where}: two operations map to the wrapper name ${clashes[0]}${more}`,
      clashes.slice(1).map((c) => `${where}: also ${c}`),
    );
  }
  return named;
}

function describe(op: NamedOperation): string {
  return `${operationKey(op)}${op.vendorOperationId ? ` (operationId ${jsString(op.vendorOperationId)})` : ''} [from ${op.nameFrom}]`;
}

function nameOne(op: OperationRef, overrides: Record<string, string>, where: string): NamedOperation {
  const vendorId = vendorOperationId(op);
  const base = { ...op, vendorOperationId: vendorId };
  // Own keys only: an operationId such as `constructor` must not find Object.prototype's.
  const own = (key: string | undefined) => (key !== undefined && Object.hasOwn(overrides, key) ? overrides[key] : undefined);
  const override = own(vendorId) ?? own(operationKey(op));
  if (override !== undefined) {
    if (!isSafeIdentifier(override) || reserved(override)) {
      throw new PipelineError(`${where}: x-codegen.operationNames: ${jsString(override)} for ${operationKey(op)} is not a usable identifier`);
    }
    return { ...base, name: override, nameFrom: 'override' };
  }
  if (vendorId && CLEAN_OPERATION_ID.test(vendorId)) {
    return { ...base, name: safe(camelCase(vendorId)), nameFrom: 'operationId' };
  }
  const summary = typeof op.operation.summary === 'string' ? op.operation.summary : '';
  const summaryWords = words(summary);
  if (summaryWords.length > 0 && summaryWords.length <= MAX_SUMMARY_WORDS) {
    return { ...base, name: safe(camelCase(summary)), nameFrom: 'summary' };
  }
  return { ...base, name: safe(methodPathName(op)), nameFrom: 'method+path' };
}

/** `PATCH /v4/specs/{id}` → `patchV4SpecsById` */
export function methodPathName(op: Pick<OperationRef, 'method' | 'path'>): string {
  const parts = op.path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `by ${param[1]}` : segment;
    });
  return camelCase(`${op.method} ${parts.join(' ')}`) || op.method;
}

function safe(name: string): string {
  return isSafeIdentifier(name) && !reserved(name) ? name : `${name}Operation`;
}
