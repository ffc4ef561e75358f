/**
 * The types stages for one bundled document, in order: openapi-typescript
 * (stages/types.ts), the ts-morph passes (stages/postprocess.ts), and
 * schema.ts's part of the API report (from the passes' own parse). Run on
 * the types worker, or in this thread without one (worker/client.ts).
 */
import { apiSymbols } from '../api-diff/api-report.js';
import type { JsonObject } from '../lib/openapi.js';
import { timer, type Timings } from '../lib/timings.js';
import { postprocess } from '../stages/postprocess.js';
import { generateTypes } from '../stages/types.js';
import type { TypesRequest, TypesResult } from './protocol.js';

export async function runTypes(request: TypesRequest): Promise<TypesResult> {
  const timings: Timings = {};
  const time = timer(timings);
  // Parsed twice: openapi-typescript changes the document it is given, the
  // passes read the spec as bundled. Parsing JSON text is faster than a clone.
  const document = JSON.parse(request.json) as JsonObject;
  const messages: string[] = [];
  const raw = await time('types', () =>
    generateTypes(JSON.parse(request.json), request.source, { copy: false, messages, hasAt: request.json.includes('@') }),
  );
  const { reportParts, ...processed } = time('passes', () =>
    postprocess(raw, document, new Set(request.takenNames), new Map(request.recordedAliases)),
  );
  processed.warnings.unshift(...messages);
  const reportSymbols = time('api-report', () => apiSymbols(new Map([['schema.ts', reportParts ?? processed.text]])));
  return { ...processed, timings, reportSymbols };
}
