/**
 * Writing generated/ so that a failed or killed run never leaves a half-written
 * file: every file is first written in full to a temporary sibling (and synced),
 * and only when all of them are written are they renamed over their targets
 * (rename is atomic on POSIX file systems). Any failure before the renames
 * removes the temporary files and leaves the tree exactly as it was; a kill
 * during the renames leaves complete old and new files mixed (and possibly
 * temporary files), which `diffTree` reports and the next write repairs.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** Generated files by path relative to the output folder, `/`-separated. */
export type FileTree = Map<string, string>;

const TMP_SUFFIX = /\.gen-[0-9a-f]{12}\.tmp$/;

export interface TreeDiff {
  /** Files whose content differs from what the pipeline produces now. */
  stale: string[];
  /** Files the pipeline produces that are not on disk. */
  missing: string[];
  /** Files in an owned folder that the pipeline does not produce (incl. leftovers of an interrupted run). */
  extra: string[];
}

/** Compares `files` with what is on disk under `outDir`; `owned` are the folders the run owns entirely. */
export function diffTree(outDir: string, files: FileTree, owned: string[]): TreeDiff {
  const diff: TreeDiff = { stale: [], missing: [], extra: [] };
  for (const [rel, content] of files) {
    const abs = join(outDir, rel);
    if (!existsSync(abs)) diff.missing.push(rel);
    else if (readFileSync(abs, 'utf8') !== content) diff.stale.push(rel);
  }
  for (const dir of owned) {
    for (const rel of listFiles(outDir, dir)) if (!files.has(rel)) diff.extra.push(rel);
  }
  diff.extra.sort();
  return diff;
}

export interface WriteResult {
  written: string[];
  removed: string[];
}

export function writeTree(outDir: string, files: FileTree, owned: string[]): WriteResult {
  const diff = diffTree(outDir, files, owned);
  const changed = [...diff.stale, ...diff.missing].sort();
  const staged: Array<[tmp: string, target: string]> = [];
  try {
    for (const rel of changed) {
      const target = join(outDir, rel);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.gen-${tmpId()}.tmp`;
      staged.push([tmp, target]);
      const fd = openSync(tmp, 'wx');
      try {
        writeSync(fd, files.get(rel)!);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw error;
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
  for (const rel of diff.extra) rmSync(join(outDir, rel), { force: true });
  return { written: changed, removed: diff.extra };
}

/**
 * 12 random hex digits for a temporary file's name (TMP_SUFFIX). Not
 * node:crypto: its load is a few milliseconds of every run, a no-op's
 * included, and the file is opened exclusively (`wx`) anyway.
 */
function tmpId(): string {
  return Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0');
}

function listFiles(outDir: string, dir: string): string[] {
  const abs = join(outDir, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).join('/'));
}

export function isTempFile(rel: string): boolean {
  return TMP_SUFFIX.test(rel);
}
