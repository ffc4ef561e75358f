/**
 * The schema job, first step (worker/schema-job.ts): openapi-typescript → schema source text.
 *
 * We call openapi-typescript's transform directly on the bundled document
 * instead of `openapiTS()`, which would lint and bundle the document again
 * with its own Redocly 1.x (work this pipeline already did with the configured
 * rules) and load that second Redocly. The context below mirrors `openapiTS()`'s
 * defaults; test/codegen/types-stage.test.ts asserts identical output.
 *
 * The transform mutates the object it is given (it rewrites discriminator
 * properties in place), so it gets a deep copy unless the caller says the
 * document is its own (`copy: false`): the bundled document, which we also
 * serialise and hand to mock servers, stays intact.
 */
import type { GlobalContext, OpenAPI3 } from 'openapi-typescript';
import type ts from 'typescript';
import transformSchema from 'openapi-typescript/dist/transform/index.mjs';
import { resolveRef, scanDiscriminators } from 'openapi-typescript/dist/lib/utils.mjs';
import { PipelineError } from '../lib/errors.js';
import { firstLine } from '../lib/escape.js';
import { printStatements } from '../lib/ts-print.js';

export async function generateTypes(
  document: Record<string, unknown>,
  source: string,
  options: {
    copy?: boolean;
    messages?: string[];
    /**
     * The document's text as `JSON.stringify` wrote it, when the caller has it:
     * cheap tests on it skip walks that would find nothing (see skippedWalks).
     */
    json?: string;
    /** Given openapi-typescript's top-level nodes before they are printed (stages/outline.ts reads them). */
    inspect?: (statements: readonly ts.Node[]) => void;
  } = {},
): Promise<string> {
  // openapi-typescript prints some warnings straight to the console (even when
  // silent): collect them so the CLI reports them as warnings of this api.
  const restore = captureConsole(options.messages);
  try {
    const schema = (options.copy === false ? document : structuredClone(document)) as unknown as OpenAPI3;
    const skip = skippedWalks(options.json);
    if (!skip.neutralise) neutraliseDocText(schema);
    const ctx: GlobalContext = {
      additionalProperties: false,
      alphabetize: false,
      arrayLength: false,
      defaultNonNullable: true,
      discriminators: skip.discriminators ? { objects: {}, refsHandled: [] } : scanDiscriminators(discriminatorScope(schema as unknown as Record<string, unknown>) as unknown as OpenAPI3, {}),
      emptyObjectsUnknown: false,
      enum: false,
      enumValues: false,
      conditionalEnums: false,
      dedupeEnums: false,
      excludeDeprecated: false,
      exportType: false,
      immutable: false,
      rootTypes: false,
      rootTypesNoSchemaPrefix: false,
      rootTypesKeepCasing: false,
      injectFooter: [],
      pathParamsAsTypes: false,
      postTransform: undefined,
      propertiesRequiredByDefault: false,
      redoc: undefined as unknown as GlobalContext['redoc'], // only openapiTS()'s own lint/bundle uses it
      silent: true,
      inject: undefined,
      transform: undefined,
      transformProperty: undefined,
      makePathsEnum: false,
      generatePathParams: false,
      readWriteMarkers: false,
      resolve($ref: string) {
        return resolveRef(schema, $ref, { silent: true });
      },
    } as unknown as GlobalContext;
    const statements = transformSchema(schema, ctx);
    options.inspect?.(statements);
    return printStatements(statements);
  } catch (error) {
    const message = firstLine((error as Error).message);
    throw new PipelineError(`${source}: openapi-typescript failed: ${message}`);
  } finally {
    restore();
  }
}

/**
 * Whole-document walks that `json` (the document's `JSON.stringify` text)
 * shows would change nothing. JSON.stringify writes a key or a string without
 * escapes unless it holds a quote, a backslash, a control character or a lone
 * surrogate, so a plain substring test is exact:
 * - `neutralise`: no string contains `@` (neutraliseDocText, below).
 * - `discriminators`: no object has a `discriminator` key, and every string
 *   `$ref` starts with `#`. openapi-typescript's scanDiscriminators (two walks
 *   copying the path at every node: 66 ms on LaunchDarkly's full spec, which
 *   has no discriminator) then returns nothing and changes nothing. The `$ref`
 *   test covers its one lookup that does not need a discriminator: an `allOf`
 *   `$ref` looked up in a plain object, where `constructor` would be found.
 */
