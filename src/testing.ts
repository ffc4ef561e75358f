/**
 * Typed fakes of a vendor API for consumers' tests: each api's generated
 * `testing.ts` (`vendor-api-clients/<api>/testing`) gives this module its
 * table of operations, and `create<Vendor>Fake(handlers)` answers the
 * client's requests in-process, with no server and nothing global patched:
 * `fake.fetch` is given to the client as its `fetch` option, or
 * `fake.mswHandlers(http)` to an MSW server.
 *
 * A request is matched to its operation by method and path template (the
 * end of the URL's path, whatever the origin and base path: the longest
 * template, then the most literal one, wins); its path parameters, query,
 * declared headers and body are read back into the wrapper's argument (the
 * values that are not strings by the kinds the table gives, from the spec);
 * the call is recorded (`fake.calls.<wrapper>`), and the operation's handler
 * answers with `{ status, body, headers?, delayMs? }` typed by the spec's
 * responses, a `Response` (a status the spec does not declare), or
 * `dropConnection()`. A request no handler answers throws a FakeError naming
 * the operation and how to add a handler: never a made-up 404.
 *
 * Only the generated testing modules import this module, never the clients:
 * a bundle of a client carries none of it.
 */
import type { BodyKind } from './body.js';
import { ClientError } from './errors.js';
import { redactUrl } from './redaction.js';
import type { BodyOf, Responses } from './operation.js';
import { parseTemplate } from './path-params.js';

/** How a value that is not a string is read back from the URL, a header or a form field. */
export type FakeValueKind = 'number' | 'boolean' | 'object' | 'string[]' | 'number[]' | 'boolean[]' | 'object[]' | 'string';

type Kinds = Readonly<Record<string, FakeValueKind>>;

/** One operation of a generated fake's table. */
export interface FakeRoute {
  /** Upper case: `PATCH`. */
  readonly method: string;
  /** The spec's path template: `/api/v2/applications/{applicationKey}`. */
  readonly path: string;
  /** Parameters and form fields whose values are not strings, by where and name; every header parameter is listed. */
  readonly kinds?: { readonly path?: Kinds; readonly query?: Kinds; readonly header?: Kinds; readonly body?: Kinds };
  /** Form fields whose array is sent joined (`explode: false`, a delimited style), by name: their separator. */
  readonly delimited?: Readonly<Record<string, string>>;
  /** The request's media types and kinds (src/body.ts) when not JSON only, the default first. */
  readonly request?: ReadonlyArray<readonly [type: string, kind: BodyKind]>;
  /** How a 2xx body is sent when not JSON (the wrappers' `parseAs`). */
  readonly response?: 'text' | 'blob' | 'stream';
}

/** What a generated fake module gives createFake. */
export interface FakeApi {
  /** The api's title, for messages. */
  readonly name: string;
  /** The generated factory's name (`createLaunchDarklyFake`), for messages. */
  readonly factory: string;
  readonly routes: Readonly<Record<string, FakeRoute>>;
  /** The spec's examples as default replies, by wrapper: `[status, JSON body]` (codegen/lib/examples.ts). */
  readonly examples?: Readonly<Record<string, readonly [status: number, json?: string]>>;
}

/** Type-only: one operation of a fake, its wrapper's argument type and its `paths` entry. */
export interface FakeOperation<Args, Op> {
  readonly args: Args;
  readonly op: Op;
}

type AnyOperation = FakeOperation<unknown, unknown>;
/** What the generated `<Vendor>FakeOperations` interfaces are: operations by wrapper name. */
export type FakeOperations<Ops> = { readonly [K in keyof Ops]: AnyOperation };

/** A declared status as a number: the literal for `200`, any number for a range (`4XX`) or `default`. */
type StatusOf<S> = S extends number ? S : number;

/** Options of every reply. */
export interface FakeReplyOptions {
  /** Response headers (`Retry-After`, a request id, …); `Content-Type` defaults to the body's. */
  headers?: ReplyHeaders;
  /** Answer after this many milliseconds (a timeout test); the client's timeout or abort cuts it short, as with a server. */
  delayMs?: number;
}

