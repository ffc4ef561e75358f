/**
 * The retry policy: which failed attempts are sent again, and after what delay.
 *
 * Retry rule
 * ----------
 * - A 2xx response is final: it is returned, whatever its headers say.
 * - `x-should-retry: true|false` on any other response, when present, decides
 *   alone (Stainless convention: the server knows whether a retry is safe;
 *   the Stainless SDKs read it only on failed responses too).
 * - 429 Too Many Requests is always retried, for every method: the server
 *   did not process the request.
 * - 408, 500, 502, 503, 504, connection failures and timeouts are retried only
 *   when the method is idempotent per RFC 9110 §9.2.2 (GET, HEAD, OPTIONS,
 *   TRACE, PUT, DELETE), or when `retryNonIdempotent` is set. POST and PATCH
 *   are not retried on these by default: the server may already have acted.
 * - Anything else is returned as-is. The caller's own abort is never retried.
 * - At most `maxRetries` retries (default 2, so 3 attempts). When they run out
 *   the last Response is returned, or the last connection error thrown.
 * - Delay before retry n (1-based): `retry-after-ms` (milliseconds) or
 *   `Retry-After` (delta-seconds or HTTP-date, RFC 9110 §10.2.3) when that is
 *   within 0–60 s; otherwise min(8000, 500 · 2^(n-1)) ms times a random
 *   jitter factor in [0.75, 1].
 *
 * A 2xx is final, so a body lost after one is not retried by the transport; a
 * wrapper sends the call again, for idempotent methods only
 * (retryAfterBodyError; callOperation).
 */
import type { ApiConnectionError } from './errors.js';

export interface RetryInfo {
  /** 1-based number of the attempt that just failed (= the retry number). */
  attempt: number;
  delayMs: number;
  reason: string;
  method: string;
  /** Redacted with redactUrl. */
  url: string;
}

export const DEFAULT_MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);
const RETRYABLE_IF_IDEMPOTENT = new Set([408, 500, 502, 503, 504]);

/** RFC 9110 §9.2.2. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Why a response that is not a 2xx is retried (`status 503`,
 * `status 400, x-should-retry: true`), or undefined when it is not. See the
 * rule at the top.
 */
export function responseRetryReason(status: number, headers: Headers, method: string, retryNonIdempotent: boolean): string | undefined {
  const override = headers.get('x-should-retry');
  if (override === 'true' || override === 'false') return override === 'true' ? `status ${status}, x-should-retry: ${override}` : undefined;
  return status === 429 || (RETRYABLE_IF_IDEMPOTENT.has(status) && (retryNonIdempotent || isIdempotent(method))) ? `status ${status}` : undefined;
}

/** Why an attempt that failed without a response is retried (the error's message), or undefined when it is not. */
export function errorRetryReason(error: ApiConnectionError, method: string, retryNonIdempotent: boolean): string | undefined {
  return !notRetried.has(error) && (retryNonIdempotent || isIdempotent(method)) ? error.message : undefined;
}

/**
 * Failures that a retry would repeat (a redirect loop, a redirect to a
 * location that cannot be followed): not retried, whatever the method.
 */
const notRetried = new WeakSet<ApiConnectionError>();

/** `error`, marked as a failure that a retry would repeat. */
export function final(error: ApiConnectionError): ApiConnectionError {
  notRetried.add(error);
  return error;
}

/**
 * Server-requested delay in ms from `retry-after-ms` or `Retry-After`, or
 * undefined when absent or unparseable. May be negative (a past HTTP-date).
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now;
}

/** Delay before retry number `attempt` (1-based). See the rule at the top. */
export function retryDelayMs(attempt: number, headers: Headers | undefined, random: () => number, now?: number): number {
  const requested = headers ? parseRetryAfter(headers, now) : undefined;
  if (requested !== undefined && requested >= 0 && requested <= MAX_RETRY_AFTER_MS) return requested;
  const base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (attempt - 1));
  return base * (1 - 0.25 * random());
}

/** The wait before a retry: rejects with the signal's reason when it aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Where an error thrown while a body was read keeps its retry (see
 * retryAfterBodyError): set only when the call may be sent again.
 */
const RETRY = Symbol('retry');

/** Gives `error` its retry: `retry` waits the retry's delay and resolves to the number of the next attempt. */
export function offerRetry(error: ApiConnectionError, retry: () => Promise<number>): void {
  Object.defineProperty(error, RETRY, { value: retry });
}

/**
 * When `error` is a lost connection or a timeout while reading the body of a
 * response that a retry may replace (an idempotent method, retries left):
 * waits the retry's delay (calling onRetry and logging, as any retry) and
 * resolves to the number of the next attempt, to be sent as a new call whose
 * init has it under FIRST_ATTEMPT. Otherwise undefined.
 */
export function retryAfterBodyError(error: unknown): Promise<number> | undefined {
  return typeof error === 'object' && error !== null ? (error as { [RETRY]?: () => Promise<number> })[RETRY]?.() : undefined;
}

/** Init key of a call sent again after retryAfterBodyError: the number of its first attempt. */
export const FIRST_ATTEMPT = Symbol('vendor-api-clients.firstAttempt');