export function skippedWalks(json: string | undefined): { neutralise: boolean; discriminators: boolean } {
  if (json === undefined) return { neutralise: false, discriminators: false };
  return {
    neutralise: !json.includes('@'),
    discriminators: !json.includes('"discriminator"') && !/"\$ref":"(?!#)/.test(json),
  };
}

/**
 * What openapi-typescript's scanDiscriminators has to walk to give its whole
 * result: the document, with each top-level part but `components` that holds
 * no object with a `discriminator` or an `allOf` key given as `{}` (it acts
 * only at such objects; `paths` is most of a spec: 69 % of full Scale GP's
 * nodes). It also resolves each discriminator's mapping and `oneOf` refs in
 * what it walks: when one does not point into `components`, the whole
 * document. The parts kept are the document's own objects, in order, so its
 * changes land where they would.
 */
export function discriminatorScope(document: Record<string, unknown>): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  const refs: string[] = [];
  for (const key of Object.keys(document)) {
    const value = document[key];
    const acted = value !== null && typeof value === 'object' && findDiscriminators(value, refs, 0);
    scope[key] = key !== 'components' && value !== null && typeof value === 'object' && !acted ? {} : value;
  }
  return refs.every((ref) => ref.startsWith('#/components/')) ? scope : document;
}

/**
 * Whether some object in `node` has a `discriminator` or an `allOf` key; the
 * mapping values and `oneOf`/`anyOf` `$ref`s of each one with a
 * `discriminator` go to `refs`. Deeper than a document goes (or a cycle): yes.
 */
function findDiscriminators(node: object, refs: string[], depth: number): boolean {
  if (depth > 200) return true;
  let found = false;
  if (!Array.isArray(node)) {
    const record = node as Record<string, unknown>;
    if (Object.hasOwn(record, 'allOf')) found = true;
    if (Object.hasOwn(record, 'discriminator')) {
      found = true;
      const mapping = (record.discriminator as Record<string, unknown> | null)?.mapping;
      if (mapping !== null && typeof mapping === 'object') for (const ref of Object.values(mapping)) refs.push(String(ref));
      for (const items of [record.oneOf, record.anyOf]) {
        if (Array.isArray(items)) for (const item of items) if (item !== null && typeof item === 'object' && '$ref' in item) refs.push(String(item.$ref));
      }
    }
  }
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (value !== null && typeof value === 'object' && findDiscriminators(value, refs, depth + 1)) found = true;
  }
  return found;
}

function captureConsole(into: string[] | undefined): () => void {
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  const seen = new Set<string>();
  const capture = (...args: unknown[]) => {
    // eslint-disable-next-line no-control-regex
    const line = args.map(String).join(' ').replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*⚠\s*/, '').trim();
    if (line && !seen.has(line)) {
      seen.add(line);
      into?.push(`openapi-typescript: ${line}`);
    }
  };
  console.log = console.warn = console.error = console.info = capture;
  return () => Object.assign(console, saved);
}

/**
 * openapi-typescript copies `title`/`description`/`summary` into JSDoc as they
 * are (escaping only `*\/`): an `@` at a line start or after whitespace would
 * become a tag (`@deprecated`, `@type {…}`). On our private copy of the
 * document it gets a backslash (`\@deprecated`), which JSDoc reads as text.
 */
function neutraliseDocText(node: unknown, depth = 0): void {
  if (depth > 200 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) neutraliseDocText(item, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') {
      if (DOC_KEYS.has(key)) record[key] = escapeAt(value);
    } else if (key === 'examples' && Array.isArray(value)) {
      record[key] = value.map((v) => (typeof v === 'string' ? escapeAt(v) : v));
      neutraliseDocText(value, depth + 1);
    } else neutraliseDocText(value, depth + 1);
  }
}

/** Keys whose string values openapi-typescript writes only into comments (`@default`, `@example`, …), never into types. */
const DOC_KEYS = new Set(['description', 'title', 'summary', 'default', 'example', 'format']);
const escapeAt = (text: string) => text.replace(/(^|\s)@/g, '$1\\@');
