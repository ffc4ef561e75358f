/**
 * After the bundle (main thread): per-operation openapi-fetch wrappers (`operations.ts`) and the
 * client factory (`index.ts`) for one api.
 *
 * Everything taken from the spec goes through lib/escape: descriptions into
 * doc comments via docComment, paths and names into string literals via
 * jsString, identifiers only from the naming rules (always valid identifiers).
 * The runtime and the operations module are imported as the namespaces
 * `$runtime` / `$operations`: no naming rule produces a `$`, so no wrapper or
 * factory name can shadow them.
 */
import { PipelineError } from '../lib/errors.js';
import { isHttpToken } from '../lib/http.js';
import { docComment, isSafeIdentifier, jsString, pascalCase, type DocTag } from '../lib/escape.js';
import { essence, mediaKind, type MediaKind } from '../lib/media.js';
import { nameOperations, operationKey, type NamedOperation, type RecordedName } from '../lib/naming.js';
import { deref, isObject, operationsOf, type JsonObject } from '../lib/openapi.js';
import { oneLine, SymbolList, truncate, type ApiSymbol } from './api-report.js';
import type { ClientConfig } from '../config.js';
import { emitPatchTypes, planJsonPatch } from './json-patch.js';

export interface WrappersOutput {
  /** Without the file header (it needs the spec hash; the pipeline adds it). */
  operationsTs: string;
  indexTs: string;
  operations: NamedOperation[];
  /** Every name operations.ts and index.ts export. */
  exportedNames: string[];
  /**
   * The API report's listing of operations.ts and index.ts, made from the
   * declarations as they are written (what a parse of the two files gives;
   * the flow and golden tests compare both).
   */
  reportSymbols: ApiSymbol[];
  facts: Record<string, unknown>;
  /** What the run should report (config pointing at nothing, a patch left untyped). */
  warnings: string[];
}

/** Keys of a wrapper's argument other than path parameters. */
const ARG_KEYS = new Set(['query', 'headers', 'body']);

export interface WrappersContext {
  /** Import specifier of the shared runtime (`src/index`) from `<out>/<api>/`. */
  runtime: string;
  /** The spec file, for error messages. */
  where: string;
  /** Wrapper names from the previous generate, by `METHOD /path`: kept (see lib/naming.ts). */
  recordedNames?: ReadonlyMap<string, RecordedName> | undefined;
}

