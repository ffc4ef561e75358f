/**
 * One attempt's request sent, and its redirects followed here, not by fetch
 * (`redirect: 'manual'`), so that on a hop to another origin the credentials
 * are dropped: the api's key header, and every header whose name looks like
 * a credential (isCredentialHeader: Authorization, Cookie, x-api-key,
 * X-Auth-Token, …). Node's fetch drops only Authorization and would send
 * `x-api-key` on (docs/threat-model.md, "Untrusted servers").
 */
import { ApiConnectionError } from './errors.js';
import { isCredentialHeader, redactUrl } from './redaction.js';
import { final } from './retry.js';

/**
 * What the transport calls: `fetch(request)`, or `fetch(request, init)` where
 * `init` has the attempt's own `signal` (a timeout or the caller's), which the
 * function must honour as WHATWG fetch does, and the request's `body` again
 * when it has one (the same bytes as the Request's). Passing both arguments
 * on to a fetch is enough.
 */
export type FetchFunction = (input: Request, init?: { signal?: AbortSignal; body?: string | ArrayBuffer }) => Promise<Response>;

const MAX_REDIRECTS = 20; // as fetch (WHATWG Fetch §4.4)
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** What sending an attempt needs of its call (transport.ts's Call). */
export interface SendingCall {
  readonly method: string;
  /** What every attempt after the first sends (see Call.body). */
  readonly body: string | ArrayBuffer | null | undefined;
  readonly config: {
    /** Read per call, so that tests and polyfills that replace globalThis.fetch later are honoured. */
    readonly options: { readonly fetch?: FetchFunction | undefined };
    readonly credentialHeaders: ReadonlySet<string>;
  };
  /** The redacted URL. */
  url(): string;
}

/**
 * The init given to fetch with an attempt's signal. The signal goes to fetch
 * (`fetch(request, { signal })`), not into the Request: a Request that
 * follows a signal costs undici a listener, a WeakRef and a finalizer, and
 * fetch builds its own Request from ours anyway. The signal is made when
 * fetch reads it: Node builds an AbortSignal lazily, and a fetch that ignores
 * it, such as a stub, never pays for one (docs/architecture.md, "Runtime
 * speed").
 *
 * A request with a body also has it here (`body`, the same string or bytes
 * as the Request's): fetch then builds its Request's body from it, where
 * from a Request alone undici pipes the body stream through a new
 * TransformStream (three more web streams per call against a real server).
 */
class AttemptInit {
  readonly #controller: AbortController;
  declare readonly body?: string | ArrayBuffer;
  constructor(controller: AbortController, body: string | ArrayBuffer | null | undefined) {
    this.#controller = controller;
    if (body !== null && body !== undefined) (this as { body?: string | ArrayBuffer }).body = body;
  }
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}

/** Sends one request and follows its redirects (WHATWG Fetch §4.4), dropping credentials on a hop to another origin. */
export async function sendFollowingRedirects(call: SendingCall, first: Request, controller: AbortController | undefined): Promise<Response> {
  const fetchImpl = call.config.options.fetch ?? globalThis.fetch;
  const { method } = call;
  let current = first;
  let currentBody = call.body;
  for (let hops = 0; ; hops++) {
    const attemptInit = controller ? new AttemptInit(controller, currentBody) : currentBody !== null && currentBody !== undefined ? { body: currentBody } : undefined;
    const response = await (attemptInit ? fetchImpl(current, attemptInit) : fetchImpl(current));
    if (response.type === 'opaqueredirect') {
      // A browser's fetch hides a manual redirect's target: it cannot be followed safely here.
      throw final(new ApiConnectionError(`Redirect not followed (the runtime hides its target): ${method} ${call.url()}`, { method, url: call.url() }));
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return response;
    await response.body?.cancel().catch(() => {});
    if (hops >= MAX_REDIRECTS) throw final(new ApiConnectionError(`Too many redirects (${MAX_REDIRECTS}): ${method} ${call.url()}`, { method, url: call.url() }));
    let target: URL;
    try {
      target = new URL(location, current.url);
    } catch {
      target = new URL('invalid:');
    }
    if ((target.protocol !== 'http:' && target.protocol !== 'https:') || target.username || target.password) {
      throw final(new ApiConnectionError(`Redirect to an unsupported location (${redactUrl(target.href)}): ${method} ${call.url()}`, { method, url: call.url() }));
    }
    const headers = new Headers(current.headers);
    let nextMethod = current.method;
    // 303 turns anything but GET/HEAD into GET; 301/302 turn POST into GET (as browsers and fetch do).
    if ((response.status === 303 && nextMethod !== 'GET' && nextMethod !== 'HEAD') || ((response.status === 301 || response.status === 302) && nextMethod === 'POST')) {
      nextMethod = 'GET';
      currentBody = null;
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
    }
    if (target.origin !== new URL(current.url).origin) {
      const names: string[] = [];
      headers.forEach((_, name) => names.push(name));
      const credentialHeaders = call.config.credentialHeaders;
      for (const name of names) if (credentialHeaders.has(name) || isCredentialHeader(name)) headers.delete(name);
    }
    const init: RequestInit = { method: nextMethod, headers, redirect: 'manual' };
    if (currentBody !== null && currentBody !== undefined) init.body = currentBody;
    current = new Request(target, init);
  }
}
