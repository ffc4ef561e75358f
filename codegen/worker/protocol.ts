/** Messages between the pipeline and its types worker. */
import type { Timings } from '../lib/timings.js';

export interface TypesRequest {
  id: number;
  /** The bundled document as JSON text. */
  json: string;
  /** The spec file, for error messages. */
  source: string;
  /** Names the passes must not emit (wrapper names). */
  takenNames: string[];
  /** Alias names the previous generate gave, as [schema key, name] (readable-aliases keeps them). */
  recordedAliases: Array<[string, string]>;
  /** The other generated sources (`operations.ts`, `index.ts`), for the API report. */
  sources: Record<string, string>;
  /** Title of the API report. */
  title: string;
}

export type TypesResponse =
  | {
      id: number;
      ok: true;
      text: string;
      warnings: string[];
      facts: Record<string, unknown>;
      timings: Timings;
      /** The public API report of schema.ts + `sources`. */
      apiReport: string;
    }
  | { id: number; ok: false; message: string; details: string[]; pipelineError: boolean };
