/**
 * JIT warm-up for the schema worker. The worker is loaded ~0.5 s before the
 * main thread has a bundled spec for it (the main thread is still loading
 * Redocly, the spec, and bundling). Spent on running openapi-typescript, the
 * passes and the report on a small made-up document, that wait gets V8 to
 * compile the hot paths (TypeScript's scanner, parser and printer,
 * openapi-typescript's transforms) before the real spec arrives (the
 * measurement is in docs: Speed).
 *
 * Work is done in small rounds; between rounds the event loop runs, and the
 * warm-up stops as soon as a job has arrived (`stop()` returns true).
 */
import type { JsonObject } from '../lib/openapi.js';
import { runSchemaJob } from './schema-job.js';

export async function warmUp(stop: () => boolean, budgetMs = 1000): Promise<number> {
  const start = performance.now();
  let rounds = 0;
  while (performance.now() - start < budgetMs) {
    await new Promise((resolve) => setImmediate(resolve));
    if (stop()) break;
    await runSchemaJob({ json: JSON.stringify(warmUpDocument(rounds)), source: '(warm-up)', recordedAliases: [] }, { takenNames: [] });
    rounds++;
  }
  return rounds;
}

/** An OpenAPI 3.1 document with the shapes vendor specs are made of (varied by `seed`). */
export function warmUpDocument(seed: number): JsonObject {
  const schemas: Record<string, JsonObject> = {};
  const paths: Record<string, JsonObject> = {};
  const n = 12;
  for (let i = 0; i < n; i++) {
    const name = `Thing${seed}_${i}`;
    schemas[name] = {
      type: 'object',
      title: `Thing ${i}`,
      description: `A thing with @tags and *stars* ${i}`,
      required: ['id', 'kind'],
      properties: {
        id: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: ['a', 'b', `c${i}`] },
        count: { type: ['integer', 'null'], minimum: 0, default: 1 },
        tags: { type: 'array', items: { type: 'string' } },
        meta: { type: 'object', additionalProperties: { type: 'number' } },
        next: { $ref: `#/components/schemas/Thing${seed}_${(i + 1) % n}` },
        either: { oneOf: [{ type: 'string' }, { $ref: `#/components/schemas/Thing${seed}_${(i + 2) % n}` }] },
        both: { allOf: [{ $ref: `#/components/schemas/Thing${seed}_${(i + 3) % n}` }, { type: 'object', properties: { extra: { type: 'boolean' } } }] },
      },
    };
    paths[`/things${seed}/${i}/{thing_id}`] = {
      parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        operationId: `getThing${i}`,
        summary: `Get thing ${i}`,
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } },
          '404': { description: 'missing', content: { 'application/json': { schema: { type: 'object', properties: { detail: { type: 'string' } } } } } },
        },
      },
      patch: {
        operationId: `patchThing${i}`,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/Restorable${seed}` } } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } },
      },
    };
  }
  Object.assign(schemas, {
    [`Partial${seed}`]: { type: 'object', properties: { restore: { type: 'boolean', const: false }, name: { type: 'string' } } },
    [`Restore${seed}`]: { type: 'object', required: ['restore'], properties: { restore: { type: 'boolean', const: true } }, additionalProperties: false },
    [`Restorable${seed}`]: {
      oneOf: [{ $ref: `#/components/schemas/Partial${seed}` }, { $ref: `#/components/schemas/Restore${seed}` }],
      discriminator: { propertyName: 'restore', mapping: { False: `#/components/schemas/Partial${seed}`, True: `#/components/schemas/Restore${seed}` } },
    },
    [`Json${seed}`]: {
      anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { $ref: `#/components/schemas/Json${seed}` } }],
    },
  });
  return { openapi: '3.1.0', info: { title: 'warm-up', version: '1' }, paths, components: { schemas } };
}
