/**
 * The pipeline's side of the types worker: one worker per run, jobs answered
 * in order. Falls back to running the stages in this thread when a worker
 * cannot be used (`workers: false`, or the worker fails to start).
 */
import { Worker } from 'node:worker_threads';
import { PipelineError } from '../lib/errors.js';
import type { JsonObject } from '../lib/openapi.js';
import type { Timings } from '../lib/timings.js';
import type { TypesRequest, TypesResponse } from './protocol.js';

export interface TypesResult {
  text: string;
  warnings: string[];
  facts: Record<string, unknown>;
  timings: Timings;
}

export interface TypesRunner {
  run(document: JsonObject, source: string, takenNames: Iterable<string>): Promise<TypesResult>;
  close(): Promise<void>;
}

export function createTypesRunner(useWorker: boolean): TypesRunner {
  return useWorker ? new WorkerRunner() : new InProcessRunner();
}

class InProcessRunner implements TypesRunner {
  async run(document: JsonObject, source: string, takenNames: Iterable<string>): Promise<TypesResult> {
    const [{ generateTypes }, { postprocess }] = await Promise.all([import('../stages/types.js'), import('../stages/postprocess.js')]);
    const t0 = performance.now();
    const raw = await generateTypes(document, source);
    const t1 = performance.now();
    const processed = postprocess(raw, document, new Set(takenNames));
    return { ...processed, timings: { types: t1 - t0, passes: performance.now() - t1 } };
  }
  async close(): Promise<void> {}
}

class WorkerRunner implements TypesRunner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: TypesResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failed: Error | undefined;

  constructor() {
    // Started at once so TypeScript, openapi-typescript and ts-morph load on the
    // second core while this thread loads Redocly and lints.
    this.worker = new Worker(new URL('./entry.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (message: TypesResponse | { ready: true }) => {
      if ('ready' in message) return;
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      if (message.ok) job.resolve(message);
      else job.reject(message.pipelineError ? new PipelineError(message.message, message.details) : new Error(message.message));
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const job of this.pending.values()) job.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`types worker exited with code ${code}`));
    });
  }

  run(document: JsonObject, source: string, takenNames: Iterable<string>): Promise<TypesResult> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const request: TypesRequest = { id, json: JSON.stringify(document), source, takenNames: [...takenNames] };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
