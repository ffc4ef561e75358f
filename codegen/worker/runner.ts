/**
 * The pipeline's side of the schema job (schema-job.ts): on a worker thread,
 * one per run, jobs answered in order; or in this thread when a worker cannot
 * be used (`workers: false`, or the worker fails to start).
 *
 * `start` hands a job over and returns at once; `name` gives it the names the
 * passes must not take, when the wrappers are planned; its result is awaited
 * later. On a worker openapi-typescript starts at once and the passes follow
 * the names, all beside this thread's lint; in this thread the job runs only
 * when the result is asked for, that is after lint passed.
 */
import { Worker } from 'node:worker_threads';
import { PipelineError } from '../lib/errors.js';
import type { SchemaJobMessage, SchemaJobNames, SchemaJobRequest, SchemaJobResponse, SchemaJobResult } from './protocol.js';

export type { SchemaJobRequest, SchemaJobResult };

export interface SchemaJob {
  /** The names the passes must not emit; the job's passes wait for them. */
  name(names: SchemaJobNames): void;
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
    let names: SchemaJobNames = { takenNames: [] };
    return {
      name: (given) => void (names = given),
      result: async () => (await import('./schema-job.js')).runSchemaJob(request, names),
    };
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
    const id = this.nextId++;
    const post = (message: SchemaJobMessage) => this.worker.postMessage(message);
    const result: Promise<SchemaJobResult> = this.failed
      ? Promise.reject(this.failed)
      : new Promise((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          post({ id, request });
        });
    result.catch(() => {}); // awaited through result(), or dropped when lint fails first
    return { name: (names) => !this.failed && post({ id, names }), result: () => result };
  }

  /** Stops the worker (its heap goes with it); later jobs fail. Closing twice is fine. */
  async close(): Promise<void> {
    this.failed ??= new Error('schema worker closed');
    await this.worker.terminate();
  }
}
