/**
 * Lint: the api's configured rules on the preprocessed spec (the
 * preprocessors ran once, stages/preprocess.ts, and lint gets the config
 * without them). Any error stops the api with `file:line:col: rule: message`
 * lines, reported before any other stage's error; warnings are returned for
 * the caller to print.
 */
import {
  createConfig,
  detectSpec,
  getLineColLocation,
  getMajorSpecVersion,
  getTypes,
  lintDocument,
  normalizeTypes,
  normalizeVisitors,
  walkDocument,
  type Config,
  type Document,
  type NormalizedProblem,
  type ResolvedRefMap,
  type Source,
} from '@redocly/openapi-core';
import { PipelineError, formatLocation } from '../lib/errors.js';
import { firstLine, oneLine } from '../lib/escape.js';
import { JsonLocator } from '../lib/json-locate.js';
import { isJsonSource } from '../lib/spec-resolver.js';
import { resolvePointer } from '../lib/openapi.js';
import { newResolver, resolveError, type SpecInput } from './load.js';
import type { PreprocessedSpec } from './preprocess.js';

/** Lints the preprocessed spec with the api's rules: throws on any error, returns the warnings as lines. */
export async function lintSpec(spec: PreprocessedSpec): Promise<string[]> {
  const { document, input, resolver, resolvedRefs, json } = spec;
  // Asked here, after the schema job has started, rather than in preprocess (its critical path).
  const lint = resolvedRefs && json !== undefined && refsStillHold(resolvedRefs, document, json)
    ? Promise.resolve().then(() => walkRules(document, spec.config, resolvedRefs))
    : lintDocument({ document, config: spec.config, externalRefResolver: resolver });
  const linted = await lint.catch(async (error: unknown) => {
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

/**
 * Whether the refs resolved before the preprocessors ran are what resolving
 * the preprocessed document would give. Asked only where the bundle check
 * found every `$ref` local, resolved and unchanged by the preprocessors (no
 * bundle needed); then each must still lead to the very node at its pointer
 * (a preprocessor may put a new node in place of another), and so must each
 * hop of a chain of sibling-keyed refs, and every `$ref` string of the
 * document (its JSON text) must have been resolved. Any doubt: no (lint
 * resolves again).
 */
export function refsStillHold(refs: ResolvedRefMap, document: Document, json: string): boolean {
  const at = (pointer: string, node: unknown) => /^#\/./.test(pointer) && resolvePointer(document.parsed, pointer) === node;
  for (const ref of refs.values()) {
    if (!ref.resolved || ref.isRemote || ref.document !== document || !at(ref.nodePointer, ref.node)) return false;
    // A chain: the sibling-keyed refs it went through (OpenAPI 3.1), each also a node at a pointer.
    if (ref.chain && !ref.chain.every((hop) => hop.document === document && at(hop.location.pointer, hop.node))) return false;
  }
  const prefix = `${document.source.absoluteRef}::`;
  for (const [, ref] of json.matchAll(/"\$ref":"((?:[^"\\]|\\.)*)"/g)) {
    if (ref!.includes('\\') || !refs.has(prefix + ref)) return false;
  }
  return true;
}

/**
 * Redocly's lintDocument for a config without preprocessors, walking with
 * refs already resolved (by the preprocessors' walk, when refsStillHold)
 * instead of resolving the document again: the same rules, types and walk.
 */
function walkRules(document: Document, config: Config, resolvedRefMap: ResolvedRefMap): NormalizedProblem[] {
  const specVersion = detectSpec(document.parsed);
  return walkVisitors(document, config, specVersion, specTypes(config, specVersion), ruleVisitors(config, specVersion, 'rules'), resolvedRefMap);
}

type SpecVersion = ReturnType<typeof detectSpec>;
type VisitorConfig = Parameters<typeof normalizeVisitors>[0][number];

/** One walk of `document` with `visitors`, as Redocly's lintDocument makes it; their problems, as lint reports them. */
export function walkVisitors(
  document: Document,
  config: Config,
  specVersion: SpecVersion,
  types: ReturnType<typeof specTypes>,
  visitors: VisitorConfig[],
  resolvedRefMap: ResolvedRefMap,
): NormalizedProblem[] {
  const ctx = { problems: [] as NormalizedProblem[], specVersion, config, visitorsData: {} };
  walkDocument({ document, rootType: types.Root!, normalizedVisitors: normalizeVisitors(visitors, types), resolvedRefMap, ctx: ctx as never });
  return ctx.problems.map((problem) => config.addProblemToIgnore(problem));
}

/** The node types Redocly walks a spec of this version with (lintDocument's, the config's types added). */
export function specTypes(config: Config, specVersion: SpecVersion) {
  return normalizeTypes(config.extendTypes(getTypes(specVersion), specVersion), config);
}

/** The visitors of the config's enabled rules or preprocessors, as Redocly's initRules makes them. */
export function ruleVisitors(config: Config, specVersion: SpecVersion, kind: 'rules' | 'preprocessors'): VisitorConfig[] {
  const visitors: VisitorConfig[] = [];
  for (const ruleset of config.getRulesForSpecVersion(getMajorSpecVersion(specVersion))) {
    for (const [ruleId, rule] of Object.entries(ruleset as Record<string, (settings: unknown) => unknown>)) {
      const settings = kind === 'rules' ? config.getRuleSettings(ruleId, specVersion) : config.getPreprocessorSettings(ruleId, specVersion);
      if (settings.severity === 'off') continue;
      const made = rule(settings);
      for (const visitor of Array.isArray(made) ? made : [made]) {
        visitors.push({ severity: settings.severity, ruleId, message: settings.message, visitor } as VisitorConfig);
      }
    }
  }
  return visitors;
}

/** Sources read with JSON.parse: their problems are located without a YAML AST (lib/json-locate.ts). */
const jsonLocators = new WeakMap<Source, JsonLocator>();

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
export async function lintCrash(error: unknown, input: SpecInput, document?: Document): Promise<Error> {
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
