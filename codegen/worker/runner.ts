/**
 * The pipeline's side of the schema job (schema-job.ts): on a worker thread,
 * one per run, jobs answered in order; or in this thread when a worker cannot
 * be used (`workers: false`, or the worker fails to start).
 *
 * `start` hands a job over and returns at once; its result is awaited later.
 * On a worker the stages run meanwhile, beside this thread's lint; in this
 * thread they run only when the result is asked for, that is after lint passed.
 */
import { Worker } from 'node:worker_threads';
import { PipelineError } from '../lib/errors.js';
import type { SchemaJobRequest, SchemaJobResponse, SchemaJobResult } from './protocol.js';

export type { SchemaJobRequest, SchemaJobResult };

export interface SchemaJob {
  result(): Promise<SchemaJobResult>;
}

export interface SchemaRunner {
  start(request: SchemaJobRequest): SchemaJob;
  close(): Promise<void>;
}

export function createSchemaRunner(useWorker: boolean): SchemaRunner {
  return useWorker ? new WorkerRunner() : new InProcessRunner();
}

class InProcessRunner implements SchemaRunner {
  start(request: SchemaJobRequest): SchemaJob {
    return { result: async () => (await import('./schema-job.js')).runSchemaJob(request) };
  }
  async close(): Promise<void> {}
}

class WorkerRunner implements SchemaRunner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: SchemaJobResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failed: Error | undefined;

  constructor() {
    // Started at once so TypeScript, openapi-typescript and ts-morph load on the
    // second core while this thread loads Redocly and lints.
    // From the TypeScript sources (tsx, tests) the worker boots through tsx; from
    // the prebuilt bundle (codegen/.build, see codegen/generate.mjs) it is plain JS.
    const fromSource = import.meta.url.endsWith('.ts');
    this.worker = new Worker(new URL(fromSource ? './entry.mjs' : './worker/schema-worker.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (message: SchemaJobResponse | { ready: true }) => {
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
      if (this.pending.size > 0) fail(new Error(`schema worker exited with code ${code}`));
    });
  }

  start(request: SchemaJobRequest): SchemaJob {
    const result: Promise<SchemaJobResult> = this.failed
      ? Promise.reject(this.failed)
      : new Promise((resolve, reject) => {
          const id = this.nextId++;
          this.pending.set(id, { resolve, reject });
          this.worker.postMessage({ id, request });
        });
    result.catch(() => {}); // awaited through result(), or dropped when lint fails first
    return { result: () => result };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
