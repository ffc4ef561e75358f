/**
 * A scripted local server for the runtime tests: a test queues the replies
 * the next requests get and reads back what the server received.
 *
 * Requests to `server.scenario(label, replies).url` (a path of their own,
 * `/<label>-<n>`, and anything below it) take their replies from that
 * scenario and are recorded there; any other request takes `server.replies`
 * and is recorded in `server.hits`. When a queue is empty, the reply is the
 * server's `fallback`.
 */
import { EventEmitter, once } from 'node:events';
import type http from 'node:http';
import { bodyServer, close, listen } from './local-server.js';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer (until the server is closed). */
  hang?: boolean;
  /** Wait this many ms before answering at all. */
  headerDelayMs?: number;
  /** Send headers at once, the body this many ms later. */
  bodyDelayMs?: number;
}

export interface Hit {
  method: string;
  /** The path and query, as received. */
  url: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface ScriptedServerOptions {
  /** Headers of every reply, under the reply's own. */
  headers?: Record<string, string>;
  /** The body of a reply that names none (default: empty). */
  body?: string;
  /** The reply when the queue is empty (default `{}`: status 200, `body`). */
  fallback?: Reply;
}

export interface Scenario {
  id: string;
  /** Base URL of the scenario's path. */
  url: string;
  /** What this scenario's path received, so far. */
  hits(): Hit[];
  /** Resolves when the scenario's path receives its next request. */
  arrived(): Promise<unknown>;
}

export class ScriptedServer {
  /** Replies for requests outside any scenario, in order. */
  replies: Reply[] = [];
  /** Requests outside any scenario, in order. */
  hits: Hit[] = [];
  #server: http.Server | undefined;
  #base = '';
  #scenarios = new Map<string, { replies: Reply[]; hits: Hit[] }>();
  #events = new EventEmitter();
  #next = 0;

  constructor(readonly options: ScriptedServerOptions = {}) {}

  /** The base URL (`http://127.0.0.1:<port>`), once started. */
  get url(): string {
    return this.#base;
  }

  async start(): Promise<string> {
    this.#server = bodyServer((req, body, res) => {
      const id = new URL(req.url ?? '/', 'http://x').pathname.split('/')[1] ?? '';
      const scenario = this.#scenarios.get(id);
      (scenario?.hits ?? this.hits).push({ method: req.method ?? '', url: req.url ?? '', body: body.toString('utf8'), headers: req.headers });
      if (scenario) this.#events.emit(id);
      this.#answer(res, (scenario?.replies ?? this.replies).shift() ?? this.options.fallback ?? {});
    });
    this.#base = await listen(this.#server);
    return this.#base;
  }

  #answer(res: http.ServerResponse, reply: Reply): void {
    if (reply.hang) return;
    const body = reply.body ?? this.options.body ?? '';
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, { ...this.options.headers, ...reply.headers });
      if (reply.bodyDelayMs) {
        res.flushHeaders();
        setTimeout(() => res.end(body), reply.bodyDelayMs);
      } else {
        res.end(body);
      }
    };
    if (reply.headerDelayMs) setTimeout(send, reply.headerDelayMs);
    else send();
  }

  /** Replies for a path of its own: `/<label>-<n>`. */
  scenario(label: string, replies: Reply[] = []): Scenario {
    const id = `${label}-${++this.#next}`;
    const state = { replies, hits: [] as Hit[] };
    this.#scenarios.set(id, state);
    return { id, url: `${this.#base}/${id}`, hits: () => state.hits, arrived: () => once(this.#events, id) };
  }

  /** Empties the queue and the record of the requests outside any scenario. */
  reset(): void {
    this.replies = [];
    this.hits = [];
  }

  close(): Promise<void> {
    return close(this.#server);
  }
}
