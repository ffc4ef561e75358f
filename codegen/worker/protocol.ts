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
}

export type TypesResponse =
  | { id: number; ok: true; text: string; warnings: string[]; facts: Record<string, unknown>; timings: Timings }
  | { id: number; ok: false; message: string; details: string[]; pipelineError: boolean };
