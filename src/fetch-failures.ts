/**
 * What an error thrown by fetch, or by a body reader, means: a connection
 * lost, a Content-Encoding that does not decode, or the caller's own mistake;
 * and the short cause an error message quotes.
 */

/** The innermost cause of `error` as a short text: its code (`ECONNREFUSED`), else its message (200 characters at most). */
export function describeCause(error: unknown): string {
  // undici wraps the useful part: TypeError('fetch failed', { cause: Error('connect ECONNREFUSED ...') }).
  let inner: unknown = error;
  for (let depth = 0; depth < 5 && inner instanceof Error && inner.cause !== undefined; depth++) inner = inner.cause;
  if (inner && typeof inner === 'object') {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const message = (inner as { message?: unknown }).message;
    if (typeof message === 'string') return message.slice(0, 200);
  }
  return String(inner).slice(0, 200);
}

/** Content-Encoding decoders' errors (zlib: Z_DATA_ERROR, …; brotli: ERR__ERROR_FORMAT_…), wherever in the cause chain. */
export function isDecodingError(error: unknown): boolean {
  let inner: unknown = error;
  for (let depth = 0; depth < 5 && inner instanceof Error; depth++) {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string' && /^(Z_|ERR__ERROR|ERR_BROTLI|ERR_ZLIB)/.test(code)) return true;
    inner = inner.cause;
  }
  return false;
}

/**
 * Whether a body read failed because the connection did: fetch reports a
 * network error as a TypeError (undici: `terminated`, with the socket's or
 * the HTTP parser's error as cause; browsers: `network error`, no cause). Not
 * fetch's own refusal to read a body twice (undici: "Body is unusable",
 * Chromium: "body stream already read", Firefox: "already been consumed"):
 * the caller's mistake, left as it is.
 */
export function isConnectionError(error: unknown): boolean {
  if (error instanceof TypeError) return !/unusable|already|locked|disturbed/i.test(error.message);
  return error instanceof Error && /^(UND_ERR|E[A-Z]+$|HPE_)/.test(String((error as { code?: unknown }).code));
}

