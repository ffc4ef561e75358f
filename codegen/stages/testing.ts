/**
 * Stage 4b: the api's typed fake for consumers' tests (`testing.ts`,
 * `vendor-api-clients/<api>/testing`): `create<Vendor>Fake(handlers)` over the
 * runtime's src/testing.ts.
 *
 * Small on purpose: the types are the wrappers' own (`$operations.<Name>Args`
 * and the `paths` entry of each operation, one line each), and the rest is a
 * table of `{ method, path }` plus what the runtime cannot know from the
 * request alone: the kinds of the parameters and form fields that are not
 * strings (to read them back as the types say), the media types of bodies
 * that are not JSON (the wrappers' own, stages/wrappers.ts operationMedia),
 * and the spec's examples that validate (lib/examples.ts), as JSON text.
 * Everything from the spec goes through lib/escape (jsString, docComment).
 */
import { docComment, jsString, pascalCase } from '../lib/escape.js';
import { exampleReply } from '../lib/examples.js';
import type { NamedOperation } from '../lib/naming.js';
import { deref, isObject, type JsonObject } from '../lib/openapi.js';
import { oneLine, SymbolList, type ApiSymbol } from './api-report.js';
import type { ClientConfig } from '../config.js';
import { operationMedia } from './wrappers.js';

export interface TestingOutput {
  /** Without the file header (the pipeline adds it). */
  testingTs: string;
  /** The API report's listing of testing.ts, as written (what a parse of the file gives). */
  reportSymbols: ApiSymbol[];
}

export interface TestingContext {
  /** Import specifier of the runtime's `src/index` from `<out>/<api>/`; the fakes' module sits beside it. */
  runtime: string;
}

/** What the runtime's testing module gives each api's testing.ts to re-export. */
const RUNTIME_VALUES = ['FakeError', 'dropConnection'];
const RUNTIME_TYPES = ['FakeContext', 'FakeOptions', 'FakeReply'];

type Kind = 'number' | 'boolean' | 'object' | 'string' | `${'string' | 'number' | 'boolean' | 'object'}[]`;

