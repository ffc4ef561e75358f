/** Messages between the pipeline and its schema worker. */
import type { ApiSymbol } from '../stages/api-report.js';
import type { Timings } from '../lib/timings.js';

export interface SchemaJobRequest {
  /** The bundled document as JSON text. */
  json: string;
  /** The spec file, for error messages. */
  source: string;
  /** Names the passes must not emit (wrapper names). */
  takenNames: string[];
  /** Alias names the previous generate gave, as [schema key, name] (readable-aliases keeps them). */
  recordedAliases: Array<[string, string]>;
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

export type SchemaJobResponse =
  | ({ id: number; ok: true } & SchemaJobResult)
  | { id: number; ok: false; message: string; details: string[]; pipelineError: boolean };
