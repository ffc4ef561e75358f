/**
 * Redocly's part of the run: load the spec, run the preprocessors, bundle,
 * lint. In-process, one resolver for load, preprocessors and lint, so every
 * file of the spec is read and parsed once. The pipeline calls these in
 * order (pipeline.ts):
 *
 *   loadSpec → preprocessSpec → bundleSpec → (types start) → lintSpec
 *
 * Lint sees the spec as written plus the preprocessors; the bundle is made
 * from a copy (decorators and the bundler change what they bundle), and is
 * not made at all when it would be that copy (stages/bundle-check.ts). Any
 * lint error stops the api with `file:line:col: rule: message` lines;
 * warnings are returned for the caller to print.
 */
import { existsSync, statSync } from 'node:fs';
import {
  bundle,
  createConfig,
  detectSpec,
  getLineColLocation,
  lintDocument,
  type Config,
  type Document,
  type NormalizedProblem,
  type Source,
} from '@redocly/openapi-core';
import { PipelineError, formatLocation } from '../lib/errors.js';
import { JsonLocator } from '../lib/json-locate.js';
import type { JsonObject } from '../lib/openapi.js';
import { isJsonSource, SpecResolver, type SpecAccess } from '../lib/spec-resolver.js';
import { oneLine } from '../lib/escape.js';
import { bundleCheck } from './bundle-check.js';
import { hasDecorators, runPreprocessors, withoutPreprocessors } from './preprocess.js';

export interface SpecInput {
  api: string;
  /** Absolute path of the api's root spec file. */
  root: string;
  /** The api's Redocly config (`config.forAlias(api)`). */
  config: Config;
  /** How a path is shown to the user (relative to the working directory). */
  display: (absPath: string) => string;
  /** What the spec may read: folders, remote hosts, limits (lib/spec-resolver.ts). */
  access: Omit<SpecAccess, 'display'>;
}

/** The spec as loaded: Redocly's document and the resolver that read it (lint reuses its cache). */
export interface LoadedSpec {
  input: SpecInput;
  document: Document;
  resolver: SpecResolver;
}

export interface PreprocessedSpec extends LoadedSpec {
  /** The preprocessors' problems (lint reports them first). */
  problems: NormalizedProblem[];
  /** The config with the preprocessors off: they ran once, here. */
  config: Config;
  /** Whether bundling could change the preprocessed document (otherwise a copy is the bundle). */
  needsBundle: boolean;
  /** The preprocessed document as JSON text, when the bundle check made it. */
  json?: string | undefined;
}

export interface BundledSpec {
  /** The bundled OpenAPI document: the pipeline's own copy. */
  document: JsonObject;
  /** `document` as JSON text. */
  json: string;
  /** Every file the spec was read from (root and external refs). */
  files: string[];
}

/** Reads and parses the root spec (refs are read as they are met, confined by `access`). */
export async function loadSpec(input: SpecInput): Promise<LoadedSpec> {
  const { root, display, api } = input;
  if (!existsSync(root) || !statSync(root).isFile()) {
    throw new PipelineError(`${display(root)}: spec file not found (root of api "${api}")`);
  }
  const resolver = newResolver(input);
  let loaded: Document | Error;
  try {
    loaded = await resolver.resolveDocument(null, root, true);
  } catch (error) {
    loaded = error as Error; // a YAML syntax error is thrown, a read error returned
  }
  if (loaded instanceof Error) throw documentError(loaded, root, display);
  checkIsOpenApi3(loaded, display);
  return { input, document: loaded, resolver };
}

/**
 * Runs the config's preprocessors once, in place, for both lint and bundle
 * (stages/preprocess.ts), and on the same walk finds whether bundling could
 * change the result.
 */
export async function preprocessSpec(spec: LoadedSpec, options: { bundleCheck?: boolean } = {}): Promise<PreprocessedSpec> {
  const { document, input, resolver } = spec;
  const config = withoutPreprocessors(input.config);
  const check = options.bundleCheck === false || hasDecorators(config, document) ? undefined : bundleCheck(document.source, document.parsed);
  // A rule or preprocessor that throws on a malformed spec: see lintCrash.
  const problems = await runPreprocessors(document, input.config, resolver, check?.visitor).catch(async (error: unknown) => {
    throw await lintCrash(error, input, document);
  });
  const json = check ? JSON.stringify(document.parsed) : undefined;
  const needsBundle = !check || !json || check.bundleChanges(document.parsed as JsonObject, json);
  return { ...spec, problems, config, needsBundle, json };
}

/**
 * The bundle, as a new document: Redocly's bundle of a copy, or just the copy
 * when the bundle check found nothing to change.
 */
