/**
 * Path parameter checks and encoding. openapi-fetch's default serializer
 * silently leaves `{name}` in the URL when a value is missing, and a value of
 * "" / "." / ".." would change which resource is addressed: the URL parser
 * resolves dot segments, including encoded ones (`%2e%2e`), so encoding alone
 * cannot make them safe. We refuse such requests before anything is sent.
 */
import type { PathSerializer } from 'openapi-fetch';
import { InvalidRequestError, redactUrl } from './errors.js';

const PARAM_RE = /\{([^{}]+)\}/g;

type Style = 'simple' | 'label' | 'matrix';

// Same template syntax openapi-fetch's defaultPathSerializer understands:
// {name}, {.name} (label), {;name} (matrix), with an optional `*` (explode,
// meaningless for the primitive values we accept).
function parseToken(token: string): { name: string; style: Style } {
  let name = token.endsWith('*') ? token.slice(0, -1) : token;
  let style: Style = 'simple';
  if (name.startsWith('.')) {
    style = 'label';
    name = name.slice(1);
  } else if (name.startsWith(';')) {
    style = 'matrix';
    name = name.slice(1);
  }
  return { name, style };
}

function checkValue(name: string, value: unknown, template: string): string {
  // The template may include the base URL; never echo credentials from it.
  const where = `for ${redactUrl(template)}`;
  const refuse = (why: string) =>
    new InvalidRequestError(`path parameter "${name}" ${where} ${why}`, { parameter: name });
  if (value === undefined || value === null) {
    throw new InvalidRequestError(`missing required path parameter "${name}" ${where}`, { parameter: name });
  }
  const type = typeof value;
  if (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'bigint') {
    throw refuse(`must be a string, number, boolean or bigint, got ${Array.isArray(value) ? 'array' : type}`);
  }
  if (type === 'number' && !Number.isFinite(value)) {
    throw refuse(`must be a finite number, got ${String(value)}`);
  }
  const text = String(value);
  if (text === '') throw refuse('is empty; it would change the request path');
  if (text === '.' || text === '..') {
    throw refuse(`is "${text}"; it would change the request path (dot segment)`);
  }
  return text;
}

/** Throw InvalidRequestError unless every `{name}` in `template` has a usable value. */
export function validatePathParams(template: string, params: Record<string, unknown> | undefined): void {
  for (const match of template.matchAll(PARAM_RE)) {
    const { name } = parseToken(match[1] ?? '');
    checkValue(name, params?.[name], template);
  }
}

/** Percent-encode everything that could alter the path: `/ ? # % ` and spaces included. */
export function encodePathParam(value: unknown): string {
  return encodeURIComponent(String(value));
}

/**
 * openapi-fetch `pathSerializer` (0.17: `(pathname, pathParams) => string`,
 * where `pathname` is baseUrl + schema path). Validates, then fills the template.
 *
 * Note: openapi-fetch calls it only when `params.path` is present, so callers
 * must pass `params: { path: {...} }` (even `{}`) for templated paths, or call
 * validatePathParams themselves.
 */
export const pathSerializer: PathSerializer = (pathname, pathParams) => {
  validatePathParams(pathname, pathParams);
  return pathname.replace(PARAM_RE, (_match: string, token: string) => {
    const { name, style } = parseToken(token);
    const encoded = encodePathParam(pathParams[name]);
    if (style === 'label') return `.${encoded}`;
    if (style === 'matrix') return `;${name}=${encoded}`;
    return encoded;
  });
};
