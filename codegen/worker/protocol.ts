/** Messages between the pipeline and its schema worker. */
import type { ApiSymbol } from '../stages/api-report.js';
import type { Timings } from '../lib/timings.js';

export interface SchemaJobRequest {
  /** The bundled document as JSON text. */
  json: string;
  /** The spec file, for error messages. */
  source: string;
  /** Alias names the previous generate gave, as [schema key, name] (readable-aliases keeps them). */
  recordedAliases: Array<[string, string]>;
}

/**
 * Sent after the request, once the wrappers are planned: openapi-typescript
 * does not need it, so the job starts without it and the passes wait for it.
 */
export interface SchemaJobNames {
  /** Names the passes must not emit (what operations.ts and index.ts export). */
  takenNames: string[];
}

export interface SchemaJobResult {
  /** schema.ts without its header. */
  text: string;
  warnings: string[];
  facts: Record<string, unknown>;
  timings: Timings;
  /** schema.ts's part of the API report. */
  reportSymbols: ApiSymbol[];
}

/** What the pipeline posts to the worker: a job, then the names for it. */
export type SchemaJobMessage = { id: number; request: SchemaJobRequest } | { id: number; names: SchemaJobNames };

export type SchemaJobResponse =
  | ({ id: number; ok: true } & SchemaJobResult)
  | { id: number; ok: false; message: string; details: string[]; pipelineError: boolean };
