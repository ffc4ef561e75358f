/**
 * `npm run specs:pull`: fetch each vendor's current spec from the URL set in
 * redocly.yaml (`apis.<api>.x-codegen.sourceUrl`), check it, and replace the
 * api's `root` file atomically when (and only when) its bytes changed.
 *
 * Everything but argv and exit codes lives here (cli.ts is the thin shell).
 *
 * Decisions:
 * - The fetched bytes are written verbatim: no reformatting, so the file's
 *   sha256 is the sha256 of what the vendor publishes.
 * - A JSON body is written as-is even when the root is `.yaml`/`.yml`: JSON is
 *   YAML 1.2, and Redocly parses every root (whatever its extension) with the
 *   same YAML parser, which the check below runs too. A note says so; renaming
 *   the root to `.json` is a human decision in redocly.yaml.
 * - A YAML body is refused for a `.json` root (the file would lie about its
 *   format to editors and other tools).
 * - All or nothing: every requested api is fetched and checked first; files
 *   are replaced only when every one succeeded, so a failed run changes nothing.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, resolve } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { parse as parseYamlConfig } from 'yaml';
import { firstLine } from '../lib/escape.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

/** A failure the user should see as one line (no stack trace). */
export class PullError extends Error {
  override readonly name = 'PullError';
}

export interface PullSource {
  api: string;
  /** Absolute path of the api's root spec. */
  root: string;
  /** Where the vendor publishes the spec, if configured. */
  sourceUrl: string | undefined;
}

/**
 * The apis of a Redocly config with their root and `x-codegen.sourceUrl`.
 * Parsed with `yaml` (only `apis.<api>.root` and `x-codegen.sourceUrl` are read).
 */
export function readPullSources(configPath: string, display: (abs: string) => string): PullSource[] {
  const abs = resolve(configPath);
  if (!existsSync(abs)) throw new PullError(`${display(abs)}: config file not found`);
  let config: unknown;
  try {
    config = parseYamlConfig(readFileSync(abs, 'utf8'));
  } catch (error) {
    throw new PullError(`${display(abs)}: invalid config: ${firstLine((error as Error).message)}`);
  }
  const apis = isRecord(config) ? config.apis : undefined;
  if (!isRecord(apis) || Object.keys(apis).length === 0) throw new PullError(`${display(abs)}: no apis defined`);
  return Object.entries(apis).map(([api, entry]) => {
    if (!isRecord(entry) || typeof entry.root !== 'string') throw new PullError(`${display(abs)}: api "${api}" has no "root" spec path`);
    const codegen = entry['x-codegen'];
    const url = isRecord(codegen) ? codegen.sourceUrl : undefined;
    if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\//.test(url))) {
      throw new PullError(`${display(abs)}: apis.${api}.x-codegen.sourceUrl must be an http(s) URL`);
    }
    return { api, root: resolve(dirname(abs), entry.root), sourceUrl: url };
  });
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | undefined;
}

export interface FetchOptions {
  timeoutMs: number;
}

/** GET `url`; throws PullError for a non-2xx status, a timeout, or a network error. */
export async function fetchSpec(url: string, options: FetchOptions): Promise<Fetched> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: { accept: 'application/yaml, application/x-yaml, text/yaml, application/json;q=0.9, */*;q=0.1' },
      redirect: 'follow',
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new PullError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, contentType: response.headers.get('content-type') ?? undefined };
  } catch (error) {
    throw new PullError(describeFetchError(error, options.timeoutMs));
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof PullError) return error.message;
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const cause = e?.cause;
  if (cause) return `request failed: ${cause.code ?? firstLine(cause.message ?? String(cause))}`;
  return `request failed: ${firstLine(e?.message ?? String(error))}`;
}

export interface CheckedSpec {
  format: 'json' | 'yaml';
  /** The `openapi` version the document declares (3.0.x or 3.1.x). */
  openapi: string;
}

/**
 * Checks that `bytes` are a spec the pipeline can read: UTF-8 text, not HTML,
 * parsed by Redocly's own YAML parser (which reads JSON too), an OpenAPI
 * 3.0/3.1/3.2 document, and a format that fits the root's extension.
 * Throws PullError with the reason.
 */