export async function bundleSpec(spec: PreprocessedSpec): Promise<BundledSpec> {
  const { document, input } = spec;
  if (!spec.needsBundle && spec.json !== undefined) {
    return { document: structuredClone(document.parsed) as JsonObject, json: spec.json, files: [input.root] };
  }
  const copy = { source: document.source, parsed: structuredClone(document.parsed) } as Document;
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    // A resolver of its own: bundling changes the documents it resolves.
    result = await bundle({ doc: copy, config: spec.config, externalRefResolver: newResolver(input), dereference: false });
  } catch (error) {
    throw resolveError(error, input.root, input.display);
  }
  const bundleErrors = result.problems.filter((p) => p.severity === 'error');
  if (bundleErrors.length > 0) {
    const lines = bundleErrors.map((p) => formatProblem(p, input.display));
    throw new PipelineError(`${lines[0]} (while bundling)`, lines.slice(1));
  }
  const bundled = result.bundle.parsed as JsonObject;
  return {
    document: bundled,
    json: JSON.stringify(bundled),
    files: [input.root, ...[...result.fileDependencies].filter((f) => f !== input.root)].sort(),
  };
}

/** Lints the preprocessed spec with the api's rules: throws on any error, returns the warnings as lines. */
export async function lintSpec(spec: PreprocessedSpec): Promise<string[]> {
  const { document, input, resolver } = spec;
  const linted = await lintDocument({ document, config: spec.config, externalRefResolver: resolver }).catch(async (error: unknown) => {
    throw await lintCrash(error, input, document);
  });
  const problems = [...spec.problems, ...linted];
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const lines = [...new Set(errors.map((p) => formatProblem(p, input.display)))];
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more lint error${lines.length > 2 ? 's' : ''})` : '';
    throw new PipelineError(`${lines[0]}${more}`, lines.slice(1));
  }
  return problems.filter((p) => p.severity === 'warn').map((p) => formatProblem(p, input.display));
}

/** Sources read with JSON.parse: their problems are located without a YAML AST (lib/json-locate.ts). */
const jsonLocators = new WeakMap<Source, JsonLocator>();

/** A resolver confined to what the spec may read; each Redocly call that reads files gets one. */
function newResolver(input: SpecInput, config: Config = input.config): SpecResolver {
  return new SpecResolver({ ...input.access, display: input.display }, config.resolve);
}

/**
 * Line and column of a problem. Redocly's getLineColLocation parses the file
 * into a YAML AST first (0.3–0.5 s on a 2.4 MB JSON spec, for every run with a
 * warning); for JSON sources the locator gives the same positions (tested on
 * every pointer of the corpus specs), except that after a byte order mark its
 * columns are right where Redocly's are one short.
 */
function lineColOf(where: NormalizedProblem['location'][number]): { line: number; col: number } {
  if (where.pointer !== undefined && isJsonSource(where.source)) {
    let locator = jsonLocators.get(where.source);
    if (!locator) jsonLocators.set(where.source, (locator = new JsonLocator(where.source.body)));
    return locator.locate(where.pointer, !!where.reportOnKey);
  }
  return getLineColLocation(where).start;
}

/**
 * A Redocly rule can throw on a malformed spec (e.g. `allOf: {}`) instead of
 * reporting it. The cause is then nearly always a keyword with the wrong type,
 * which the `struct` rule alone reports with a location: run just that, and
 * report its errors; fall back to naming the file.
 */
async function lintCrash(error: unknown, input: SpecInput, document?: Document): Promise<Error> {
  if (error instanceof PipelineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/circular pointer/i.test(message)) return resolveError(error, input.root, input.display);
  try {
    const structOnly = await createConfig({ rules: { struct: 'error' } });
    const fresh = await newResolver(input, structOnly).resolveDocument(null, input.root, true);
    if (!(fresh instanceof Error)) {
      const problems = await lintDocument({ document: fresh as Document, config: structOnly, externalRefResolver: newResolver(input, structOnly) });
      const lines = [...new Set(problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, input.display)))];
      if (lines.length > 0) {
        const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
        return new PipelineError(`${lines[0]}${more}`, lines.slice(1));
      }
    }
  } catch {
    // fall through
  }
  // struct resolves a `$ref` object where a list belongs and stays silent: find such composition keywords ourselves.
  const misshapen = document ? findNonListComposition(document.parsed) : undefined;
  if (document && misshapen) {
    let where = input.display(input.root);
    try {
      const lc = getLineColLocation({ source: document.source, pointer: misshapen.pointer, reportOnKey: true });
      where = formatLocation({ file: where, line: lc.start.line, col: lc.start.col });
    } catch {
      // no position for this pointer
    }
    return new PipelineError(`${where}: error struct: \`${misshapen.keyword}\` must be a list of schemas (at ${misshapen.pointer})`);
  }
  return new PipelineError(`${input.display(input.root)}: Redocly could not lint this spec (${oneLine(firstLine(message))}); a keyword likely has the wrong type`);
}

