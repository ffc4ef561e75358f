/**
 * The schema job for one bundled document, in order: openapi-typescript
 * (stages/openapi-typescript.ts), the ts-morph passes (stages/passes.ts), and
 * schema.ts's part of the API report (from the passes' own parse). Run on
 * the schema worker, or in this thread without one (worker/runner.ts).
 */
import { apiSymbols } from '../stages/api-symbols.js';
import type { JsonObject } from '../lib/openapi.js';
import { timer, type Timings } from '../lib/timings.js';
import { runPasses } from '../stages/passes.js';
import { generateTypes } from '../stages/openapi-typescript.js';
import { outlineTypes, type Outline } from '../stages/outline.js';
import type { SchemaJobNames, SchemaJobRequest, SchemaJobResult } from './protocol.js';

/** `names` resolves when the pipeline has planned the wrappers: only the passes wait for it. */
export async function runSchemaJob(request: SchemaJobRequest, names: Promise<SchemaJobNames> | SchemaJobNames): Promise<SchemaJobResult> {
  const timings: Timings = {};
  const time = timer(timings);
  // Parsed twice: openapi-typescript changes the document it is given, the
  // passes read the spec as bundled. Parsing JSON text is faster than a clone,
  // and the second parse comes after the first copy is dropped (one copy of a
  // large spec in memory at a time).
  const messages: string[] = [];
  let outline: Outline | undefined;
  const raw = await time('openapi-typescript', () =>
    generateTypes(JSON.parse(request.json), request.source, { copy: false, messages, json: request.json, inspect: (nodes) => (outline = outlineTypes(nodes)) }),
  );
  const document = JSON.parse(request.json) as JsonObject;
  const { takenNames } = await names;
  const { reportParts, ...processed } = time('passes', () => runPasses(raw, document, new Set(takenNames), new Map(request.recordedAliases), outline));
  processed.warnings.unshift(...messages);
  const reportSymbols = time('api-report', () => apiSymbols(new Map([['schema.ts', reportParts ?? processed.text]])));
  return { ...processed, timings, reportSymbols };
}
