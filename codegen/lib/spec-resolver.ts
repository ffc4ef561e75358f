/**
 * The resolver every Redocly call of the pipeline reads spec files through
 * (lint, bundle, preprocessors). A spec is untrusted input (docs/threat-model.md,
 * "Untrusted specs"): its `$ref`s name what gets read, so the rules are enforced here,
 * where Redocly turns a `$ref` into a read, not by scanning spec text.
 *
 * - Local files: only regular files inside the allowed folders (the config's
 *   folder and the api root's folder), by real path, so `..`, absolute paths
 *   and symbolic links cannot leave them. FIFOs, devices, directories and
 *   `/proc` entries are refused; a file is opened without blocking and checked
 *   on its descriptor, so a swap after the check changes nothing.
 * - URLs (`http(s)://`, `file://`, `data:`): refused, unless the api's
 *   `x-codegen.remoteRefs` lists the host; then fetched with a timeout, no
 *   redirects, and the size limit.
 * - Every file counts against `maxInputBytes`; every parsed file is checked
 *   for depth and YAML alias expansion (lib/limits.ts) before Redocly walks it.
 *
 * A refused `$ref` fails like a missing file: Redocly reports it as
 * `no-unresolved-refs` at the `$ref` (file, line, pointer), with our reason.
 * `.json` files are read with JSON.parse when that gives js-yaml's result
 * (lib/json-document.ts).
 */
