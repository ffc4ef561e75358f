/**
 * The ts-morph passes on a tiny inline spec: openapi-typescript's output for
 * it (codegen/stages/openapi-typescript.ts), then the whole pass registry in
 * order (runPasses, codegen/stages/passes.ts), as the schema job runs them.
 */
import { parse } from 'yaml';
import type { JsonObject } from '../../codegen/lib/openapi.js';
import { generateTypes } from '../../codegen/stages/openapi-typescript.js';
import { runPasses, type PostprocessOutput } from '../../codegen/stages/passes.js';

export interface PassesRun extends PostprocessOutput {
  /** openapi-typescript's output, before the passes. */
  before: string;
}

/** `spec` (YAML text or a parsed document) through openapi-typescript and every pass. */
export async function runPassesOn(
  spec: string | JsonObject,
  options: { takenNames?: readonly string[]; recordedAliases?: Record<string, string> } = {},
): Promise<PassesRun> {
  const document = (typeof spec === 'string' ? parse(spec) : spec) as JsonObject;
  const before = await generateTypes(document, 'spec.yaml');
  const out = runPasses(before, document, new Set(options.takenNames), new Map(Object.entries(options.recordedAliases ?? {})));
  return { before, ...out };
}

/** A valid OpenAPI 3.1 document with `components.schemas` (YAML, indented under `schemas:`) and optional `paths`. */
export const specWith = (schemas: string, paths = '{}') => `openapi: 3.1.0
info: { title: t, version: '1' }
paths: ${paths}
components:
  schemas:
${schemas}`;
