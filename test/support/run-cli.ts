import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
/** What `npm run generate` runs. */
const CLI = join(REPO, 'codegen/generate.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the generate CLI as a user does (`npm run generate`): a separate Node process. */
export function runCli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'codegen-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The seed excerpts, as first committed in specs/ (a spec pull never changes this copy). */
export const SEED_SPECS = join(REPO, 'test/fixtures/seed/specs');

/**
 * A temp folder with redocly.yaml, the plugin and, as specs/, the seed
 * excerpts (not specs/ itself: tests that break or edit specs must not depend
 * on what the last `specs:pull` brought), so tests can break them freely.
 */
export function copyProject(): string {
  const dir = tempDir();
  cpSync(SEED_SPECS, join(dir, 'specs'), { recursive: true });
  for (const item of ['redocly.yaml', 'codegen/redocly-plugin']) {
    cpSync(join(REPO, item), join(dir, item), { recursive: true });
  }
  return dir;
}

/** Every file under `dir` with its content: used to prove a folder was not touched. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Runs `main` in this process (fast: the pipeline's modules load once per test file). */
export async function runMain(args: string[], cwd: string): Promise<CliRun> {
  const { main } = await import('../../codegen/cli.js');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

/** A copy of the project with generated/ already produced (generated once per test file, then copied). */
export function projectFactory(): () => Promise<string> {
  let template: string | undefined;
  return async () => {
    if (!template) {
      template = copyProject();
      const r = await runMain([], template);
      if (r.code !== 0) throw new Error(`template generate failed:\n${r.stderr}`);
    }
    const dir = tempDir();
    cpSync(template, dir, { recursive: true });
    return dir;
  };
}