export function generateWrappers(api: string, document: JsonObject, config: ClientConfig, ctx: WrappersContext): WrappersOutput {
  const { runtime, where } = ctx;
  const operations = nameOperations(operationsOf(document), config.operationNames ?? {}, where, config.nameClashes, ctx.recordedNames);
  const clientName = config.clientName ?? pascalCase(api);
  if (!isSafeIdentifier(clientName)) throw new PipelineError(`${where}: x-codegen.clientName ${jsString(clientName)} is not an identifier`);
  const camelClient = clientName.charAt(0).toLowerCase() + clientName.slice(1);

  const typeNames = new Map<string, string>();
  const claim = (name: string, owner: string) => {
    const taken = typeNames.get(name);
    if (taken) throw new PipelineError(`${where}: generated name ${name} is used by both ${taken} and ${owner}`);
    typeNames.set(name, owner);
  };

  const title = isObject(document.info) && typeof document.info.title === 'string' ? document.info.title : api;
  const apiClient = `${clientName}ApiClient`;
  claim(apiClient, 'the client factory');
  const blocks: string[] = [];
  const methods: string[] = [];
  const operationsReport = new SymbolList('operations.ts');
  const apiNameMember = '[$runtime.apiName]';
  operationsReport.add(apiClient, 'interface', `interface ${apiClient} extends $runtime.ApiClient<paths>`, operationsReport.members(apiClient, [apiNameMember]));
  const patches = planJsonPatch(document, operations, config.jsonPatch);
  const patchPlans = new Map(patches.plans.map((p) => [p.op, p]));
  const patchFacts: Array<Record<string, unknown>> = [];
  for (const op of operations) {
    const Name = op.name.charAt(0).toUpperCase() + op.name.slice(1);
    claim(`${Name}Args`, operationKey(op));
    claim(`${Name}Result`, operationKey(op));
    claim(`is${Name}Error`, operationKey(op));
    for (const param of [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)].map((p) => deref(document, p))) {
      if (param?.in === 'header' && !isHttpToken(param.name)) {
        throw new PipelineError(`${where}: ${operationKey(op)}: header parameter name ${jsString(String(param.name))} is not an HTTP header name (an RFC 9110 token)`);
      }
      if (param?.in === 'path' && typeof param.name === 'string' && /[{}]/.test(param.name)) {
        throw new PipelineError(
          `${where}: ${operationKey(op)}: path parameter name ${jsString(param.name)} contains a brace, which a path template cannot express (RFC 6570)`,
        );
      }
    }
    const pathParams = [...op.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
    for (const p of pathParams) {
      if (ARG_KEYS.has(p)) throw new PipelineError(`${where}: ${operationKey(op)}: path parameter "${p}" clashes with the wrapper argument key of that name`);
    }
    const opType = `paths[${jsString(op.path)}][${jsString(op.method)}]`;
    const argsOptional = !hasRequiredInput(document, op, pathParams);
    const statuses = errorStatuses(document, op);
    const opName = `${op.method.toUpperCase()} ${op.path}`;
    const media = operationMedia(document, op);
    if (media.choice && pathParams.includes('contentType')) {
      throw new PipelineError(`${where}: ${operationKey(op)}: path parameter "contentType" clashes with the wrapper argument that chooses the body's media type`);
    }
    const plan = patchPlans.get(op);
    // A JSON Patch body: the pointers into the resource as named types, which the argument's body refers to.
    const patch = plan ? emitPatchTypes(plan, Name) : undefined;
    for (const n of patch?.names ?? []) claim(n, operationKey(op));
    if (patch) patchFacts.push(patch.fact);
    const argsType = media.choice
      ? `$runtime.WithBodyChoice<$runtime.OperationArgs<${opType}>, ${opType}, ${jsString(media.choice)}>`
      : patch
        ? patch.args(`$runtime.OperationArgs<${opType}>`)
        : `$runtime.OperationArgs<${opType}>`;
    const argsDecl = `type ${Name}Args = ${argsType}`;
    const resultDecl = `type ${Name}Result = ${media.data ? `$runtime.WithData<$runtime.OperationResult<${opType}>, ${media.data}>` : `$runtime.OperationResult<${opType}>`}`;
    const guardDecl = `const is${Name}Error: $runtime.OperationErrorGuard<${opType}>`;
    // A binary response is a Blob, or with `{ parseAs: "stream" }` the byte stream: an
    // overload, listed first so that the bound client (which sees the last one) keeps the Blob.
    const streamed = `$runtime.WithData<$runtime.OperationResult<${opType}>, ReadableStream<Uint8Array>>`;
    const args = (optional: 'default' | 'optional' | 'required') =>
      `args${optional === 'optional' ? '?' : ''}: ${Name}Args${optional === 'default' ? ' = {}' : ''}`;
    const argsKind = argsOptional ? 'optional' : 'required';
    const overloads =
      media.data === 'Blob'
        ? [
            `function ${op.name}(client: ${apiClient}, ${args('required')}, options: $runtime.CallOptions & $runtime.AsStream): Promise<${streamed}>`,
            `function ${op.name}(client: ${apiClient}, ${args(argsKind)}, options?: $runtime.CallOptions): Promise<${Name}Result>`,
          ]
        : [];
    const implementation = overloads.length
      ? `function ${op.name}(client: ${apiClient}, ${args(argsOptional ? 'default' : 'required')}, options?: $runtime.CallOptions & Partial<$runtime.AsStream>): Promise<${Name}Result | ${streamed}>`
      : `function ${op.name}(client: ${apiClient}, ${args(argsOptional ? 'default' : 'required')}, options?: $runtime.CallOptions): Promise<${Name}Result>`;
    blocks.push(
      [
        ...(patch?.text ? [patch.text] : []),
        docComment([`The argument of \`${op.name}\`: ${argsSummary(pathParams)}.`]) + `export ${argsDecl};`,
        docComment([`What \`${op.name}\` resolves to: \`{ data }\` on 2xx, else \`{ error }\`, typed by status with \`isStatus(result, …)\`.`]) + `export ${resultDecl};`,
        // The guard, when the operation declares an error status (otherwise it could only ever say no).
        ...(statuses.length
          ? [
              docComment([
                `Whether \`error\` is an \`ApiError\` thrown by \`${op.name}\` with a status its spec declares (${statuses.join(', ')});`,
                'with a status, only that one. Then `error.body` has the declared type.',
              ]) +
                // Annotated, not inferred: tsc's declaration emit would print the inferred type
                // expanded (the whole operation, with comments misplaced inside it: TS7008 in the .d.ts).
                `export ${guardDecl} = $runtime.operationErrorGuard(${jsString(opName)}, [${statuses.map((s) => (typeof s === 'number' ? String(s) : jsString(s))).join(', ')}]);`,
            ]
          : []),
        '',
        overloads.map((o) => `${docComment(docFor(op))}export ${o};\n`).join('') +
          (overloads.length ? '' : docComment(docFor(op))) +
          `export ${implementation} {\n` +
          `  return $runtime.callOperation(client, ${jsString(op.method)}, ${jsString(op.path)}, args, options${media.literal ? `, ${media.literal}` : ''});\n` +
          `}\n`,
      ].join('\n'),
    );
    for (const d of patch?.declarations ?? []) operationsReport.add(d.name, 'type', oneLine(d.signature));
    operationsReport.add(`${Name}Args`, 'type', oneLine(argsDecl));
    operationsReport.add(`${Name}Result`, 'type', oneLine(resultDecl));
    if (statuses.length) operationsReport.add(`is${Name}Error`, 'const', oneLine(guardDecl));
    // A parameter with a default is listed optional; of overloads, only the overloads.
    const listed = overloads.length ? overloads : [`function ${op.name}(client: ${apiClient}, ${args(argsKind)}, options?: $runtime.CallOptions): Promise<${Name}Result>`];
    operationsReport.add(op.name, 'function', listed.map(oneLine).join('; '));
    methods.push(
      docComment(docFor(op), '  ') +
        `  ${op.name}(args${argsOptional ? '?' : ''}: $operations.${Name}Args, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.${Name}Result, Throw>>;\n`,
    );
  }

  const body = blocks.join('\n');
  const operationsTs =
    `import * as $runtime from ${jsString(runtime)};\n` +
    // The patch types refer to the schema types by `components["schemas"][…]`.
    `import type { ${patchFacts.some((f) => f.types) ? 'components, ' : ''}paths } from "./schema.js";\n\n` +
    docComment([`A client of ${jsString(title)} for the free functions (\`create${clientName}ApiClient\`); a client of another api is not one.`]) +
    `export interface ${apiClient} extends $runtime.ApiClient<paths> {\n` +
    `  /** Type-only: the api this client is for (another api's client is refused naming both). */\n` +
    `  readonly ${apiNameMember}?: ${jsString(title)};\n}\n\n` +
    body;

  const servers = serverNames(document, config.servers ?? {}, where);
  const auth: Auth | undefined =
    config.auth === false ? undefined : config.auth ? { name: config.auth.header, prefix: config.auth.prefix } : authFromSpec(document, where);
  const apiKeyEnv = config.apiKeyEnv ?? `${api.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_API_KEY`;
  // SGP_API_KEY → SGP_BASE_URL, SGP_LOG: the variables sit next to the key's.
  const envPrefix = apiKeyEnv.replace(/_?API_KEY$/, '') || api.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  const baseUrlEnv = config.baseUrlEnv ?? `${envPrefix}_BASE_URL`;
  const logEnv = config.logEnv ?? `${envPrefix}_LOG`;
  const names = {
    apiClient,
    descriptor: `${camelClient}Api`,
    servers: `${camelClient}Servers`,
    options: `${clientName}ClientOptions`,
    server: `${clientName}Server`,
    createApi: `create${clientName}ApiClient`,
    create: `create${clientName}Client`,
    client: `${clientName}Client`,
  };
  for (const [key, n] of Object.entries(names)) {
    if (operations.some((op) => op.name === n)) throw new PipelineError(`${where}: operation name ${n} clashes with the client factory's own names`);
    if (key !== 'apiClient') claim(n, 'the client factory');
  }
  // The escape hatch of typed patches, re-exported where there are some.
  const runtimeExports = [...RUNTIME_EXPORTS, ...(patchFacts.some((f) => f.types) ? PATCH_RUNTIME_EXPORTS : [])];
  for (const n of runtimeExports) {
    const bare = n.replace(/^type /, '');
    if (operations.some((op) => op.name === bare)) throw new PipelineError(`${where}: operation name ${bare} clashes with a name the runtime exports`);
    claim(bare, 'the runtime');
  }

  const descriptorLines = [
    `  name: ${jsString(title)},`,
    `  apiKeyEnv: ${jsString(apiKeyEnv)},`,
    `  baseUrlEnv: ${jsString(baseUrlEnv)},`,
    `  logEnv: ${jsString(logEnv)},`,
    `  auth: ${auth ? `{ in: "header", name: ${jsString(auth.name)}${auth.prefix ? `, prefix: ${jsString(auth.prefix)}` : ''} }` : 'undefined'},`,
    `  servers: ${names.servers},`,
    ...(config.requestIdHeaders ? [`  requestIdHeaders: [${config.requestIdHeaders.map(jsString).join(', ')}],`] : []),
    ...(config.idempotencyHeader ? [`  idempotencyHeader: ${jsString(config.idempotencyHeader)},`] : []),
  ];
  const serversInit = servers.length ? `{\n${servers.map(([name, url]) => `  ${jsString(name)}: ${jsString(url)},`).join('\n')}\n} as const` : '{\n\n} as const';
  const serverDecl = `type ${names.server} = keyof typeof ${names.servers}`;
  const descriptorDecl = `const ${names.descriptor}: $runtime.ApiDescriptor<${names.server}>`;
  const optionsDecl = `type ${names.options} = $runtime.ClientOptions<${names.server}>`;
  const clientDecl = `interface ${names.client}<Throw extends boolean = false>`;
  const createOverloads = [
    `function ${names.create}(options: ${names.options} & { throwOnError: true }): ${names.client}<true>`,
    `function ${names.create}(options?: ${names.options} & { throwOnError?: false | undefined }): ${names.client}<false>`,
    `function ${names.create}(options: ${names.options}): ${names.client}<boolean>`,
  ];
  const indexTs =
    `import * as $runtime from ${jsString(runtime)};\n` +
    `import * as $operations from "./operations.js";\n` +
    `import type { paths } from "./schema.js";\n\n` +
    `export * from "./operations.js";\n` +
    `export type * from "./schema.js";\n` +
    `export { ${runtimeExports.join(', ')} } from ${jsString(runtime)};\n\n` +
    docComment([`The servers ${jsString(title)} declares; the first is the default.`]) +
    `export const ${names.servers} = ${serversInit};\n\n` +
    `export ${serverDecl};\n\n` +
    docComment([
      `How ${title} is called: the key ${auth ? `goes in the ${jsString(auth.name)} header` : 'is not needed'}${auth ? `, read from the option \`apiKey\` or the environment variable ${apiKeyEnv}` : ''}.`,
    ]) +
    `export ${descriptorDecl} = {\n${descriptorLines.join('\n')}\n};\n\n` +
    `export ${optionsDecl};\n\n` +
    docComment([
      `A client with every operation bound; \`Throw\` is true when created with \`throwOnError: true\``,
      '(then each method resolves to the success branch), `boolean` when that is only known at run time.',
    ]) +
    `export ${clientDecl} {\n${methods.join('')}` +
    `  /** The client the free functions take; \`client.fetchClient\` is bare openapi-fetch. */\n` +
    `  readonly client: $operations.${apiClient};\n` +
    `  /** A new client with these options changed (headers merged; \`null\` removes one); nothing mutable is shared with this one. */\n` +
    `  withOptions(options: Omit<${names.options}, "throwOnError">): ${names.client}<Throw>;\n}\n\n` +
    docComment([
      `The client the free functions take: \`${operations[0] ? `${operations[0].name}(client, …)` : 'fn(client, …)'}\`.`,
      'Import only the functions you call and a bundler drops the rest.',
    ]) +
    `export function ${names.createApi}(options: ${names.options} = {}): $operations.${apiClient} {\n` +
    `  return $runtime.createApiClient<paths, ${names.server}>(${names.descriptor}, options);\n}\n\n` +
    docComment([
      `A client with every operation bound${operations[0] ? `, e.g. \`client.${operations[0].name}({ … })\`` : ''}.`,
      'Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.',
    ]) +
    createOverloads.map((o) => `export ${o};\n`).join('') +
    `export function ${names.create}(options: ${names.options} = {}): ${names.client}<boolean> {\n` +
    `  return $runtime.bindOperations<typeof $operations, paths, boolean, ${names.server}>(${names.createApi}(options), $operations) as unknown as ${names.client}<boolean>;\n}\n`;

  const indexReport = new SymbolList('index.ts');
  indexReport.add('* from "./operations.js"', 're-export', 'export * from "./operations.js"');
  indexReport.add('* from "./schema.js"', 're-export', 'export type * from "./schema.js"');
  for (const n of runtimeExports) {
    const [name, typeOnly] = n.startsWith('type ') ? [n.slice(5), 'type '] : [n, ''];
    indexReport.add(name, 're-export', `export ${typeOnly}{ ${name} } from ${jsString(runtime)}`);
  }
  // As the printer prints the initializer: `{}` when empty, one line, cut at the report's length.
  const serversLine = servers.length ? `{ ${servers.map(([name, url]) => `${jsString(name)}: ${jsString(url)}`).join(', ')} } as const` : '{} as const';
  indexReport.add(names.servers, 'const', `const ${names.servers} = ${truncate(oneLine(serversLine))}`);
  indexReport.add(names.server, 'type', oneLine(serverDecl));
  indexReport.add(names.descriptor, 'const', oneLine(descriptorDecl));
  indexReport.add(names.options, 'type', oneLine(optionsDecl));
  indexReport.add(names.client, 'interface', oneLine(clientDecl), indexReport.members(names.client, [...operations.map((op) => op.name), 'client', 'withOptions']));
  indexReport.add(names.createApi, 'function', oneLine(`function ${names.createApi}(options?: ${names.options}): $operations.${apiClient}`));
  indexReport.add(names.create, 'function', createOverloads.map(oneLine).join('; '));

  return {
    operationsTs,
    indexTs,
    operations,
    exportedNames: [...operations.map((op) => op.name), ...typeNames.keys()],
    reportSymbols: [...indexReport.symbols(), ...operationsReport.symbols()],
    facts: {
      client: {
        factory: names.create,
        apiKeyEnv,
        baseUrlEnv,
        logEnv,
        auth: auth ?? null,
        servers: Object.fromEntries(servers),
        idempotencyHeader: config.idempotencyHeader ?? null,
      },
      ...(patchFacts.length ? { jsonPatch: patchFacts } : {}),
    },
    warnings: patches.warnings,
  };
}

/** What every api's index.ts re-exports from the runtime: the error classes and the result helpers. */
const RUNTIME_EXPORTS = [
  'ApiError',
  'BadRequestError',
  'AuthenticationError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'UnprocessableEntityError',
  'RateLimitError',
  'InternalServerError',
  'ClientError',
  'ApiConnectionError',
  'ApiTimeoutError',
  'ApiAbortError',
  'ResponseBodyError',
  'InvalidRequestError',
  'MissingApiKeyError',
  'BrowserNotAllowedError',
  'isOk',
  'isStatus',
];

/** What index.ts re-exports from the runtime when the api has typed JSON Patch bodies: the escape hatch for other pointers. */
const PATCH_RUNTIME_EXPORTS = ['uncheckedPointer', 'type UncheckedPointer', 'type UncheckedPatchOperation'];

/** The arguments and result of every wrapper (free function and bound method alike). */
const CALL_TAGS: DocTag[] = [
  { tag: '@param', text: 'args - path parameters by name, and `query`, `headers`, `body` as the spec declares them' },
  { tag: '@param', text: 'options - `signal` to abort the call and its retries; extra `headers`' },
  {
    tag: '@returns',
    text: '`{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`',
  },
];

function argsSummary(pathParams: string[]): string {
  const path = pathParams.length ? `the path parameter${pathParams.length > 1 ? 's' : ''} ${pathParams.map((p) => `\`${p}\``).join(', ')}, ` : '';
  return `${path}\`query\`, \`headers\` and \`body\` as the spec declares them`;
}

/** The error statuses the operation declares: 4xx/5xx codes as numbers, `4XX`/`5XX` ranges as strings. */
function errorStatuses(doc: JsonObject, op: NamedOperation): Array<number | string> {
  const responses = deref(doc, op.operation.responses) ?? {};
  const out: Array<number | string> = [];
  for (const key of Object.keys(responses)) {
    if (/^[45]\d\d$/.test(key)) out.push(Number(key));
    else if (/^[45]XX$/i.test(key)) out.push(key.toUpperCase());
  }
  return out;
}

/**
 * The operation's bodies for src/body.ts, as an object literal (`OperationMedia`),
 * or nothing when the runtime's default fits: a request in `application/json`
 * only, and a JSON (or empty) success response. `choice` is the default media
 * type when the request accepts several (JSON when one of them is).
 * Every string from the spec goes through jsString; kinds, styles and
 * booleans come from fixed sets.
 */
export function operationMedia(doc: JsonObject, op: NamedOperation): OperationMediaInfo {
  const parts: string[] = [];
  let choice: string | undefined;
  let request: OperationMediaInfo['request'];
  const content = deref(doc, op.operation.requestBody)?.content;
  if (isObject(content) && Object.keys(content).length > 0) {
    const types = Object.keys(content).map((type) => ({ type, kind: mediaKind(doc, type, content[type]) }));
    const json = types.findIndex((t) => t.kind === 'json');
    if (json > 0) types.unshift(...types.splice(json, 1));
    if (types.length > 1) choice = types[0]!.type;
    if (types.length > 1 || types[0]!.kind !== 'json' || essence(types[0]!.type) !== 'application/json') {
      const entries = types.map(({ type, kind }) => {
        const encoding = kind === 'form' || kind === 'multipart' ? encodingLiteral(deref(doc, content[type])?.encoding) : '';
        // A request in text/event-stream is just text.
        return `{ type: ${jsString(type)}, kind: ${jsString(kind === 'event-stream' ? 'text' : kind)}${encoding} }`;
      });
      parts.push(`request: [${entries.join(', ')}]`);
      request = types.map(({ type, kind }) => ({ type, kind: kind === 'event-stream' ? 'text' : kind }));
    }
  }
  const success = Object.entries(isObject(op.operation.responses) ? op.operation.responses : {})
    .filter(([status]) => /^2/.test(status))
    .flatMap(([, response]) => {
      const c = deref(doc, response)?.content;
      return isObject(c) ? Object.entries(c).map(([type, media]) => mediaKind(doc, type, media)) : [];
    });
  const parseAs = success.length === 0 || success.includes('json') ? undefined : PARSE_AS[success[0]!];
  if (parseAs) parts.push(`response: ${jsString(parseAs)}`);
  const data = parseAs === 'blob' ? 'Blob' : parseAs === 'stream' ? 'ReadableStream<Uint8Array>' : undefined;
  return { ...(parts.length ? { literal: `{ ${parts.join(', ')} }` } : {}), ...(choice !== undefined ? { choice } : {}), ...(data ? { data } : {}), ...(request ? { request } : {}), ...(parseAs ? { parseAs } : {}) };
}

/** operationMedia's answer; `request` and `parseAs` are what `literal` says, as data (also for stages/testing.ts). */
export interface OperationMediaInfo {
  literal?: string;
  choice?: string;
  data?: string;
  request?: Array<{ type: string; kind: Exclude<MediaKind, 'event-stream'> }>;
  parseAs?: string;
}

/** openapi-fetch's `parseAs` per response kind; JSON is its default. A form or multipart response is read as text. */
const PARSE_AS: Record<MediaKind, string | undefined> = { json: undefined, text: 'text', form: 'text', multipart: 'text', binary: 'blob', 'event-stream': 'stream' };

const STYLES = new Set(['form', 'spaceDelimited', 'pipeDelimited', 'deepObject']);

/** `, encoding: { … }` from a Media Type Object's `encoding`, keeping what changes the bytes. */
function encodingLiteral(encoding: unknown): string {
  if (!isObject(encoding)) return '';
  const props = Object.entries(encoding).flatMap(([name, e]) => {
    if (!isObject(e)) return [];
    const fields = [
      ...(typeof e.contentType === 'string' ? [`contentType: ${jsString(e.contentType)}`] : []),
      ...(typeof e.style === 'string' && STYLES.has(e.style) ? [`style: ${jsString(e.style)}`] : []),
      ...(typeof e.explode === 'boolean' ? [`explode: ${e.explode}`] : []),
    ];
    return fields.length ? [`${jsString(name)}: { ${fields.join(', ')} }`] : [];
  });
  return props.length ? `, encoding: { ${props.join(', ')} }` : '';
}

function docFor(op: NamedOperation): Array<string | DocTag> {
  const summary = typeof op.operation.summary === 'string' ? op.operation.summary.trim() : '';
  const description = typeof op.operation.description === 'string' ? op.operation.description.trim() : '';
  const lines: Array<string | DocTag> = [];
  if (summary) lines.push(summary);
  if (description && description !== summary) lines.push(...(lines.length ? [''] : []), description);
  lines.push(...(lines.length ? [''] : []), `\`${op.method.toUpperCase()} ${op.path}\``, ...CALL_TAGS);
  if (op.operation.deprecated === true) lines.push({ tag: '@deprecated' });
  return lines;
}

/** Whether the wrapper's argument must be given (a path parameter, a required query/header parameter or body). */
function hasRequiredInput(doc: JsonObject, op: NamedOperation, pathParams: string[]): boolean {
  if (pathParams.length > 0) return true;
  const params = [...asArray(op.pathItem.parameters), ...asArray(op.operation.parameters)].map((p) => deref(doc, p));
  if (params.some((p) => p && p.required === true && (p.in === 'query' || p.in === 'header'))) return true;
  const body = deref(doc, op.operation.requestBody);
  return body?.required === true;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function serverNames(doc: JsonObject, names: Record<string, string>, where: string): Array<[string, string]> {
  const servers = asArray(doc.servers)
    .map((s) => (isObject(s) && typeof s.url === 'string' ? s.url : undefined))
    .filter((u): u is string => u !== undefined);
  if (servers.length === 0) return [];
  const out: Array<[string, string]> = servers.map((url, i) => [(Object.hasOwn(names, url) ? names[url] : undefined) ?? (i === 0 ? 'default' : `server${i}`), url]);
  const seen = new Set<string>();
  for (const [name] of out) {
    if (seen.has(name)) throw new PipelineError(`${where}: two servers are named ${jsString(name)} (x-codegen.servers)`);
    seen.add(name);
  }
  return out;
}

/** The credential the operations ask for: an apiKey-in-header or http scheme used by a security requirement. */
interface Auth {
  name: string;
  prefix?: string | undefined;
}

function authFromSpec(doc: JsonObject, where: string): Auth | undefined {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const requirements = [...asArray(doc.security), ...operationsOf(doc).flatMap((op) => asArray(op.operation.security))];
  for (const req of requirements) {
    if (!isObject(req)) continue;
    for (const name of Object.keys(req)) {
      const scheme = deref(doc, schemes[name]);
      if (scheme?.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string') {
        if (!isHttpToken(scheme.name)) {
          throw new PipelineError(
            `${where}: security scheme ${jsString(name)} names header ${jsString(scheme.name)}, which is not an HTTP header name (an RFC 9110 token) (at #/components/securitySchemes/${name.replace(/~/g, '~0').replace(/\//g, '~1')}/name)`,
          );
        }
        return { name: scheme.name };
      }
      if (scheme?.type === 'http' && typeof scheme.scheme === 'string' && scheme.scheme.toLowerCase() === 'bearer') {
        return { name: 'Authorization', prefix: 'Bearer' };
      }
    }
  }
  return undefined;
}
