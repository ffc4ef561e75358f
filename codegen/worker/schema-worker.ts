/**
 * Worker thread: the schema job (schema-job.ts) for each bundled document
 * the pipeline sends, answered in order.
 *
 * Runs on the second core while the main thread lints (see pipeline.ts). It
 * also takes the loading of TypeScript, openapi-typescript's transforms and
 * ts-morph off the main thread, which loads Redocly at the same time.
 */
import { parentPort } from 'node:worker_threads';
import { saveCodeCache } from '../lib/code-cache.js';
import { PipelineError } from '../lib/errors.js';
import type { SchemaJobMessage, SchemaJobNames, SchemaJobResponse } from './protocol.js';
import { runSchemaJob } from './schema-job.js';

/** Each job's names, given when they arrive (they follow the job's request). */
const names = new Map<number, (names: SchemaJobNames) => void>();

parentPort!.on('message', async (message: SchemaJobMessage) => {
  const { id } = message;
  if ('names' in message) {
    names.get(id)?.(message.names);
    names.delete(id);
    return;
  }
  const named = new Promise<SchemaJobNames>((resolve) => names.set(id, resolve));
  let response: SchemaJobResponse;
  try {
    response = { id, ok: true, ...(await runSchemaJob(message.request, named)) };
  } catch (error) {
    const e = error as Error;
    response = {
      id,
      ok: false,
      message: e.message,
      details: error instanceof PipelineError ? [...error.details] : [],
      pipelineError: error instanceof PipelineError,
    };
  }
  // After a rebuild of the bundle, the first run's compiled code is kept for the next runs (before the answer: the pipeline stops this thread once it has it).
  saveCodeCache();
  parentPort!.postMessage(response);
});

parentPort!.postMessage({ ready: true });
