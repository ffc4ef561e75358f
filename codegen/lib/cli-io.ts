/** Where a CLI's `main` reads and writes: the process by default, strings in tests. */
export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export const processIo: CliIo = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
