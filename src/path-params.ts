/**
 * Path parameter checks and encoding. openapi-fetch's default serializer
 * silently leaves `{name}` in the URL when a value is missing, and a value of
 * "" / "." / ".." would change which resource is addressed: the URL parser
 * resolves dot segments, including encoded ones (`%2e%2e`), so encoding alone
 * cannot make them safe. We refuse such requests before anything is sent.
 */
import type { PathSerializer } from 'openapi-fetch';
import { InvalidRequestError } from './errors.js';
import { redactUrl } from './redaction.js';

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
  // Fast path for the common case; the refusals below spell out why.
  if (typeof value === 'string' && value !== '' && value !== '.' && value !== '..') return value;
  // The template may include the base URL; never echo credentials from it.
  const where = () => `for ${redactUrl(template)}`;
  const refuse = (why: string) =>
    new InvalidRequestError(`path parameter "${name}" ${where()} ${why}`, { parameter: name });
  if (value === undefined || value === null) {
    throw new InvalidRequestError(`missing required path parameter "${name}" ${where()}`, { parameter: name });
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

/** A template split once: `literals[i]` precedes `params[i]`; one more literal ends it. */
export interface ParsedTemplate {
  literals: string[];
  params: { name: string; style: Style }[];
}

// Templates are few (one per operation and base URL); the bound only guards
// against callers of the openapi-fetch client that build paths dynamically.
const MAX_CACHED_TEMPLATES = 1000;
const parsedTemplates = new Map<string, ParsedTemplate>();

/** Also read by the fakes (testing.ts), which match requests against the templates. */
export function parseTemplate(template: string): ParsedTemplate {
  let parsed = parsedTemplates.get(template);
  if (parsed) return parsed;
  parsed = { literals: [], params: [] };
  let end = 0;
  for (const match of template.matchAll(PARAM_RE)) {
    parsed.literals.push(template.slice(end, match.index));
    parsed.params.push(parseToken(match[1] ?? ''));
    end = match.index + match[0].length;
  }
  parsed.literals.push(template.slice(end));
  if (parsedTemplates.size >= MAX_CACHED_TEMPLATES) parsedTemplates.clear();
  parsedTemplates.set(template, parsed);
  return parsed;
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
 * of the openapi-fetch client must pass `params: { path: {...} }` (even `{}`)
 * for templated paths. The generated wrappers call it themselves
 * (callOperation) and hand openapi-fetch the filled path.
 */
export const pathSerializer: PathSerializer = (pathname, pathParams) => {
  const { literals, params } = parseTemplate(pathname);
  // Every value is checked before any is used: a refused value never leaves a half-filled path.
  const values = params.map(({ name }) => checkValue(name, pathParams[name], pathname));
  let result = literals[0]!;
  for (let i = 0; i < params.length; i++) {
    const { name, style } = params[i]!;
    const encoded = encodePathParam(values[i]);
    result += style === 'label' ? `.${encoded}` : style === 'matrix' ? `;${name}=${encoded}` : encoded;
    result += literals[i + 1]!;
  }
  return result;
};
