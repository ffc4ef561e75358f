/**
 * The one error type the pipeline reports to users. Its message is a single
 * line naming the file and, where known, the location: `file:line:col: problem`.
 * The CLI prints `message` only (never a stack trace) and exits non-zero.
 */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
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
