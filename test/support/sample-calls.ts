/**
 * Valid-looking calls for any generated api, built from its bundled spec alone,
 * so contract tests hold for whatever spec `specs:pull` brings: each sampled
 * operation's path parameters, required query and header parameters and
 * (JSON) request body come from @stoplight/json-schema-sampler (an
 * openapi-sampler fork), the sampler Prism's mock uses for its own static
 * examples (required properties only, read-only skipped).
 *
 * The sample is deterministic: operations in manifest order, those whose
 * inputs can be sampled (JSON or no body), then `limit` of them spread evenly.
 */
import { deref, isObject, type JsonObject } from '../../codegen/lib/openapi.js';
import { prismRequire } from './prism-packages.js';

export interface ManifestOperation {
  wrapper: string;
  method: string;
  path: string;
}

export interface SampleCall {
  wrapper: string;
  /** `METHOD /path`, for test names. */
  key: string;
  args: Record<string, unknown>;
}

type Sample = (schema: unknown, options: Record<string, unknown>, spec: unknown) => unknown;

let sampler: Sample | undefined;

/** The sampler as Prism's packages resolve it (a dependency of @stoplight/prism-http, our pinned Prism). */
function loadSampler(): Sample {
  if (sampler) return sampler;
  const { fromHttp } = prismRequire();
  const lib = fromHttp('@stoplight/json-schema-sampler') as { sample?: Sample };
  if (typeof lib.sample !== 'function') throw new Error('sample-calls: @stoplight/json-schema-sampler has no sample()');
  sampler = lib.sample;
  return sampler;
}

export function sampleCalls(spec: JsonObject, operations: ManifestOperation[], limit: number): SampleCall[] {
  const sample = loadSampler();
  const value = (schema: unknown) => sample(schema ?? {}, { skipReadOnly: true, skipNonRequired: true, quiet: true }, spec);
  const paths = isObject(spec.paths) ? spec.paths : {};
  const buildable: SampleCall[] = [];
  for (const op of operations) {
    const pathItem = deref(spec, paths[op.path]);
    const operation = pathItem ? deref(spec, pathItem[op.method.toLowerCase()]) : undefined;
    if (!pathItem || !operation) continue;
    const args: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    const headers: Record<string, unknown> = {};
    let ok = true;
    const params = [...asArray(pathItem.parameters), ...asArray(operation.parameters)].map((p) => deref(spec, p));
    for (const param of params) {
      if (!param || typeof param.name !== 'string') continue;
      if (param.in === 'path') {
        const v = value(param.schema);
        // A sampled path segment must be a plain value: the runtime refuses '', '.' and '..'.
        args[param.name] = typeof v === 'string' && !['', '.', '..'].includes(v) ? v : typeof v === 'number' ? v : 'sample-1';
      } else if (param.required === true && (param.in === 'query' || param.in === 'header')) {
        const v = value(param.schema);
        if (isObject(v)) ok = false;
        (param.in === 'query' ? query : headers)[param.name] = v;
      }
    }
    const body = deref(spec, operation.requestBody);
    if (body) {
      const content = isObject(body.content) ? body.content : {};
      const json = Object.keys(content).find((type) => /^application\/(.+\+)?json/.test(type));
      if (json) args.body = value(deref(spec, content[json])?.schema);
      else if (body.required === true) ok = false;
    }
    if (!ok) continue;
    if (Object.keys(query).length) args.query = query;
    if (Object.keys(headers).length) args.headers = headers;
    buildable.push({ wrapper: op.wrapper, key: `${op.method.toUpperCase()} ${op.path}`, args });
  }
  if (buildable.length <= limit) return buildable;
  const step = buildable.length / limit;
  return Array.from({ length: limit }, (_, i) => buildable[Math.floor(i * step)]!);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
