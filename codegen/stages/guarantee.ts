/**
 * After the bundle: what the generator needs to be correct, on the bundled document,
 * whatever lint rules and preprocessors the config switches on. Exit 0 of
 * `generate` means the output compiles; these are the spec shapes that would
 * otherwise break it. Each is normalised (a warning says what changed) or
 * refused (a PipelineError naming the file, the location and the fix):
 *
 * - duplicate operationIds (openapi-typescript keys `operations` by them):
 *   made unique (redocly-plugin/operation-id-unique.js);
 * - path parameters that do not match the path template: dropped, added or
 *   made required (redocly-plugin/path-parameters-match.js);
 * - `$ref`s to anything but a whole component, which openapi-typescript
 *   turns into indexed accesses that do not exist: hoisted into `components`
 *   or copied in place (redocly-plugin/hoist-deep-refs.js);
 * - OpenAPI 3.2 features the client cannot express (the `query` method,
 *   `additionalOperations`, `in: querystring`): refused, naming the feature;
 *   `itemSchema` (a stream of items): generated, the body typed `unknown`,
 *   with a warning.
 *
 * The same normalisers are Redocly preprocessors too (switch them on in
 * redocly.yaml and lint sees the normalised spec). Runs on the bundle because
 * there every `$ref` is local, and mutates it: the bundle is a fresh copy.
 */
import { PipelineError } from '../lib/errors.js';
import { jsString } from '../lib/escape.js';
import { isObject, type JsonObject } from '../lib/openapi.js';
import { hoistDeepRefs } from '../redocly-plugin/hoist-deep-refs.js';
import { makeOperationIdsUnique } from '../redocly-plugin/operation-id-unique.js';
import { matchPathParameters } from '../redocly-plugin/path-parameters-match.js';
import { pointerOf } from '../redocly-plugin/refs.js';

export interface GuaranteeResult {
  /** One line per normalisation (`<file>: warning <id>: …`). */
  warnings: string[];
  /** Whether the document was changed (its JSON text must be made again). */
  changed: boolean;
}

/** A `$ref` that is not exactly `#/components/<section>/<name>` (the cheap test on the bundle's JSON text). */
const DEEP_REF = /"\$ref":"(?!#\/components\/(?:schemas|responses|parameters|requestBodies|headers|pathItems|examples|links|callbacks|securitySchemes)\/[^/"]+")/;

/**
 * Normalises `document` in place or throws. `json` is its JSON text when the
 * caller has it (the deep-ref walk is skipped when the text shows no such ref).
 */
export function guarantee(document: JsonObject, where: string, json?: string): GuaranteeResult {
  refuseUnsupported(document, where);
  const warnings: string[] = [];
  const note = (id: string) => (line: string) => warnings.push(`${where}: warning ${id}: ${line}`);
  makeOperationIdsUnique(document).forEach(note('operation-id-unique'));
  matchPathParameters(document).forEach(note('path-parameters-match'));
  if (json === undefined || DEEP_REF.test(json)) {
    const { changes, errors } = hoistDeepRefs(document);
    if (errors.length > 0) {
      const lines = errors.map((e) => `${where}: error hoist-deep-refs: ${e}`);
      const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
      throw new PipelineError(`${lines[0]}${more}`, lines.slice(1));
    }
    changes.forEach(note('hoist-deep-refs'));
  }
  itemSchemas(document).forEach(note('openapi-3.2'));
  return { warnings, changed: warnings.length > 0 };
}

/** Path items of the document: under `paths`, `webhooks` and `components/pathItems`, with their pointers. */
function pathItems(document: JsonObject): Array<[string, JsonObject]> {
  const out: Array<[string, JsonObject]> = [];
  for (const section of ['paths', 'webhooks'] as const) {
    const items = document[section];
    if (isObject(items)) for (const [key, item] of Object.entries(items)) if (isObject(item)) out.push([pointerOf([section, key]), item]);
  }
  const components = isObject(document.components) && isObject(document.components.pathItems) ? document.components.pathItems : {};
  for (const [key, item] of Object.entries(components)) if (isObject(item)) out.push([pointerOf(['components', 'pathItems', key]), item]);
  return out;
}

/**
 * OpenAPI 3.2 additions the client cannot call: openapi-typescript 7 types
 * only the eight methods of 3.0/3.1 and openapi-fetch 0.17 has no QUERY
 * method, so these would be dropped without a word. Refused instead.
 */
function refuseUnsupported(document: JsonObject, where: string): void {
  const refusals: string[] = [];
  const fix = 'remove it (e.g. with the filter-out decorator in redocly.yaml) to generate the rest';
  for (const [pointer, item] of pathItems(document)) {
    if (isObject(item.query)) refusals.push(`${pointer}/query: OpenAPI 3.2 \`query\` operations (HTTP QUERY) are not supported: openapi-fetch has no QUERY method; ${fix}`);
    if (item.additionalOperations !== undefined) {
      const methods = isObject(item.additionalOperations) ? Object.keys(item.additionalOperations).map((m) => jsString(m)).join(', ') : '';
      refusals.push(`${pointer}/additionalOperations: OpenAPI 3.2 \`additionalOperations\`${methods ? ` (${methods})` : ''} are not supported: openapi-fetch calls only the eight standard methods; ${fix}`);
    }
    const ops = Object.entries(item).filter(([k, v]) => isObject(v) && ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(k));
    const lists: Array<[string, unknown]> = [[`${pointer}/parameters`, item.parameters], ...ops.map(([m, op]): [string, unknown] => [`${pointer}/${m}/parameters`, (op as JsonObject).parameters])];
    for (const [at, list] of lists) {
      if (!Array.isArray(list)) continue;
      list.forEach((p, i) => {
        if (isObject(p) && p.in === 'querystring') {
          refusals.push(`${at}/${i}: OpenAPI 3.2 \`in: querystring\` parameters are not supported: openapi-typescript 7 does not type them; ${fix}`);
        }
      });
    }
  }
  const components = isObject(document.components) && isObject(document.components.parameters) ? document.components.parameters : {};
  for (const [key, p] of Object.entries(components)) {
    if (isObject(p) && p.in === 'querystring') {
      refusals.push(`${pointerOf(['components', 'parameters', key])}: OpenAPI 3.2 \`in: querystring\` parameters are not supported: openapi-typescript 7 does not type them; ${fix}`);
    }
  }
  if (refusals.length > 0) {
    const lines = refusals.map((r) => `${where}: error openapi-3.2: ${r}`);
    const more = lines.length > 1 ? ` (and ${lines.length - 1} more)` : '';
    throw new PipelineError(`${lines[0]}${more}`, lines.slice(1));
  }
}

/** Media types with OpenAPI 3.2's `itemSchema` and no `schema`: openapi-typescript types the body `unknown`. */
function itemSchemas(document: JsonObject): string[] {
  if (!/^3\.2(\.|$)/.test(String(document.openapi))) return [];
  const found: string[] = [];
  const visit = (node: unknown, pointer: string[]): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, [...pointer, String(i)]));
    if (!isObject(node)) return;
    if (pointer.at(-2) === 'content' && node.itemSchema !== undefined && node.schema === undefined) {
      found.push(`${pointerOf(pointer)}: \`itemSchema\` (a stream of items) is not typed: the body is \`unknown\`; read it from \`response.body\``);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'examples') visit(v, [...pointer, k]);
  };
  visit(document.paths, ['paths']);
  visit(document.webhooks, ['webhooks']);
  if (isObject(document.components)) for (const s of ['responses', 'requestBodies', 'mediaTypes']) visit(document.components[s], ['components', s]);
  return found;
}
