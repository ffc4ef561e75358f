/**
 * Redaction: what the runtime prints or stores about a request or a response
 * (an error's URL, headers and body start, a log line) never holds a
 * credential. Errors end up in logs, so they are built from what these
 * functions return, never from the request itself.
 */

export const REDACTED = 'REDACTED';

// Query parameter names that commonly carry credentials (api_key, access_token,
// X-Amz-Signature, X-Amz-Credential, ...). Over-redacting a harmless value is
// cheap; leaking a key is not.
const SECRET_PARAM_RE = /key|token|secret|auth|password|signature|credential/i;
const SECRET_HEADER_RE = /key|token|secret|auth|password|signature|credential|session|cookie/i;

/**
 * Whether a header name looks like it carries a credential (Authorization,
 * Proxy-Authorization, Cookie, x-api-key, X-Auth-Token, …): its value is
 * redacted in errors, and it is not sent on to another origin on a redirect.
 */
export function isCredentialHeader(name: string): boolean {
  return SECRET_HEADER_RE.test(name);
}

/** Plain-object copy of `headers` with credential-looking values replaced by `REDACTED`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = isCredentialHeader(name) ? REDACTED : value;
  });
  return out;
}

function redactParams(params: string): string {
  return params
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawName = eq === -1 ? part : part.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // Malformed escapes: test the raw name instead.
      }
      return SECRET_PARAM_RE.test(name) ? `${rawName}=${REDACTED}` : part;
    })
    .join('&');
}

/**
 * Remove userinfo (`user:pass@`) and the values of secret-looking query
 * parameters. String-based rather than `new URL()` so it never re-encodes the
 * rest of the URL (path templates keep their `{braces}`) and also works on
 * relative URLs. The fragment is dropped: it is never sent to the server, and
 * OAuth-style flows put tokens there.
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  let rest = hash === -1 ? url : url.slice(0, hash);
  // `[^/?#]*@` is greedy, so it strips through the last `@` of the authority,
  // which is where the WHATWG URL parser ends userinfo too.
  rest = rest.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  const q = rest.indexOf('?');
  if (q === -1) return rest;
  return `${rest.slice(0, q)}?${redactParams(rest.slice(q + 1))}`;
}

/** Characters of a body kept in an error's `bodyStart`. */
export const BODY_START_MAX = 1024;

/**
 * `text` with every value of `secrets` (the credentials the request carried)
 * replaced by `REDACTED`, and URLs in it redacted with redactUrl: for text a
 * server sent back, which may echo the request.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join(REDACTED);
  return out.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));
}

/**
 * The start of a body for an error: at most BODY_START_MAX characters,
 * redacted with redactText (before the cut, so that a secret across the cut
 * leaves no part of itself).
 */
export function bodyStart(text: string, secrets: readonly string[]): string {
  const margin = secrets.reduce((max, secret) => Math.max(max, secret.length), 0);
  return redactText(text.slice(0, BODY_START_MAX + margin), secrets).slice(0, BODY_START_MAX);
}
