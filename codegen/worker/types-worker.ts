/**
 * Worker thread: openapi-typescript + ts-morph passes for a bundled document,
 * and the public API report (TypeScript's parser is loaded here anyway).
 *
 * Runs on the second core while the main thread lints (see pipeline.ts). It
 * also takes the loading of TypeScript, openapi-typescript's transforms and
 * ts-morph off the main thread, which loads Redocly at the same time.
 */
import { parentPort } from 'node:worker_threads';
import { apiReport } from '../api-diff/api-report.js';
import { PipelineError } from '../lib/errors.js';
import { timer, type Timings } from '../lib/timings.js';
import type { JsonObject } from '../lib/openapi.js';
import { postprocess } from '../stages/postprocess.js';
import { generateTypes } from '../stages/types.js';
import type { TypesRequest, TypesResponse } from './protocol.js';
import { warmUp } from './warm-up.js';

let jobArrived = false;

parentPort!.on('message', async (request: TypesRequest) => {
  jobArrived = true;
  const timings: Timings = {};
  const time = timer(timings);
  let response: TypesResponse;
  try {
    // The document arrives as JSON text: parsing it (twice: the transform
    // mutates its copy, the passes read the spec as bundled) is faster than
    // structured clones.
    const document = JSON.parse(request.json) as JsonObject;
    const messages: string[] = [];
    const raw = await time('types', () => generateTypes(JSON.parse(request.json), request.source, { copy: false, messages, hasAt: request.json.includes('@') }));
    const { reportParts, ...processed } = await time('passes', () => postprocess(raw, document, new Set(request.takenNames), new Map(request.recordedAliases)));
    processed.warnings.unshift(...messages);
    const report = await time('api-report', () =>
      apiReport(new Map([['schema.ts', reportParts ?? processed.text], ...Object.entries(request.sources)]), { title: request.title }),
    );
    response = { id: request.id, ok: true, ...processed, timings, apiReport: report };
  } catch (error) {
    const e = error as Error;
    response = {
      id: request.id,
      ok: false,
      message: e.message,
      details: error instanceof PipelineError ? [...error.details] : [],
      pipelineError: error instanceof PipelineError,
    };
  }
  parentPort!.postMessage(response);
});

parentPort!.postMessage({ ready: true });
// Until the first job arrives (see warm-up.ts). Rounds only run between
// events, so a job never interleaves with one.
void warmUp(() => jobArrived).catch(() => {});
