/**
 * `x-codegen`: the generator's own settings for one api, under its entry in
 * redocly.yaml (`apis.<api>.x-codegen`; Redocly ignores `x-` keys). The type
 * below is the reference (each key with its default); readClientConfig
 * validates an entry, naming the key at fault, before anything is generated.
 */
import { PipelineError } from './lib/errors.js';
import { isHttpToken } from './lib/http.js';
import { readLimits, type Limits } from './lib/limits.js';
import type { NameClashes } from './lib/naming.js';
import { readJsonPatchConfig, type JsonPatchConfig } from './stages/json-patch.js';

/** The api's `x-codegen` entry in redocly.yaml. */
export interface ClientConfig {
  /** PascalCase name used in `create<Name>Client` (default: PascalCase of the api name). */
  clientName?: string;
  /** Environment variable for the API key (default: `<API_NAME>_API_KEY`). */
  apiKeyEnv?: string;
  /** How the key is sent when the spec does not say (or to override it). */
  auth?: { header: string; prefix?: string } | false;
  /** Names for the spec's servers by URL (default: `default` for the first, `server<N>` for the others). */
  servers?: Record<string, string>;
  /** Wrapper name overrides, keyed by operationId or `METHOD /path`. */
  operationNames?: Record<string, string>;
  /** Response headers carrying a request id. */
  requestIdHeaders?: string[];
  /** Environment variable for the base URL (default: apiKeyEnv with `_API_KEY` replaced by `_BASE_URL`). */
  baseUrlEnv?: string;
  /** Environment variable for the log level (default: apiKeyEnv with `_API_KEY` replaced by `_LOG`). */
  logEnv?: string;
  /** Request header for idempotency keys, when the api honours one (e.g. `Idempotency-Key`); default none. */
  idempotencyHeader?: string;
  /** What to do when two operations derive one wrapper name (see lib/naming.ts). Default `error`. */
  nameClashes?: NameClashes;
  /** Where `npm run specs:pull` fetches the vendor's current spec. */
  sourceUrl?: string;
  /** Hosts remote `$ref`s may be fetched from (default: none; lib/spec-resolver.ts). */
  remoteRefs?: string[];
  /** Changes to the default limits on the work a spec may cause (lib/limits.ts). */
  limits?: Partial<Limits>;
  /** Typed JSON Patch bodies: patchable pointers and targets per operation (stages/json-patch.ts). */
  jsonPatch?: JsonPatchConfig;
}

/** Validates the shape of an api's `x-codegen` entry; `where` names it in errors (`redocly.yaml: apis.<api>.x-codegen`). */
export function readClientConfig(raw: unknown, where: string): ClientConfig {
  if (raw === undefined || raw === null) return {};
  const fail = (what: string): never => {
    throw new PipelineError(`${where}: ${what}`);
  };
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('must be a mapping');
  const c = raw as Record<string, unknown>;
  const known = [
    'clientName',
    'apiKeyEnv',
    'baseUrlEnv',
    'logEnv',
    'auth',
    'servers',
    'operationNames',
    'requestIdHeaders',
    'idempotencyHeader',
    'sourceUrl',
    'nameClashes',
    'remoteRefs',
    'limits',
    'jsonPatch',
  ];
  for (const key of Object.keys(c)) if (!known.includes(key)) fail(`unknown key "${key}" (known: ${known.join(', ')})`);
  const isStringMap = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  if (c.clientName !== undefined && typeof c.clientName !== 'string') fail('clientName must be a string');
  if (c.nameClashes !== undefined && c.nameClashes !== 'error' && c.nameClashes !== 'qualify-by-path') {
    fail('nameClashes must be "error" or "qualify-by-path"');
  }
  if (c.sourceUrl !== undefined && (typeof c.sourceUrl !== 'string' || !/^https?:\/\//.test(c.sourceUrl))) fail('sourceUrl must be an http(s) URL');
  for (const key of ['apiKeyEnv', 'baseUrlEnv', 'logEnv']) {
    if (c[key] !== undefined && (typeof c[key] !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c[key]))) fail(`${key} must be an environment variable name`);
  }
  // An HTTP token (RFC 9110 §5.6.2): the name is sent as a header.
  if (c.idempotencyHeader !== undefined && !isHttpToken(c.idempotencyHeader)) fail('idempotencyHeader must be a header name');
  if (c.auth !== undefined && c.auth !== false) {
    const a = c.auth as Record<string, unknown>;
    if (typeof a !== 'object' || a === null || typeof a.header !== 'string' || (a.prefix !== undefined && typeof a.prefix !== 'string')) {
      fail('auth must be false or { header: <name>, prefix?: <string> }');
    }
  }
  if (c.servers !== undefined && !isStringMap(c.servers)) fail('servers must map server URLs to names');
  if (c.operationNames !== undefined && !isStringMap(c.operationNames)) fail('operationNames must map operationIds or "METHOD /path" to names');
  if (c.requestIdHeaders !== undefined && !(Array.isArray(c.requestIdHeaders) && c.requestIdHeaders.every(isHttpToken))) {
    fail('requestIdHeaders must be a list of header names (RFC 9110 tokens)');
  }
  if (c.auth && !isHttpToken((c.auth as { header: string }).header)) fail('auth.header must be a header name (an RFC 9110 token)');
  if (c.remoteRefs !== undefined && !(Array.isArray(c.remoteRefs) && c.remoteRefs.every((h) => typeof h === 'string' && /^[a-z0-9.-]+(:\d+)?$/i.test(h)))) {
    fail('remoteRefs must be a list of hosts (`host` or `host:port`)');
  }
  readLimits(c.limits, where);
  readJsonPatchConfig(c.jsonPatch, where);
  return c as ClientConfig;
}