export function checkSpec(bytes: Uint8Array, contentType: string | undefined, rootPath: string): CheckedSpec {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new PullError('the body is not UTF-8 text');
  }
  const head = text.trimStart();
  if (head === '') throw new PullError('the body is empty');
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  // No YAML or JSON spec starts with `<`: an HTML error or login page (or XML).
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml' || head.startsWith('<')) {
    throw new PullError(`got HTML${mediaType ? ` (${mediaType})` : ''}, not a YAML or JSON spec`);
  }
  let format: CheckedSpec['format'] = 'yaml';
  const looksJson = /^[[{]/.test(head);
  if (looksJson) {
    try {
      JSON.parse(text);
      format = 'json';
    } catch {
      // not JSON: a YAML flow collection, or broken; the YAML parser decides below
    }
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    const e = error as Error & { reason?: string; mark?: { line: number; column: number } };
    const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
    throw new PullError(`invalid ${looksJson ? 'JSON' : 'YAML'}${where}: ${e.reason ?? firstLine(e.message)}`);
  }
  if (!isRecord(doc)) throw new PullError(`not an OpenAPI document (the body is ${describeValue(doc)}, not a mapping)`);
  if (doc.swagger !== undefined) throw new PullError(`not OpenAPI 3.x: Swagger ${String(doc.swagger)} is not supported`);
  const version = doc.openapi;
  if (version === undefined) throw new PullError('not an OpenAPI document (no "openapi" field)');
  if (typeof version !== 'string' || !/^3\.[012]\.\d+$/.test(version)) {
    throw new PullError(`not OpenAPI 3.0/3.1/3.2 (openapi: ${JSON.stringify(version)})`);
  }
  if (format === 'yaml' && extname(rootPath).toLowerCase() === '.json') {
    throw new PullError('the source is YAML but the root is a .json file (point the root at a .yaml file)');
  }
  return { format, openapi: version };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Writes `bytes` to a temporary sibling of `target` (synced) and returns its path. */
function stage(target: string, bytes: Uint8Array): string {
  const tmp = `${target}.pull-${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return tmp;
}

/**
 * Replaces every target with its bytes: all are written to temporary siblings
 * first, then renamed over their targets (atomic on POSIX file systems). A
 * failure while writing removes the temporary files and leaves every target as
 * it was.
 */
export function replaceFilesAtomic(entries: Array<[target: string, bytes: Uint8Array]>): void {
  const staged: Array<[tmp: string, target: string]> = [];
  try {
    for (const [target, bytes] of entries) staged.push([stage(target, bytes), target]);
  } catch (error) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw error;
  }
  for (const [tmp, target] of staged) renameSync(tmp, target);
}

export interface PullOutcome {
  api: string;
  url: string;
  root: string;
  /** sha256 of the root before the pull (undefined: there was no file). */
  oldSha256: string | undefined;
  newSha256: string;
  changed: boolean;
  format: CheckedSpec['format'];
  openapi: string;
  bytes: Uint8Array;
}

export interface PullFailure {
  api: string;
  url: string | undefined;
  reason: string;
}

export interface PullPlan {
  outcomes: PullOutcome[];
  failures: PullFailure[];
}

/** Fetches and checks every source (in parallel); writes nothing. */
export async function planPull(sources: PullSource[], options: FetchOptions): Promise<PullPlan> {
  const results = await Promise.all(
    sources.map(async (source): Promise<PullOutcome | PullFailure> => {
      const { api, root, sourceUrl: url } = source;
      if (!url) return { api, url, reason: `no sourceUrl (set apis.${api}.x-codegen.sourceUrl in the config)` };
      try {
        const fetched = await fetchSpec(url, options);
        const checked = checkSpec(fetched.bytes, fetched.contentType, root);
        const oldSha256 = existsSync(root) ? sha256Bytes(readFileSync(root)) : undefined;
        const newSha256 = sha256Bytes(fetched.bytes);
        return { api, url, root, oldSha256, newSha256, changed: oldSha256 !== newSha256, ...checked, bytes: fetched.bytes };
      } catch (error) {
        if (error instanceof PullError) return { api, url, reason: error.message };
        throw error;
      }
    }),
  );
  const plan: PullPlan = { outcomes: [], failures: [] };
  for (const r of results) {
    if ('reason' in r) plan.failures.push(r);
    else plan.outcomes.push(r);
  }
  return plan;
}

/** Replaces the root of every changed outcome; returns the ones written. */
export function applyPull(outcomes: PullOutcome[]): PullOutcome[] {
  const changed = outcomes.filter((o) => o.changed);
  replaceFilesAtomic(changed.map((o) => [o.root, o.bytes]));
  return changed;
}

/** The lines a run prints for one api. */
export function describeOutcome(o: PullOutcome, display: (abs: string) => string): string[] {
  const file = display(o.root);
  const lines = o.changed
    ? [`${o.api}: updated ${file} from ${o.url}`, `  old sha256 ${o.oldSha256 ?? '(no file)'}`, `  new sha256 ${o.newSha256}`]
    : [`${o.api}: unchanged ${file} (sha256 ${o.newSha256})`];
  const ext = extname(o.root).toLowerCase();
  if (o.changed && o.format === 'json' && ext !== '.json') {
    lines.push(`  note: the source is JSON; written verbatim to ${file} (JSON is YAML 1.2, and Redocly reads it as such)`);
  }
  return lines;
}

export function describeFailure(f: PullFailure): string {
  return `${f.api}: ${f.url ? `${f.url}: ` : ''}${f.reason}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

