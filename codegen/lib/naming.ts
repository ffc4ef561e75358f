/**
 * Wrapper names: deterministic, readable, always valid identifiers.
 *
 * 1. an override from the api's `x-codegen.operationNames` in redocly.yaml,
 *    keyed by the vendor's operationId or by `METHOD /path`;
 * 2. the vendor's operationId, when it converts cleanly to camelCase
 *    (letters and digits separated by `-`, `_`, `.` or spaces: `patch-application`
 *    → `patchApplication`);
 * 3. the summary (`Update Application Spec` → `updateApplicationSpec`);
 * 4. method + path (`PATCH /v4/specs/{id}` → `patchV4SpecsById`).
 *
 * A name that is a reserved word or an `Object.prototype` member gets the
 * suffix `Operation` (`delete` → `deleteOperation`). Two operations with one
 * name are an error naming both: never a silent suffix.
 */
import { PipelineError } from './errors.js';
import { camelCase, isSafeIdentifier, jsString, words } from './escape.js';
import type { OperationRef } from './openapi.js';

const CLEAN_OPERATION_ID = /^[A-Za-z][A-Za-z0-9]*(?:[-_. ][A-Za-z0-9]+)*$/;
const OBJECT_PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype).concat(['__proto__', 'prototype', 'then']));
const MAX_SUMMARY_WORDS = 10;

export interface NamedOperation extends OperationRef {
  name: string;
  /** How the name was derived: shown in manifest.json for reviewers. */
  nameFrom: 'override' | 'operationId' | 'summary' | 'method+path';
  /** The vendor's operationId (before any normalisation), if any. */
  vendorOperationId: string | undefined;
}

export function vendorOperationId(op: OperationRef): string | undefined {
  const vendor = op.operation['x-vendor-operation-id'];
  if (typeof vendor === 'string') return vendor;
  return typeof op.operation.operationId === 'string' ? op.operation.operationId : undefined;
}

export function operationKey(op: OperationRef): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

export function nameOperations(ops: OperationRef[], overrides: Record<string, string>, where: string): NamedOperation[] {
  const named = ops.map((op) => nameOne(op, overrides, where));
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
    throw new PipelineError(`${where}: two operations map to the wrapper name ${clashes[0]}`, clashes.slice(1).map((c) => `${where}: also ${c}`));
  }
  return named;
}

function describe(op: NamedOperation): string {
  return `${operationKey(op)}${op.vendorOperationId ? ` (operationId ${jsString(op.vendorOperationId)})` : ''} [from ${op.nameFrom}]`;
}

function nameOne(op: OperationRef, overrides: Record<string, string>, where: string): NamedOperation {
  const vendorId = vendorOperationId(op);
  const base = { ...op, vendorOperationId: vendorId };
  const override = (vendorId !== undefined ? overrides[vendorId] : undefined) ?? overrides[operationKey(op)];
  if (override !== undefined) {
    if (!isSafeIdentifier(override) || OBJECT_PROTOTYPE.has(override)) {
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
  return isSafeIdentifier(name) && !OBJECT_PROTOTYPE.has(name) ? name : `${name}Operation`;
}