/**
 * A reply in one of the statuses the operation declares, `body` typed by the
 * schema the spec gives that status (optional when it declares no content).
 * Written as two plain object types rather than a conditional type per
 * status: a handler's reply is checked against this for every handler a
 * test writes, and the conditional form cost tsc about twice the instantiations.
 */
export type FakeResponse<Op> =
  | { [S in keyof Responses<Op>]: { status: StatusOf<S>; body: BodyOf<Responses<Op>[S]>; headers?: ReplyHeaders; delayMs?: number } }[keyof Responses<Op>]
  | { status: EmptyStatus<Op>; body?: undefined; headers?: ReplyHeaders; delayMs?: number };

/** The statuses that declare no content (their reply may leave `body` out). */
type EmptyStatus<Op> = { [S in keyof Responses<Op>]: Responses<Op>[S] extends { content: unknown } ? never : StatusOf<S> }[keyof Responses<Op>];

type ReplyHeaders = Readonly<Record<string, string>> | Headers;

/**
 * What a handler answers: a declared reply, any `Response` (a status the
 * spec does not declare, a body that is not what it says: a proxy's HTML
 * page), or `dropConnection()`.
 */
export type FakeReply<Op> = FakeResponse<Op> | Response | FakeDrop;

/**
 * `reply(200, body)`, `reply(404, body, { headers })`: the same reply as
 * `{ status, body }`, but as arguments, so that TypeScript also refuses a
 * property the schema does not have (it does not check that of an object
 * literal a function returns). Declared numeric statuses only.
 */
export type FakeReplyFunction<Op> = <S extends Extract<keyof Responses<Op>, number>>(
  status: S,
  ...rest: undefined extends BodyOf<Responses<Op>[S]>
    ? [body?: BodyOf<Responses<Op>[S]>, options?: FakeReplyOptions]
    : [body: BodyOf<Responses<Op>[S]>, options?: FakeReplyOptions]
) => FakeResponse<Op>;

export interface FakeContext<Op = unknown> {
  /** The request as sent (headers, URL); its body was read into `args`. */
  readonly request: Request;
  /** Aborted when the client gives up (timeout, the caller's signal). */
  readonly signal: AbortSignal;
  /** 1 for the operation's first call on this fake, 2 for the next (a retry is a call too). */
  readonly call: number;
  /** Makes a declared reply from arguments: `reply(200, body)`. */
  readonly reply: FakeReplyFunction<Op>;
}

/** One operation's handler: the wrapper's argument in, a reply out. */
export type FakeHandler<O extends AnyOperation> = (args: O['args'], context: FakeContext<O['op']>) => FakeReply<O['op']> | Promise<FakeReply<O['op']>>;

/** Handlers by wrapper name. */
export type FakeHandlers<Ops extends FakeOperations<Ops>> = { [K in keyof Ops]?: FakeHandler<Ops[K]> };

/** A call as the fake recorded it, in order. */
export type FakeRecord<Ops extends FakeOperations<Ops>> = {
  [K in keyof Ops]: { readonly operation: K; readonly args: Ops[K]['args']; readonly request: Request };
}[keyof Ops];

export interface FakeOptions {
  /**
   * Answer an operation without a handler with the spec's own example of its
   * first success status, where one validates against its schema (default
   * false: such a call is an error).
   */
  examples?: boolean | undefined;
}

/** MSW's `http` (`import { http } from 'msw'`), as far as the fake uses it: msw stays optional. */
export type MswHttp<Handler> = Record<
  'all' | 'head' | 'get' | 'post' | 'put' | 'delete' | 'patch' | 'options',
  (path: RegExp, resolver: (info: { request: Request }) => Promise<Response | undefined>) => Handler
>;

