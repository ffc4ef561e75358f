/** Where a CLI's `main` reads and writes: the process by default, strings in tests. */
export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * The process's streams, each made on its first write: Node builds
 * `process.stdout` and `process.stderr` when they are first read (a pipe's
 * loads node:net), a few milliseconds that a no-op run, which writes one
 * line or none, need not spend on both.
 */
export const processIo: CliIo = {
  cwd: process.cwd(),
  stdout: { write: (text: string) => process.stdout.write(text) },
  stderr: { write: (text: string) => process.stderr.write(text) },
};
