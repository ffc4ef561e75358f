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
  apiReport: string;
}

export interface TypesJob {
  document: JsonObject;
  /** `document` as JSON text, when the caller has it already. */
  json?: string | undefined;
  /** The spec file, for error messages. */
  source: string;
  /** Names the passes must not emit. */
  takenNames: Iterable<string>;
  /** Alias names the previous generate gave, by schema key. */
  recordedAliases?: ReadonlyMap<string, string> | undefined;
  /** The other generated sources, for the API report. */
  sources: Record<string, string>;
  title: string;
}

export interface TypesRunner {
  /** Whether run() works beside this thread (a worker) or in it. */
  readonly parallel: boolean;
  run(job: TypesJob): Promise<TypesResult>;
  close(): Promise<void>;
}

export function createTypesRunner(useWorker: boolean): TypesRunner {
  return useWorker ? new WorkerRunner() : new InProcessRunner();
}

class InProcessRunner implements TypesRunner {
  readonly parallel = false;
  async run(job: TypesJob): Promise<TypesResult> {
    const [{ generateTypes }, { postprocess }, { apiReport }] = await Promise.all([
      import('../stages/types.js'),
      import('../stages/postprocess.js'),
      import('../api-diff/api-report.js'),
    ]);
    const t0 = performance.now();
    const messages: string[] = [];
    const raw = await generateTypes(job.document, job.source, { messages });
    const t1 = performance.now();
    const { reportParts, ...processed } = postprocess(raw, job.document, new Set(job.takenNames), job.recordedAliases);
    processed.warnings.unshift(...messages);
    const t2 = performance.now();
    const report = apiReport(new Map([['schema.ts', reportParts ?? processed.text], ...Object.entries(job.sources)]), { title: job.title });
    return { ...processed, apiReport: report, timings: { types: t1 - t0, passes: t2 - t1, 'api-report': performance.now() - t2 } };
  }
  async close(): Promise<void> {}
}

class WorkerRunner implements TypesRunner {
  readonly parallel = true;
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

  run(job: TypesJob): Promise<TypesResult> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const request: TypesRequest = {
      id,
      json: job.json ?? JSON.stringify(job.document),
      source: job.source,
      takenNames: [...job.takenNames],
      recordedAliases: [...(job.recordedAliases ?? [])],
      sources: job.sources,
      title: job.title,
    };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