import { constants, promises as fsp, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { BaseResolver, isAbsoluteUrl, Source, type Document } from '@redocly/openapi-core';
import { PipelineError } from './errors.js';
import { parseJsonDocument } from './json-document.js';
import { checkDocumentShape, type Limits } from './limits.js';

export interface SpecAccess {
  /** Absolute folders local `$ref`s may read from (and below). */
  roots: string[];
  /** Hosts (`host` or `host:port`) remote `$ref`s may be fetched from; none by default. */
  remoteHosts: string[];
  limits: Limits;
  /** How a path is shown to the user. */
  display: (absPath: string) => string;
  /** Milliseconds a remote `$ref` may take (default 30 000). */
  remoteTimeoutMs?: number;
}

/**
 * The allowed folders for an api: the config's folder and its root's, as
 * named and by real path (a `$ref` is checked as written, then by real path).
 */
export function allowedRoots(configDir: string, rootFile: string): string[] {
  const folders = [resolve(configDir), resolve(dirname(rootFile))];
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  return [...new Set([...folders, ...folders.map(real)])];
}

type ResolveConfig = ConstructorParameters<typeof BaseResolver>[0];

/** Sources parsed with JSON.parse (their problems can be located without a YAML AST). */
const jsonSources = new WeakSet<Source>();

export function isJsonSource(source: Source): boolean {
  return jsonSources.has(source);
}

export class SpecResolver extends BaseResolver {
  private bytesRead = 0;

  constructor(
    private readonly access: SpecAccess,
    config?: ResolveConfig,
  ) {
    super(config);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) return this.loadUrl(absoluteRef);
    return this.loadFile(absoluteRef);
  }

  override parseDocument(source: Source, isRoot = false): Document {
    const json = /\.json$/i.test(source.absoluteRef) && typeof source.body === 'string' ? parseJsonDocument(source.body) : undefined;
    if (json !== undefined) jsonSources.add(source);
    // Redocly's YAML parser itself refuses more than 100 nested collections.
    const document = json !== undefined ? { source, parsed: json } : super.parseDocument(source, isRoot);
    // JSON.parse never shares objects; js-yaml gives every alias of an anchor the same object.
    const problem = checkDocumentShape(document.parsed, this.access.limits, json === undefined);
    if (problem) {
      throw this.limitError(source.absoluteRef, `${problem.message} at ${problem.pointer} (limit ${problem.limit}: ${this.access.limits[problem.limit]})`);
    }
    return document;
  }

  private limitError(file: string, what: string): PipelineError {
    return new PipelineError(`${this.show(file)}: ${what}; change it in x-codegen.limits`);
  }

  private show(ref: string): string {
    return isAbsoluteUrl(ref) ? ref : this.access.display(ref);
  }

  private refused(ref: string, rule: string, why: string): PipelineError {
    return new PipelineError(`refused ${this.show(ref)}: ${why} (${rule})`);
  }

  private inRoots(path: string): boolean {
    return this.access.roots.some((root) => {
      const rel = relative(root, path);
      return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
    });
  }

  private count(bytes: number, ref: string): void {
    this.bytesRead += bytes;
    const max = this.access.limits.maxInputBytes;
    if (this.bytesRead > max) {
      throw this.limitError(ref, `the spec's files together exceed ${max} bytes (limit maxInputBytes)`);
    }
  }

  private async loadFile(path: string): Promise<Source> {
    const outside = 'outside the folders a spec may read (the config\'s folder and the root spec\'s folder)';
    if (!this.inRoots(path)) throw this.refused(path, 'ref-outside-roots', outside);
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      // The wording Redocly's own loader gives (formatProblem shortens the path).
      if (e.code === 'ENOENT') throw Object.assign(new Error(`ENOENT: no such file or directory '${path}'`), { code: 'ENOENT' });
      throw new PipelineError(`cannot read ${this.show(path)}: ${e.code ?? e.message}`);
    }
    if (!this.inRoots(real)) throw this.refused(path, 'ref-outside-roots', `a link to ${this.show(real)}, ${outside}`);
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever. Checked on the
    // descriptor, so what is read is what was checked.
    const handle = await fsp.open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        const kind = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device or special file';
        throw this.refused(path, 'ref-not-a-regular-file', `${kind}, not a regular file`);
      }
      const max = this.access.limits.maxInputBytes - this.bytesRead;
      if (stat.size > max) {
        throw this.limitError(path, `${stat.size} bytes, more than the ${this.access.limits.maxInputBytes} bytes a spec may read (limit maxInputBytes)`);
      }
      // Read at most one byte more than allowed: a file that grows meanwhile is caught, never read whole.
      const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length === buffer.length) break;
      }
      this.count(length, path);
      return new Source(path, buffer.toString('utf8', 0, length).replace(/\r\n/g, '\n'));
    } finally {
      await handle.close();
    }
  }

  private async loadUrl(url: string): Promise<Source> {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      // refused below
    }
    const allowed = parsed && /^https?:$/.test(parsed.protocol) && this.access.remoteHosts.some((h) => h === parsed.host || h === parsed.hostname);
    if (!parsed || !allowed) {
      throw this.refused(url, 'ref-remote-not-allowed', 'a remote $ref; allow its host in the api\'s x-codegen.remoteRefs');
    }
    const timeoutMs = this.access.remoteTimeoutMs ?? 30_000;
    const max = this.access.limits.maxInputBytes - this.bytesRead;
    const chunks: Uint8Array[] = [];
    let length = 0;
    let mimeType: string | undefined;
    try {
      // No redirects: a redirect could lead to a host that is not allowed. The timeout covers the body.
      const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      mimeType = response.headers.get('content-type') ?? undefined;
      const reader = response.body?.getReader();
      if (!response.ok) {
        await reader?.cancel().catch(() => {});
        throw new PipelineError(`cannot fetch ${url}: HTTP ${response.status}`);
      }
      for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
        length += next.value.byteLength;
        if (length > max) {
          await reader!.cancel().catch(() => {});
          throw this.limitError(url, `more than the ${this.access.limits.maxInputBytes} bytes a spec may read (limit maxInputBytes)`);
        }
        chunks.push(next.value);
      }
    } catch (error) {
      if (error instanceof PipelineError) throw error;
      const cause = (error as Error).name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : 'request failed (redirects are not followed)';
      throw new PipelineError(`cannot fetch ${url}: ${cause}`);
    }
    this.count(length, url);
    return new Source(url, Buffer.concat(chunks).toString('utf8'), mimeType);
  }
}