export interface Fake<Ops extends FakeOperations<Ops>> {
  /** The client's `fetch` option: `create…Client({ apiKey: 'test', fetch: fake.fetch })`. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Each operation's calls in order: the wrapper's argument as the fake read it from the request. */
  readonly calls: { readonly [K in keyof Ops]: ReadonlyArray<Ops[K]['args']> };
  /** Every call in order, with its operation and the Request. */
  readonly requests: ReadonlyArray<FakeRecord<Ops>>;
  /** Every FakeError raised (an unhandled call, a handler that threw), also those the code under test caught. */
  readonly errors: readonly FakeError[];
  /** Adds or replaces handlers. */
  use(handlers: FakeHandlers<Ops>): void;
  /** Forgets the recorded calls and errors (the handlers stay). */
  reset(): void;
  /**
   * The same handlers as MSW request handlers, one per operation:
   * `setupServer(...fake.mswHandlers(http))`. A request that no handler
   * answers is left to MSW (`onUnhandledRequest: 'error'` makes it loud) and
   * recorded in `errors`.
   */
  mswHandlers<Handler>(http: MswHttp<Handler>): Handler[];
}

/**
 * A call the fake cannot answer (no operation matches, the operation has no
 * handler, the body cannot be read), or a handler that threw or answered
 * something that is not a reply. Thrown to the client as it is, never retried
 * (src/transport.ts passes a ClientError from `fetch` through).
 */
export class FakeError extends ClientError {
  override name = 'FakeError';
  /**
   * `no-operation`: no operation matches the method and path; `no-handler`: the operation has no handler;
   * `unreadable-request`: the body is not what its Content-Type says; `handler-threw`; `bad-reply`: the handler's answer is not a reply.
   */
  readonly reason: 'no-operation' | 'no-handler' | 'unreadable-request' | 'handler-threw' | 'bad-reply';
  /** The wrapper name, when the request matched an operation. */
  readonly operation: string | undefined;
  /** `METHOD /path/{template}`, when the request matched an operation. */
  readonly route: string | undefined;

