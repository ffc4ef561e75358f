/**
 * API key resolution and the auth header. Kept apart from the transport so the
 * key lives only in the headers openapi-fetch builds, never on errors or in
 * retry callbacks.
 */
import { readEnv } from './environment.js';
import { InvalidRequestError, MissingApiKeyError } from './errors.js';

export interface AuthScheme {
  in: 'header';
  /** e.g. 'x-api-key' (Scale GP) or 'Authorization' (LaunchDarkly). */
  name: string;
  /** e.g. 'Bearer'; joined to the key with one space. */
  prefix?: string;
}

/**
 * `apiKey`, else the environment variable, trimmed. `envVar` is `undefined` in
 * a browser, which has no environment: the message then asks for the option only.
 */
export function resolveApiKey(apiKey: string | undefined, envVar: string | undefined, apiName: string): string {
  const key = (apiKey ?? (envVar === undefined ? undefined : readEnv(envVar)) ?? '').trim();
  if (key === '') {
    throw new MissingApiKeyError(`${apiName}: no API key: ${envVar === undefined ? 'pass { apiKey }' : `pass { apiKey } or set ${envVar}`}`);
  }
  return key;
}

// Field-value characters (RFC 9110 §5.5): visible ASCII, space, tab, obs-text.
const HEADER_VALUE_RE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function authHeaders(scheme: AuthScheme, key: string): Record<string, string> {
  // Checked here because `new Headers()` would otherwise throw a TypeError
  // whose message quotes the whole value, i.e. the key.
  if (!HEADER_VALUE_RE.test(key)) {
    throw new InvalidRequestError('API key contains characters not allowed in an HTTP header (e.g. a line break)', {
      parameter: 'apiKey',
    });
  }
  return { [scheme.name]: scheme.prefix ? `${scheme.prefix} ${key}` : key };
}
