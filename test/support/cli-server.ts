/**
 * A generate CLI that stays up between runs, in a child process, so a run that
 * hangs (even in a synchronous loop) can be detected and killed without taking
 * the test runner with it, and a crash outside the CLI's own error handling
 * (an uncaught exception, an unhandled rejection) is seen as such.
 *
 * Child side: this file, started with `node --import <tsx loader> cli-server.ts`;
 * it answers `{ id, args, cwd }` messages with `{ id, code, stdout, stderr }`.
 * Parent side: `CliServer`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Request {
  id: number;
  args: string[];
  cwd: string;
}

export type ServerResult =
  | { kind: 'done'; code: number; stdout: string; stderr: string; ms: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'crash'; message: string; ms: number };

type Reply = { id: number; code: number; stdout: string; stderr: string } | { id: number; crash: string };

const isChild = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href && typeof process.send === 'function';

if (isChild) {
  const { main } = await import('../../codegen/cli.js');
  let current: number | undefined;
  const crash = (what: string) => (error: unknown) => {
    const e = error as Error;
    process.send!({ id: current ?? -1, crash: `${what}: ${e?.stack ?? String(error)}` } satisfies Reply);
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));
  process.on('message', async (request: Request) => {
    current = request.id;
    let stdout = '';
    let stderr = '';
    try {
      const code = await main(request.args, {
        cwd: request.cwd,
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      process.send!({ id: request.id, code, stdout, stderr } satisfies Reply);
    } catch (error) {
      crash('main() rejected')(error);
    }
  });
  process.send!({ id: 0, code: 0, stdout: 'ready', stderr: '' } satisfies Reply);
}

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const SELF = fileURLToPath(import.meta.url);

/** Parent side: one child at a time; restarted after a timeout or a crash. */
export class CliServer {
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private nextId = 1;
  private waiting = new Map<number, (reply: Reply) => void>();
  /** Child restarts (after timeouts and crashes). */
  restarts = 0;

  constructor(private readonly env: NodeJS.ProcessEnv = {}) {}

  private start(): Promise<void> {
    const child = fork(SELF, [], {
      execArgv: ['--import', TSX_LOADER],
      env: { ...process.env, CODEGEN_NO_WORKER: '1', NO_COLOR: '1', ...this.env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr!.resume(); // the CLI writes to its io object; anything here is noise from tools
    this.ready = new Promise((resolve, reject) => {
      child.once('error', reject);
      child.on('message', (reply: Reply) => {
        if (reply.id === 0) return resolve();
        const waiter = this.waiting.get(reply.id) ?? (reply.id === -1 ? [...this.waiting.values()][0] : undefined);
        waiter?.(reply);
      });
      child.once('exit', (code, signal) => {
        for (const [id, waiter] of this.waiting) waiter({ id, crash: `cli-server exited (code ${code}, signal ${signal})` });
        if (this.child === child) this.child = undefined;
        reject(new Error(`cli-server exited before it was ready (code ${code}, signal ${signal})`));
      });
    });
    return this.ready;
  }

  async run(args: string[], cwd: string, timeoutMs: number): Promise<ServerResult> {
    if (!this.child) await this.start();
    else await this.ready;
    const id = this.nextId++;
    const started = performance.now();
    const child = this.child!;
    return new Promise<ServerResult>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        this.kill(child);
        resolve({ kind: 'timeout', ms: performance.now() - started });
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        const ms = performance.now() - started;
        if ('crash' in reply) {
          this.kill(child);
          resolve({ kind: 'crash', message: reply.crash, ms });
        } else resolve({ kind: 'done', code: reply.code, stdout: reply.stdout, stderr: reply.stderr, ms });
      });
      child.send({ id, args, cwd } satisfies Request);
    });
  }

  private kill(child: ChildProcess): void {
    if (this.child === child) {
      this.child = undefined;
      this.restarts++;
    }
    child.kill('SIGKILL');
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
