/** Marks a PipelineError across copies of this module (below). */
const PIPELINE_ERROR = Symbol.for('vendor-api-clients.PipelineError');

/**
 * The one error type the pipeline reports to users. Its message is a single
 * line naming the file and, where known, the location: `file:line:col: problem`.
 * The CLI prints `message` only (never a stack trace) and exits non-zero.
 *
 * `instanceof` holds for one made by another copy of this module: the
 * bundle's CLI is a file of its own (a no-op run loads nothing else, see
 * codegen/generate.mjs) and the pipeline it loads has its own copy.
 */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly [PIPELINE_ERROR] = true;
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PIPELINE_ERROR] === true;
  }
  constructor(
    message: string,
    /** Extra lines (e.g. every lint error after the first). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface SourceLocation {
  file: string;
  line?: number | undefined;
  col?: number | undefined;
}

export function formatLocation(loc: SourceLocation): string {
  return loc.line ? `${loc.file}:${loc.line}:${loc.col ?? 1}` : loc.file;
}