export function generateTesting(api: string, document: JsonObject, config: ClientConfig, operations: NamedOperation[], ctx: TestingContext): TestingOutput {
  const clientName = config.clientName ?? pascalCase(api);
  const title = isObject(document.info) && typeof document.info.title === 'string' ? document.info.title : api;
  const runtime = testingRuntime(ctx.runtime);
  const names = {
    operations: `${clientName}FakeOperations`,
    fake: `${clientName}Fake`,
    handlers: `${clientName}FakeHandlers`,
    create: `create${clientName}Fake`,
  };

  const members: string[] = [];
  const routes: string[] = [];
  const examples: string[] = [];
  for (const op of operations) {
    const Name = op.name.charAt(0).toUpperCase() + op.name.slice(1);
    const route = `${op.method.toUpperCase()} ${op.path}`;
    members.push(
      docComment([`\`${route}\``], '  ') +
        `  ${op.name}: $testing.FakeOperation<$operations.${Name}Args, paths[${jsString(op.path)}][${jsString(op.method)}]>;\n`,
    );
    routes.push(`  ${op.name}: ${routeLiteral(document, op)},\n`);
    const example = exampleReply(document, op.operation);
    if (example) examples.push(`  ${op.name}: [${example.status}${example.body === undefined ? '' : `, ${jsString(JSON.stringify(example.body))}`}],\n`);
  }

  const operationsDecl = `interface ${names.operations}`;
  const fakeDecl = `type ${names.fake} = $testing.Fake<${names.operations}>`;
  const handlersDecl = `type ${names.handlers} = $testing.FakeHandlers<${names.operations}>`;
  const createDecl = `function ${names.create}(handlers: ${names.handlers} = {}, options: $testing.FakeOptions = {}): ${names.fake}`;
  const first = operations[0]?.name ?? 'operation';
  const testingTs =
    `import * as $testing from ${jsString(runtime)};\n` +
    `import type * as $operations from "./operations.js";\n` +
    `import type { paths } from "./schema.js";\n\n` +
    `export { ${RUNTIME_VALUES.join(', ')} } from ${jsString(runtime)};\n` +
    `export type { ${RUNTIME_TYPES.join(', ')} } from ${jsString(runtime)};\n\n` +
    docComment([`Each operation of ${jsString(title)} as the fake sees it: the wrapper's argument, and the responses the spec declares.`]) +
    `export ${operationsDecl} {\n${members.join('')}}\n\n` +
    docComment([`A fake of ${jsString(title)}: \`fetch\` for the client, the calls it received (\`calls.<wrapper>\`), \`use\` to add handlers.`]) +
    `export ${fakeDecl};\n\n` +
    docComment(['Handlers by wrapper name: the wrapper\'s argument in, `{ status, body }` typed by the spec\'s response for that status out.']) +
    `export ${handlersDecl};\n\n` +
    `const routes: Readonly<Record<keyof ${names.operations}, $testing.FakeRoute>> = {\n${routes.join('')}};\n\n` +
    // A line comment: the table is not exported, so a doc comment would not reach the .d.ts (test/package checks they all do).
    `// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.\n` +
    `const examples: Readonly<Partial<Record<keyof ${names.operations}, readonly [number, string?]>>> = ${examples.length ? `{\n${examples.join('')}}` : '{}'};\n\n` +
    docComment([
      `A fake of ${jsString(title)} for tests, in-process: pass \`fake.fetch\` as the client's \`fetch\` option`,
      `(\`create${clientName}Client({ apiKey: "test", fetch: fake.fetch })\`), or \`fake.mswHandlers(http)\` to MSW.`,
      `Each handler answers one operation: \`${names.create}({ ${first}: (args) => ({ status: 200, body: … }) })\`;`,
      'a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec\'s example answers where there is one).',
    ]) +
    `export ${createDecl} {\n` +
    `  return $testing.createFake<${names.operations}>({ name: ${jsString(title)}, factory: ${jsString(names.create)}, routes, examples }, handlers, options);\n}\n`;

  const report = new SymbolList('testing.ts');
  for (const n of RUNTIME_VALUES) report.add(n, 're-export', `export { ${n} } from ${jsString(runtime)}`);
  for (const n of RUNTIME_TYPES) report.add(n, 're-export', `export type { ${n} } from ${jsString(runtime)}`);
  report.add(names.operations, 'interface', oneLine(operationsDecl), report.members(names.operations, operations.map((op) => op.name)));
  report.add(names.fake, 'type', oneLine(fakeDecl));
  report.add(names.handlers, 'type', oneLine(handlersDecl));
  report.add(names.create, 'function', oneLine(`function ${names.create}(handlers?: ${names.handlers}, options?: $testing.FakeOptions): ${names.fake}`));
  return { testingTs, reportSymbols: report.symbols() };
}

/** The fakes' runtime module, beside the runtime's index (`../../src/index.js` → `../../src/testing.js`). */
export function testingRuntime(runtime: string): string {
  return /(^|\/)index\.(js|ts)$/.test(runtime) ? runtime.replace(/index\.(js|ts)$/, 'testing.$1') : `${runtime.replace(/\/$/, '')}/testing`;
}

