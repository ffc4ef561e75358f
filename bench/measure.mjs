// Whole-process measurement for bench/run.mjs: wall time and peak RSS of a
// command (its process tree), plus small statistics helpers.
//
// Peak RSS: the command runs under GNU time (`/usr/bin/time -f %M`), which
// reports the child's ru_maxrss from wait4(): the largest resident set of the
// process or any descendant it waited for (for a tree that runs its steps one
// after another, like the spawned-tools baseline, that is the largest step,
// not a sum). Without GNU time, /proc/<pid>/status VmHWM is polled every 10 ms
// for the process and its descendants (may miss a very short-lived child).
// Wall time is measured here, around the spawn, with performance.now(). CPU
// time (user + system of the process and the children it waited for) comes
// from GNU time's %U and %S, when it is there.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
export const rssMethod = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0
  ? 'GNU time %M (ru_maxrss of the process tree)'
  : 'polling /proc/<pid>/status VmHWM of the process tree every 10 ms';
const useGnuTime = rssMethod.startsWith('GNU');
const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

/**
 * Runs `cmd args` to completion. Resolves to { ok, ms, cpuMs, rssKiB, stdout, stderr, code }.
 */
export async function measure(cmd, args, { cwd, env } = {}) {
  const timeFile = join(scratch, 'time.txt');
  const argv = useGnuTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const child = spawn(argv[0], argv[1], { cwd, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const err = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => err.push(d));
  let polledKiB = 0;
  const poll = useGnuTime ? undefined : setInterval(() => (polledKiB = Math.max(polledKiB, treeHwmKiB(child.pid))), 10);
  const code = await new Promise((res) => child.on('close', (c, signal) => res(c ?? signal)));
  const ms = performance.now() - start;
  if (poll) clearInterval(poll);
  let rssKiB = polledKiB || undefined;
  let cpuMs;
  if (useGnuTime) {
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    const [maxrss, user, system] = (lines.at(-1) ?? '').split(' ').map(Number);
    rssKiB = maxrss || undefined;
    cpuMs = Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 1000 : undefined;
  }
  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  return { ok: code === 0, code, ms, cpuMs, rssKiB, stdout, stderr };
}

function treeHwmKiB(pid) {
  let max = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) max = Math.max(max, Number(m[1]));
      for (const t of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/)) if (t) stack.push(Number(t));
    } catch {
      // exited meanwhile
    }
  }
  return max;
}

/** The last meaningful lines of a failed command's output, on one line. */
export function failureMessage(r, max = 2) {
  const lines = `${r.stderr}\n${r.stdout}`
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/[║╔╚═]/.test(l) && !/^at /.test(l) && !/^Node\.js v/.test(l) && !/^Command exited/.test(l));
  const errorLines = lines.filter((l) => /error|fail|cannot|invalid/i.test(l));
  return (errorLines.length ? errorLines.slice(0, max) : lines.slice(-max)).join(' | ').slice(0, 400) || `exit ${r.code}`;
}

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
