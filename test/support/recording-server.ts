/**
 * A local server that records the bytes of every request it receives (for
 * the tests of what goes over the wire: bodies, media types, headers) and
 * answers each with `answer`: by default 200 with `{}` as JSON.
 */
import type http from 'node:http';
import { bodyServer, close, listen } from './local-server.js';

export interface Received {
  method: string;
  /** The path and query, as received. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Answer = (res: http.ServerResponse, received: Received) => void;

/** 200 with `body` as `application/json`. */
export const answerJson =
  (body = '{}', status = 200): Answer =>
  (res) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(body);
  };

export class RecordingServer {
  /** What arrived, in order. */
  seen: Received[] = [];
  /** How the next requests are answered. */
  answer: Answer;
  #server: http.Server | undefined;
  #url = '';

  constructor(readonly defaultAnswer: Answer = answerJson()) {
    this.answer = defaultAnswer;
  }

  /** The base URL (`http://127.0.0.1:<port>`), once started. */
  get url(): string {
    return this.#url;
  }

  async start(): Promise<string> {
    this.#server = bodyServer((req, body, res) => {
      const received = { method: req.method!, url: req.url!, headers: req.headers, body };
      this.seen.push(received);
      this.answer(res, received);
    });
    this.#url = await listen(this.#server);
    return this.#url;
  }

  /** The one request that arrived (throws when there were none or several). */
  only(): Received {
    if (this.seen.length !== 1) throw new Error(`expected one request, got ${this.seen.length}`);
    return this.seen[0]!;
  }

  /** Forgets what arrived and answers with the default again. */
  reset(): void {
    this.seen = [];
    this.answer = this.defaultAnswer;
  }

  close(): Promise<void> {
    return close(this.#server);
  }
}
