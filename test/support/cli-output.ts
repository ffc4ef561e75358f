/**
 * The checks every run of the generate CLI must pass, whatever its outcome:
 * stderr holds only error lines, warnings and the summary, without raw
 * control characters or stack traces; a failure is exit 1 with a clean
 * `error: ` line naming the spec.
 */
import type { CliRun } from './run-cli.js';

/** A stack frame line (`    at fn (file:1:2)`) or a Node internal error dump. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
/** Messages of JavaScript runtime errors: an internal crash reported as if it were a user error. */
const INTERNAL = /\b(TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|internal:|Cannot convert|out of memory)\b/;

/** Raw control characters and line separators: a terminal would act on them (ESC sequences) or break lines. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Problems with any run's stderr: every line is an `error: ` line, an
 * `[api] …` warning, the warning summary, or the CLI's own summary
 * (`<api>: N files, …`, `<api>: JSON Patch bodies typed for …`, `removed: …`); no raw control characters (spec text printed as it is could
 * move the cursor, recolour or clear the terminal, or forge lines).
 */
export function stderrProblems(run: CliRun): string[] {
  const problems: string[] = [];
  const lines = run.stderr.replace(/\n$/, '').split('\n').filter((l) => l !== '');
  // The warning summary (codegen/lib/warning-summary.ts): `<api>: N warnings of M rules …`, then `  N <rule>, e.g. …`.
  const stray = lines.filter((l) => !/^(error: |\[[^\]]+\] |[\w.-]+: (\d+ files|unchanged|\d+ warnings? of \d+ rules?|JSON Patch bodies typed for \d+ operations?)|removed: |  \d+ )/.test(l));
  if (stray.length) problems.push(`stderr lines that are neither errors, warnings nor the summary: ${JSON.stringify(stray.slice(0, 3))}`);
  const raw = lines.find((l) => RAW_CONTROL.test(l));
  if (raw) problems.push(`raw control character on stderr: ${JSON.stringify(raw.slice(0, 200))}`);
  if (STACK.test(run.stderr)) problems.push('stack trace on stderr');
  return problems;
}

/**
 * Problems with a failed run: exit code 1, stderr as `stderrProblems` wants
 * it, at least one `error: ` line, the first naming `specFile`, no JavaScript
 * runtime error text. Returns a list of problems (empty when the failure is clean).
 */
export function failureProblems(run: CliRun, specFile: string | RegExp | undefined): string[] {
  const problems: string[] = [];
  if (run.code !== 1) problems.push(`exit code ${run.code}, expected 1`);
  const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
  const first = errorLines[0];
  if (!first) problems.push('no `error: ` line on stderr');
  problems.push(...stderrProblems(run));
  if (first && INTERNAL.test(errorLines.join('\n'))) problems.push(`internal error text: ${first}`);
  const garbled = errorLines.find((l) => /\bundefined\b|\[object Object\]|\bNaN\b/.test(l));
  if (garbled) problems.push(`error text with undefined/[object Object]/NaN: ${garbled}`);
  if (first && specFile !== undefined) {
    const names = typeof specFile === 'string' ? first.includes(specFile) : specFile.test(first);
    if (!names) problems.push(`first error line does not name ${String(specFile)}: ${first}`);
  }
  return problems;
}

/** The first `error: ` line of a run. */
export function firstError(run: CliRun): string {
  return run.stderr.split('\n').find((l) => l.startsWith('error: ')) ?? '';
}