/** The first `allOf`/`oneOf`/`anyOf` whose value is not a list, as a JSON pointer (cycle-safe). */
function findNonListComposition(root: unknown): { keyword: string; pointer: string } | undefined {
  const seen = new Set<unknown>();
  const visit = (node: unknown, pointer: string): { keyword: string; pointer: string } | undefined => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return undefined;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if ((key === 'allOf' || key === 'oneOf' || key === 'anyOf') && !Array.isArray(value) && !Array.isArray(node)) {
        return { keyword: key, pointer: child };
      }
      const found = visit(value, child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root, '#');
}

/** Redocly throws (rather than reports) on some $ref shapes, e.g. `Self-referencing circular pointer`. */
function resolveError(error: unknown, root: string, display: (p: string) => string): Error {
  if (error instanceof PipelineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PipelineError(`${display(root)}: cannot resolve the spec's $refs: ${firstLine(message)}`);
}

/** `specs/a.yaml:12:3: error no-unresolved-refs: Can't resolve $ref` */
export function formatProblem(problem: NormalizedProblem, display: (p: string) => string): string {
  const where = problem.location[0];
  const severity = problem.severity === 'warn' ? 'warning' : problem.severity;
  const message = problem.message
    .replace(/\s*\n\s*/g, ' ')
    // js-yaml's own ` in "/abs/path" (line:col)`: the location is already in front.
    .replace(/ in "[^"]*" \(\d+:\d+\)/g, '')
    .replace(/^Failed to parse: /, 'YAML syntax error: ')
    // Node's `ENOENT: no such file or directory '/abs/path'`: the path as the user names files.
    .replace(/ENOENT: no such file or directory '([^']+)'/g, (_, path: string) => `no such file '${display(path)}'`);
  if (!where) return oneLine(`${severity} ${problem.ruleId}: ${message}`);
  let line: number | undefined;
  let col: number | undefined;
  try {
    ({ line, col } = lineColOf(where));
  } catch {
    // Location without a source position (e.g. generated by a decorator).
  }
  const file = display(where.source.absoluteRef);
  const pointer = where.pointer ? ` (at ${where.pointer})` : '';
  // Messages and pointers quote spec keys: no raw line breaks or control characters reach the terminal.
  return oneLine(`${formatLocation({ file, line, col })}: ${severity} ${problem.ruleId}: ${message}${refSuffix(problem, line)}${pointer}`);
}

/** Redocly says only "Can't resolve $ref": name the reference that failed. */
function refSuffix(problem: NormalizedProblem, line: number | undefined): string {
  if (problem.ruleId !== 'no-unresolved-refs' || !line) return '';
  const text = problem.location[0]?.source.body.split('\n')[line - 1] ?? '';
  const ref = /\$ref:\s*['"]?([^'"\s]+)/.exec(text)?.[1];
  return ref ? ` ${JSON.stringify(ref)}` : '';
}

function documentError(error: Error, root: string, display: (p: string) => string): PipelineError {
  // A limit or a refusal (lib/spec-resolver.ts): already one line naming the file.
  if (error instanceof PipelineError) return error;
  const e = error as Error & { mark?: { line: number; column: number }; source?: { absoluteRef?: string }; originalError?: Error };
  const file = display(e.source?.absoluteRef ?? root);
  const inner = e.originalError ?? e;
  const mark = (inner as { mark?: { line: number; column: number } }).mark ?? e.mark;
  if (mark) {
    const reason = ((inner as { reason?: string }).reason ?? firstLine(inner.message)).replace(/\s+in ".*$/, '');
    return new PipelineError(`${file}:${mark.line + 1}:${mark.column + 1}: YAML syntax error: ${reason}`);
  }
  if ((inner as NodeJS.ErrnoException).code === 'ENOENT') return new PipelineError(`${file}: file not found`);
  return new PipelineError(`${file}: cannot read spec: ${firstLine(inner.message)}`);
}

function checkIsOpenApi3(document: Document, display: (p: string) => string): void {
  const file = display(document.source.absoluteRef);
  const parsed = document.parsed as unknown;
  if (parsed === null || parsed === undefined || parsed === '') throw new PipelineError(`${file}: the file is empty`);
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PipelineError(`${file}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const version = (parsed as { openapi?: unknown; swagger?: unknown }).openapi;
  if ((parsed as { swagger?: unknown }).swagger !== undefined) {
    throw new PipelineError(`${file}: Swagger 2.0 is not supported; convert it to OpenAPI 3.x first (e.g. swagger2openapi)`);
  }
  if (typeof version !== 'string' || !/^3\.[012]\./.test(version)) {
    throw new PipelineError(
      `${file}: not an OpenAPI 3.0/3.1/3.2 document (${version === undefined ? 'no "openapi" field' : `openapi: ${JSON.stringify(version)}`})`,
    );
  }
  try {
    detectSpec(parsed);
  } catch (error) {
    throw new PipelineError(`${file}: ${firstLine((error as Error).message)}`);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
