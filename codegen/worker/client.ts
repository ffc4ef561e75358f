/**
 * The pipeline's side of the types stages (run-types.ts): on a worker thread,
 * one per run, jobs answered in order; or in this thread when a worker cannot
 * be used (`workers: false`, or the worker fails to start).
 *
 * `start` hands a job over and returns at once; its result is awaited later.
 * On a worker the stages run meanwhile, beside this thread's lint; in this
 * thread they run only when the result is asked for, that is after lint passed.
 */
import { Worker } from 'node:worker_threads';
import { PipelineError } from '../lib/errors.js';
import type { TypesRequest, TypesResponse, TypesResult } from './protocol.js';

export type { TypesRequest, TypesResult };

export interface TypesJob {
  result(): Promise<TypesResult>;
}

export interface TypesRunner {
  start(request: TypesRequest): TypesJob;
  close(): Promise<void>;
}

export function createTypesRunner(useWorker: boolean): TypesRunner {
  return useWorker ? new WorkerRunner() : new InProcessRunner();
}

class InProcessRunner implements TypesRunner {
  start(request: TypesRequest): TypesJob {
    return { result: async () => (await import('./run-types.js')).runTypes(request) };
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
    // From the TypeScript sources (tsx, tests) the worker boots through tsx; from
    // the prebuilt bundle (codegen/.build, see codegen/generate.mjs) it is plain JS.
    const fromSource = import.meta.url.endsWith('.ts');
    this.worker = new Worker(new URL(fromSource ? './entry.mjs' : './worker/types-worker.mjs', import.meta.url));
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

  start(request: TypesRequest): TypesJob {
    const result: Promise<TypesResult> = this.failed
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
