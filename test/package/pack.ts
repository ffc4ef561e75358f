/**
 * Packs the package (`npm pack`, whose `prepack` hook runs `npm run build`, from an empty dist/) once
 * per Vitest run, for every test file under test/package/.
 *
 * Vitest runs test files in separate workers and vitest.config.ts is not ours to give a globalSetup,
 * so the result is cached on disk under os.tmpdir(), keyed by this checkout and by the Vitest run
 * (the main Vitest process: the parent of a forked worker, or the process itself for thread workers).
 * A lock directory, also keyed by this checkout, serialises builds: dist/ is shared, so two Vitest
 * runs (or two workers of one run) never build into it at the same time. A lock left by a process
 * that died is taken over.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface PackedPackage {
  /** Absolute path of the .tgz. */
  tarball: string;
  name: string;
  version: string;
  /** Paths inside the tarball, relative to its `package/` folder, sorted. */
  files: string[];
  /** Wall time of build + pack in ms; 0 when this worker reused the tarball another worker of the run made. */
  buildAndPackMs: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never rejects (the caller asserts on `code`). */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  return new Promise(resolvePromise => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? process.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolvePromise({ code, stdout, stderr: error && code === null ? `${stderr}\n${error.message}` : stderr });
      },
    );
  });
}

export function formatRun(result: RunResult): string {
  return `exit ${result.code}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
}

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The environment for npm in another project: without what an outer `npm test` / `npx` sets for this
 * one (`npm_config_local_prefix`, `npm_package_*`, `npm_lifecycle_*`, …); user config such as the
 * registry or cache location is kept.
 */
export function npmEnvOutsideRepo(): NodeJS.ProcessEnv {
  const outer = /^npm_(package_|lifecycle_|command$|config_local_prefix$|config_call$)/i;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !outer.test(name)));
}

const cacheRoot = join(tmpdir(), 'vendor-api-clients-package-test');
const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
const runId = isMainThread ? process.ppid : process.pid;
const resultDir = join(cacheRoot, `${checkout}-run${runId}`);
const lockDir = join(cacheRoot, `${checkout}.lock`);
const LOCK_WAIT_MS = 180_000;
const STALE_RESULT_MS = 6 * 60 * 60 * 1000;

let pending: Promise<PackedPackage> | undefined;

/** Builds and packs once per Vitest run; later calls (from any test file of the run) reuse the tarball. */
export function buildAndPack(): Promise<PackedPackage> {
  return (pending ??= buildAndPackOnce());
}

async function readResult(): Promise<PackedPackage | undefined> {
  try {
    return JSON.parse(await readFile(join(resultDir, 'result.json'), 'utf8')) as PackedPackage;
  } catch {
    return undefined;
  }
}

async function buildAndPackOnce(): Promise<PackedPackage> {
  const cached = await readResult();
  if (cached) return { ...cached, buildAndPackMs: 0 };
  await mkdir(cacheRoot, { recursive: true });
  let builtHere = false;
  await withLock(async () => {
    if (await readResult()) return; // another worker of this run built while we waited
    builtHere = true;
    await removeOldResults();
    const started = performance.now();

    // From an empty dist/, so nothing a previous build left behind (a removed vendor) gets packed.
    // `npm pack` builds it: the package's `prepack` hook runs `npm run build` (so this also tests the hook).
    await rm(join(repoRoot, 'dist'), { recursive: true, force: true });
    const staging = `${resultDir}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const pack = await run(npm, ['pack', '--json', '--pack-destination', staging], { cwd: repoRoot });
    if (pack.code !== 0) throw new Error(`npm pack failed\n${formatRun(pack)}`);
    const [info] = JSON.parse(pack.stdout) as { name: string; version: string; filename: string; files: { path: string }[] }[];
    if (!info) throw new Error(`npm pack printed no package\n${formatRun(pack)}`);

    const result: PackedPackage = {
      tarball: join(resultDir, info.filename),
      name: info.name,
      version: info.version,
      files: info.files.map(f => f.path).sort(),
      buildAndPackMs: Math.round(performance.now() - started),
    };
    await writeFile(join(staging, 'result.json'), JSON.stringify(result, null, 2));
    await rename(staging, resultDir);
  });
  const result = await readResult();
  if (!result) throw new Error(`build+pack finished but ${resultDir}/result.json is missing`);
  return builtHere ? result : { ...result, buildAndPackMs: 0 };
}

async function withLock(fn: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => ''));
    if (owner > 0 && !isAlive(owner)) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`waited ${LOCK_WAIT_MS / 1000} s for ${lockDir} (held by pid ${owner || '?'})`);
    await new Promise(r => setTimeout(r, 200));
  }
  try {
    await writeFile(join(lockDir, 'pid'), String(process.pid));
    await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Tarballs of earlier runs of this checkout: deleted once their Vitest process is gone (or after a few hours). */
async function removeOldResults(): Promise<void> {
  for (const entry of await readdir(cacheRoot).catch(() => [] as string[])) {
    const match = new RegExp(`^${checkout}-run(\\d+)(\\.tmp-\\d+)?$`).exec(entry);
    if (!match || Number(match[1]) === runId) continue;
    const path = join(cacheRoot, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (!isAlive(Number(match[1])) || Date.now() - info.mtimeMs > STALE_RESULT_MS) await rm(path, { recursive: true, force: true });
  }
}