  constructor(message: string, options: { reason: FakeError['reason']; operation?: string | undefined; route?: string | undefined; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason;
    this.operation = options.operation;
    this.route = options.route;
  }
}

const DROP = Symbol('vendor-api-clients.dropConnection');

/** A reply that loses the connection (see dropConnection). */
export interface FakeDrop {
  readonly [DROP]: true;
  readonly after: { status: number; body?: unknown; headers?: ReplyHeaders } | undefined;
}

/**
 * The connection is lost: before any response (`dropConnection()`, fetch
 * rejects as on a reset socket), or after the status and headers of `reply`
 * arrived, while its body downloads (`dropConnection({ status: 200, body })`).
 * The client sees an ApiConnectionError and retries as its rules say.
 */
export function dropConnection(reply?: { status: number; body?: unknown; headers?: ReplyHeaders }): FakeDrop {
  return { [DROP]: true, after: reply };
}

function isDrop(value: unknown): value is FakeDrop {
  return typeof value === 'object' && value !== null && (value as Partial<FakeDrop>)[DROP] === true;
}

/** How a dropped socket surfaces from Node's fetch (undici): a TypeError whose cause has the socket's code. */
function socketError(message: string): TypeError {
  return new TypeError(message, { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export function createFake<Ops extends FakeOperations<Ops>>(api: FakeApi, initial: FakeHandlers<Ops> = {}, options: FakeOptions = {}): Fake<Ops> {
  const handlers = new Map<string, (args: unknown, context: FakeContext<never>) => unknown>();
  const calls: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
  const requests: Array<{ operation: string; args: unknown; request: Request }> = [];
  const errors: FakeError[] = [];
  for (const name of Object.keys(api.routes)) calls[name] = [];
  const router = new Router(api.routes);

  const use = (more: FakeHandlers<Ops>) => {
    for (const [name, handler] of Object.entries(more as Record<string, unknown>)) {
      if (!Object.hasOwn(api.routes, name)) throw new TypeError(`${api.name} fake: no operation is named ${JSON.stringify(name)}`);
      if (handler === undefined) handlers.delete(name);
      else if (typeof handler === 'function') handlers.set(name, handler as (args: unknown, context: FakeContext<never>) => unknown);
      else throw new TypeError(`${api.name} fake: the handler of ${name} is not a function`);
    }
  };
  use(initial);

  const fail = (error: FakeError): FakeError => {
    errors.push(error);
    return error;
  };

  const handlerOf = (name: string) => {
    const own = handlers.get(name);
    if (own) return own;
    const example = options.examples ? api.examples?.[name] : undefined;
    if (!example) return undefined;
    const [status, json] = example;
    // A fresh body per call: a test that changes what it received changes nothing else.
    return () => (json === undefined ? { status } : { status, body: JSON.parse(json) as unknown });
  };

  /** The response to `request`; undefined (MSW only) when it is not `only`'s or not handled. */
  async function dispatch(request: Request, only?: string): Promise<Response | undefined> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const found = router.match(method, url.pathname);
    // Under MSW each operation has its own handler: a request that is not this one's is left to the others.
    if (only !== undefined && found?.name !== only) return undefined;
    if (!found) {
      throw fail(
        new FakeError(
          `${api.name} fake: no operation matches ${method} ${redactUrl(url.pathname)}. The fake answers the operations of the spec it was generated from; ` +
            'is the client of another api, or the path built by hand?',
          { reason: 'no-operation' },
        ),
      );
    }
    const { name, route } = found;
    const routeName = `${route.method} ${route.path}`;
    const failed = (reason: FakeError['reason'], what: string, cause?: unknown) =>
      fail(new FakeError(`${api.name} fake: ${what}`, { reason, operation: name, route: routeName, cause }));
    const message = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

    let args: Record<string, unknown>;
    try {
      args = await readArgs(request, url, found);
    } catch (cause) {
      throw failed('unreadable-request', `the request of ${name} (${routeName}) could not be read: ${message(cause)}`, cause);
    }
    const list = calls[name]!;
    list.push(args);
    requests.push({ operation: name, args, request });
    const handler = handlerOf(name);
    if (!handler) {
      const hint = api.examples?.[name]
        ? ", or create the fake with { examples: true } to answer with the spec's example"
        : options.examples
          ? ' (the spec has no example of its response that validates)'
          : '';
      const error = failed('no-handler', `no handler for ${name} (${routeName}). Add one: ${api.factory}({ ${name}: (args) => ({ status, body }) }), or fake.use({ ${name}: … })${hint}`);
      if (only !== undefined) return undefined;
      throw error;
    }
    const signal = request.signal;
    let reply: unknown;
    try {
      reply = await untilAborted(
        Promise.resolve().then(() => handler(args, { request, signal, call: list.length, reply: makeReply as FakeReplyFunction<never> })),
        signal,
      );
    } catch (cause) {
      // The client gave up (its timeout, the caller's signal): fetch rejects with the signal's reason.
      if (signal.aborted && cause === signal.reason) throw cause;
      throw failed('handler-threw', `the handler of ${name} (${routeName}) threw: ${message(cause)}`, cause);
    }
    const problem = replyProblem(reply);
    if (problem !== undefined) {
      throw failed('bad-reply', `the handler of ${name} (${routeName}) answered ${problem}: a reply is { status, body }, a Response or dropConnection()`);
    }
    // Under MSW a resolver cannot reject the client's fetch: a network error is Response.error(), which MSW turns into one.
    if (only !== undefined && isDrop(reply) && reply.after === undefined) return Response.error();
    return toResponse(reply as Reply, route, method, signal);
  }

  return {
    fetch: (input, init) => {
      const request = init === undefined && input instanceof Request ? input : new Request(input, init);
      return dispatch(request) as Promise<Response>;
    },
    calls: calls as unknown as Fake<Ops>['calls'],
    requests: requests as unknown as Fake<Ops>['requests'],
    errors,
    use,
    reset: () => {
      for (const list of Object.values(calls)) list.length = 0;
      requests.length = 0;
      errors.length = 0;
    },
    mswHandlers: <Handler>(http: MswHttp<Handler>) =>
      Object.entries(api.routes).map(([name, route]) => {
        const method = route.method.toLowerCase();
        const register = (Object.hasOwn(http, method) ? http[method as keyof MswHttp<Handler>] : undefined) ?? http.all;
        return register(mswPattern(route.path), ({ request }) => dispatch(request, name));
      }),
  };
}

function makeReply(status: number, body?: unknown, options?: FakeReplyOptions): object {
  return { ...options, status, ...(body === undefined ? {} : { body }) };
}

/** `promise`, or the signal's reason when it aborts first (as fetch rejects). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return untilAborted(
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }),
    signal,
  );
}

type Reply = Response | FakeDrop | ({ status: number; body?: unknown } & FakeReplyOptions);

/** What is wrong with a handler's answer, or undefined when it is a reply. */
function replyProblem(reply: unknown): string | undefined {
  if (reply instanceof Response) return undefined;
  if (isDrop(reply)) return reply.after === undefined ? undefined : replyProblem(reply.after);
  if (typeof reply !== 'object' || reply === null) return reply === null ? 'null' : typeof reply;
  if (Array.isArray(reply)) return 'an array';
  const { status } = reply as { status?: unknown };
  if (typeof status !== 'number') return 'an object without a numeric status';
  // What a Response can carry (fetch's own range).
  if (!Number.isInteger(status) || status < 200 || status > 599) return `status ${status} (a Response's status is 200 to 599)`;
  return undefined;
}

async function toResponse(reply: Reply, route: FakeRoute, method: string, signal: AbortSignal): Promise<Response> {
  if (reply instanceof Response) return reply;
  if (isDrop(reply)) {
    if (!reply.after) throw socketError('fetch failed');
    const whole = await toResponse(reply.after as Reply, route, method, signal);
    const bytes = new Uint8Array(await whole.arrayBuffer());
    // Half the body arrives, then the socket closes: what undici reports as `TypeError: terminated`.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (bytes.length > 1) controller.enqueue(bytes.slice(0, Math.floor(bytes.length / 2)));
        controller.error(socketError('terminated'));
      },
    });
    return new Response(body, { status: whole.status, headers: whole.headers });
  }
  const { status, body, headers: given, delayMs } = reply;
  if (delayMs !== undefined && delayMs > 0) await sleep(delayMs, signal);
  const headers = new Headers(given as Record<string, string> | Headers | undefined);
  let payload: BodyInit | null = null;
  if (body !== undefined && !NULL_BODY_STATUSES.has(status) && method !== 'HEAD') {
    if (route.response !== undefined && status < 300 && (typeof body === 'string' || isBinary(body))) {
      payload = body as BodyInit;
      if (!headers.has('content-type')) {
        headers.set('content-type', typeof body === 'string' ? 'text/plain' : (body instanceof Blob && body.type) || 'application/octet-stream');
      }
    } else {
      payload = JSON.stringify(body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
  }
  return new Response(payload, { status, headers });
}

function isBinary(value: unknown): boolean {
  return value instanceof Blob || value instanceof ArrayBuffer || ArrayBuffer.isView(value) || value instanceof ReadableStream;
}

// --- Matching ---------------------------------------------------------------

interface Compiled {
  name: string;
  route: FakeRoute;
  /** Matches the end of a path: group 1 is the base path before it, the rest the parameters. */
  pattern: RegExp;
  params: string[];
  /** Characters outside parameters: of two templates that match, the more literal wins. */
  literal: number;
}

interface Match {
  name: string;
  route: FakeRoute;
  /** Path parameters, decoded. */
  values: Record<string, string>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template's literal text as it appears in a request's path: what the URL parser percent-encodes, encoded. */
function encodeLiteral(text: string): string {
  return text.replace(/[\u0000-\u0020"#<>?`{}\u007f-\uffff]/gu, (c) => encodeURIComponent(c));
}

function templatePattern(template: string, param: (name: string, style: string) => string): { source: string; params: string[]; literal: number } {
  const { literals, params } = parseTemplate(template);
  let source = escapeRegExp(encodeLiteral(literals[0]!));
  params.forEach(({ name, style }, i) => {
    source += param(name, style) + escapeRegExp(encodeLiteral(literals[i + 1]!));
  });
  return { source, params: params.map((p) => p.name), literal: literals.join('').length };
}

class Router {
  private compiled: Map<string, Compiled[]> | undefined;
  constructor(private readonly routes: Readonly<Record<string, FakeRoute>>) {}

  match(method: string, pathname: string): Match | undefined {
    this.compiled ??= this.compile();
    let best: { compiled: Compiled; prefix: number; groups: string[] } | undefined;
    for (const compiled of this.compiled.get(method) ?? []) {
      const m = compiled.pattern.exec(pathname);
      if (!m) continue;
      const prefix = m[1]!.length;
      if (!best || prefix < best.prefix || (prefix === best.prefix && compiled.literal > best.compiled.literal)) {
        best = { compiled, prefix, groups: m.slice(2) };
      }
    }
    if (!best) return undefined;
    const values: Record<string, string> = Object.create(null) as Record<string, string>;
    best.compiled.params.forEach((name, i) => {
      values[name] = safeDecode(best.groups[i]!);
    });
    return { name: best.compiled.name, route: best.compiled.route, values };
  }

  private compile(): Map<string, Compiled[]> {
    const byMethod = new Map<string, Compiled[]>();
    for (const [name, route] of Object.entries(this.routes)) {
      const { source, params, literal } = templatePattern(route.path, (param, style) =>
        style === 'label' ? '\\.([^/]+?)' : style === 'matrix' ? `;${escapeRegExp(encodeURIComponent(param))}=([^/]*?)` : '([^/]+?)',
      );
      const compiled: Compiled = {
        name,
        route,
        // The base path (any, ending before the template's first `/`), then the template to the end.
        pattern: new RegExp(`^(.*?)${source}$`),
        params,
        literal,
      };
      const list = byMethod.get(route.method.toUpperCase()) ?? [];
      list.push(compiled);
      byMethod.set(route.method.toUpperCase(), list);
    }
    return byMethod;
  }
}

/** For MSW: a RegExp over the request's URL (without its query) that ends like the template; dispatch decides. */
function mswPattern(template: string): RegExp {
  const { source } = templatePattern(template, (_name, style) => (style === 'label' ? '\\.[^/]+' : style === 'matrix' ? ';[^/]*' : '[^/]+'));
  return new RegExp(`${source}$`);
}

// --- Reading the request back into the wrapper's argument --------------------

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function readArgs(request: Request, url: URL, match: Match): Promise<Record<string, unknown>> {
  const { route, values } = match;
  const kinds = route.kinds ?? {};
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) define(args, name, readValue(value, kinds.path?.[name], ','));
  const query: Array<[string, string]> = [];
  url.searchParams.forEach((value, name) => query.push([name, value]));
  if (query.length > 0) args.query = readPairs(query, kinds.query);
  if (kinds.header) {
    const headers: Record<string, unknown> = {};
    for (const [name, kind] of Object.entries(kinds.header)) {
      const value = request.headers.get(name);
      if (value !== null) define(headers, name, readValue(value, kind, ','));
    }
    if (Object.keys(headers).length > 0) args.headers = headers;
  }
  if (request.body !== null) {
    const { contentType, body } = await readBody(request.clone(), route);
    if (contentType !== undefined) args.contentType = contentType;
    if (body !== undefined) args.body = body;
  }
  return args;
}

async function readBody(request: Request, route: FakeRoute): Promise<{ contentType?: string; body: unknown }> {
  const type = request.headers.get('content-type') ?? '';
  const essence = type.split(';')[0]!.trim().toLowerCase();
  const declared = route.request?.find(([t]) => t.split(';')[0]!.trim().toLowerCase() === essence);
  const kind: BodyKind | undefined =
    declared?.[1] ??
    (/^[^/]+\/([^+]+\+)?json$/.test(essence)
      ? 'json'
      : essence === 'application/x-www-form-urlencoded'
        ? 'form'
        : essence === 'multipart/form-data'
          ? 'multipart'
          : essence.startsWith('text/')
            ? 'text'
            : route.request
              ? 'binary'
              : 'json');
  // The argument names the media type when the operation offers a choice (WithBodyChoice).
  const contentType = route.request && route.request.length > 1 && declared ? declared[0] : undefined;
  const fields = route.kinds?.body;
  let body: unknown;
  switch (kind) {
    case 'json': {
      const text = await request.text();
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
      break;
    }
    case 'text':
      body = await request.text();
      break;
    case 'form': {
      const pairs: Array<[string, string]> = [];
      new URLSearchParams(await request.text()).forEach((value, name) => {
        const separator = route.delimited?.[name];
        if (separator === undefined) pairs.push([name, value]);
        else for (const item of value === '' ? [] : value.split(separator)) pairs.push([name, item]);
      });
      body = readPairs(pairs, fields);
      break;
    }
    case 'multipart': {
      const form = await request.formData();
      const pairs: Array<[string, FormDataEntryValue]> = [];
      form.forEach((value, name) => pairs.push([name, value]));
      body = readPairs(pairs, fields);
      break;
    }
    case 'binary':
      body = await request.blob();
      break;
  }
  return contentType === undefined ? { body } : { contentType, body };
}

/**
 * Name/value pairs (a query, a form, multipart fields) as an object: a
 * repeated name is an array, `name[key][0]` (deepObject, as openapi-fetch and
 * src/body.ts write it) nests, and the values of names with a kind are read
 * as that kind.
 */
function readPairs(pairs: Array<[string, string | Blob]>, kinds: Kinds | undefined): Record<string, unknown> {
  const grouped = new Map<string, Array<string | Blob>>();
  for (const [name, value] of pairs) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  const out: Record<string, unknown> = {};
  for (const [name, values] of grouped) {
    const bracket = name.indexOf('[');
    if (bracket > 0 && name.endsWith(']')) {
      nest(out, [name.slice(0, bracket), ...name.slice(bracket + 1, -1).split('][')], values.length === 1 ? values[0] : values);
      continue;
    }
    const kind = kinds?.[name];
    const read = values.map((v) => (typeof v === 'string' ? readValue(v, kind?.replace(/\[\]$/, '') as FakeValueKind | undefined, undefined) : v));
    define(out, name, kind?.endsWith('[]') || read.length > 1 ? read : read[0]);
  }
  return out;
}

/** Sets `target[path[0]][path[1]]…`, an array where the key is an index. */
function nest(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      define(node, key, value);
      return;
    }
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (typeof next !== 'object' || next === null) define(node, key, /^\d+$/.test(path[i + 1]!) ? [] : {});
    node = node[key] as Record<string, unknown>;
  });
}

/** A string read as `kind`; a value that is not one (a number that does not parse) stays the string it was. */
function readValue(text: string, kind: FakeValueKind | undefined, separator: string | undefined): unknown {
  if (kind === undefined || kind === 'string') return text;
  if (kind.endsWith('[]')) {
    const item = kind.slice(0, -2) as FakeValueKind;
    return (separator === undefined ? [text] : text === '' ? [] : text.split(separator).map((s) => s.trim())).map((s) => readValue(s, item, undefined));
  }
  switch (kind) {
    case 'number': {
      const n = Number(text);
      return text.trim() !== '' && Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'object':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** A data property, also for `__proto__` (names come from the request). */
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}