/** `{ method, path, kinds?, delimited?, request?, response? }` for src/testing.ts FakeRoute. */
function routeLiteral(doc: JsonObject, op: NamedOperation): string {
  const parts = [`method: ${jsString(op.method.toUpperCase())}`, `path: ${jsString(op.path)}`];
  const kinds: string[] = [];
  const byPlace: Record<'path' | 'query' | 'header', Array<[string, Kind]>> = { path: [], query: [], header: [] };
  const params = new Map<string, JsonObject>();
  // Operation parameters override the path item's of the same name and place (OpenAPI §4.8.10).
  for (const raw of [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)]) {
    const param = deref(doc, raw);
    if (param && typeof param.name === 'string' && typeof param.in === 'string') params.set(`${param.in} ${param.name}`, param);
  }
  for (const param of params.values()) {
    const place = param.in as string;
    if (place !== 'path' && place !== 'query' && place !== 'header') continue;
    const kind = valueKind(doc, param.schema) ?? 'string';
    // Every header parameter is listed: the fake reads back only the declared headers.
    if (kind !== 'string' || place === 'header') byPlace[place].push([param.name as string, kind]);
  }
  const media = operationMedia(doc, op);
  const form = media.request?.find((m) => m.kind === 'form' || m.kind === 'multipart');
  const formMedia = form ? deref(doc, deref(doc, deref(doc, op.operation.requestBody)?.content)?.[form.type]) : undefined;
  const fields: Array<[string, Kind]> = formMedia ? fieldKinds(doc, formMedia) : [];
  for (const [place, list] of [...Object.entries(byPlace), ['body', fields]] as Array<[string, Array<[string, Kind]>]>) {
    if (list.length) kinds.push(`${place}: { ${list.map(([name, kind]) => `${jsString(name)}: ${jsString(kind)}`).join(', ')} }`);
  }
  if (kinds.length) parts.push(`kinds: { ${kinds.join(', ')} }`);
  const joined = formMedia ? delimiters(formMedia.encoding) : [];
  if (joined.length) parts.push(`delimited: { ${joined.map(([name, separator]) => `${jsString(name)}: ${jsString(separator)}`).join(', ')} }`);
  if (media.request) parts.push(`request: [${media.request.map(({ type, kind }) => `[${jsString(type)}, ${jsString(kind)}]`).join(', ')}]`);
  if (media.parseAs) parts.push(`response: ${jsString(media.parseAs)}`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * Form fields whose array is sent as one value joined by a separator (an
 * Encoding Object with `explode: false`, or a delimited style: how src/body.ts
 * formPairs writes them), by name.
 */
function delimiters(encoding: unknown): Array<[string, string]> {
  if (!isObject(encoding)) return [];
  return Object.entries(encoding).flatMap(([name, e]): Array<[string, string]> => {
    if (!isObject(e)) return [];
    const style = typeof e.style === 'string' ? e.style : 'form';
    const explode = typeof e.explode === 'boolean' ? e.explode : style === 'form';
    const separator = ({ form: ',', spaceDelimited: ' ', pipeDelimited: '|' } as Record<string, string>)[style];
    return !explode && separator !== undefined ? [[name, separator]] : [];
  });
}

/** The kinds of a form or multipart body's properties that are not strings (a file stays the Blob it is). */
function fieldKinds(doc: JsonObject, mediaObject: JsonObject): Array<[string, Kind]> {
  const schema = deref(doc, mediaObject.schema);
  const properties = schema && isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties).flatMap(([name, property]): Array<[string, Kind]> => {
    const kind = valueKind(doc, property);
    return kind && kind !== 'string' ? [[name, kind]] : [];
  });
}

/**
 * How a value of `node` is read back from text: `number`, `boolean`,
 * `object` (JSON, or bracketed names), an array of one of these, else
 * undefined (a string, or a union the text cannot decide).
 */
function valueKind(doc: JsonObject, node: unknown, depth = 0): Kind | undefined {
  const schema = deref(doc, node);
  if (!schema || depth > 8) return undefined;
  const branches = [...asArray(schema.oneOf), ...asArray(schema.anyOf)].filter((b) => deref(doc, b)?.type !== 'null');
  if (branches.length > 0) {
    const kinds = new Set(branches.map((b) => valueKind(doc, b, depth + 1)));
    return kinds.size === 1 ? [...kinds][0] : undefined;
  }
  for (const part of asArray(schema.allOf)) {
    const kind = valueKind(doc, part, depth + 1);
    if (kind) return kind;
  }
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t) => typeof t === 'string' && t !== 'null');
  const type = types.length === 1 ? types[0] : types.length === 0 && isObject(schema.properties) ? 'object' : undefined;
  switch (type) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array': {
      const item = valueKind(doc, schema.items, depth + 1) ?? 'string';
      return item.endsWith('[]') ? undefined : (`${item}[]` as Kind);
    }
    default:
      return undefined;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
