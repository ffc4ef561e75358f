/**
 * Spec text never becomes code (issue 10).
 *
 * Every kind of spec text (titles, descriptions, summaries, operationIds,
 * tags, parameter names, schema keys and titles, property names, enum values,
 * examples, defaults, server URLs, paths, discriminators, security header
 * names, …) gets hostile strings: comment and string terminators, backticks,
 * `${…}`, quotes, backslashes, CR/LF, U+2028/U+2029 and control characters,
 * each followed by a marker call `PWNED_<n>()` whose number says which field
 * and which payload it came from (n = field × 100 + payload).
 *
 * For every generated .ts file: no parse diagnostics, and no Identifier in the
 * syntax tree starts with `PWNED_` (a marker may only survive inside comments
 * and string literal text; names the naming rules derive from spec text, such
 * as `Pwned101` or `pwned101`, are words without the underscore and are
 * checked for validity by the parser and, for the combined spec, by tsc).
 * manifest.json parses, its wrapper names are identifiers, and the bundled
 * openapi.yaml parses back to the same hostile text.
 *
 * Where the pipeline rejects a field's hostile values, the run must fail
 * cleanly (one `error:` line naming the spec, exit 1, nothing written); the
 * payloads of that field are then tried one by one, so a rejection of one
 * value does not hide what the others produce.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { failureProblems, firstError, stderrProblems } from '../support/cli-output.js';
import { codeProblems, forgedDocTags, PAYLOADS } from '../support/hostile.js';
import { generate, redoclyConfig, removeDir, snapshot, writeProject } from '../support/temp-project.js';
import { strictDiagnostics, tsFilesUnder } from '../support/tsc.js';

process.env.CODEGEN_NO_WORKER = '1'; // see fixtures.test.ts

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function baseSpec(): Spec {
  return {
    openapi: '3.1.0',
    info: { title: 'Marker API', version: '1' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
        },
      },
    },
    components: { schemas: { Item: { type: 'object', properties: { name: { type: 'string' } } } } },
  };
}

const ok = { '200': { description: 'ok' } };
/** A JSON pointer segment inside a `$ref` URI fragment. */
const pointer = (key: string) => encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));

/** Where hostile text goes: one entry per kind of spec text. `plant` adds one value (i = its index). */
interface Field {
  name: string;
  plant: (spec: Spec, text: string, i: number) => void;
}

export const FIELDS: Field[] = [
  { name: 'info.title', plant: (s, t) => (s.info.title += ` ${t}`) },
  { name: 'info.description', plant: (s, t) => (s.info.description = `${s.info.description ?? ''}${t}\n`) },
  { name: 'operation summary', plant: (s, t, i) => (s.paths[`/summary${i}`] = { get: { summary: t, responses: ok } }) },
  {
    name: 'operation description',
    plant: (s, t, i) => (s.paths[`/description${i}`] = { get: { operationId: `describe${i}`, description: t, responses: ok } }),
  },
  { name: 'operationId', plant: (s, t, i) => (s.paths[`/opid${i}`] = { get: { operationId: t, responses: ok } }) },
  {
    name: 'tags',
    plant: (s, t, i) => {
      (s.tags ??= []).push({ name: t, description: t });
      s.paths[`/tagged${i}`] = { get: { operationId: `tagged${i}`, tags: [t], responses: ok } };
    },
  },
  {
    name: 'parameter names',
    plant: (s, t, i) =>
      (s.paths[`/param${i}`] = {
        get: {
          operationId: `param${i}`,
          parameters: [
            { name: t, in: 'query', required: true, schema: { type: 'string' } },
            { name: `${t}h`, in: 'header', schema: { type: 'string' } },
            { name: `${t}c`, in: 'cookie', schema: { type: 'string' } },
          ],
          responses: ok,
        },
      }),
  },
  {
    name: 'parameter descriptions',
    plant: (s, t, i) =>
      (s.paths[`/paramdoc${i}`] = {
        get: { operationId: `paramdoc${i}`, parameters: [{ name: 'q', in: 'query', description: t, schema: { type: 'string' } }], responses: ok },
      }),
  },
  {
    name: 'path parameter names',
    plant: (s, t, i) =>
      (s.paths[`/pathparam${i}/{${t}}`] = {
        get: { operationId: `pathparam${i}`, parameters: [{ name: t, in: 'path', required: true, schema: { type: 'string' } }], responses: ok },
      }),
  },
  {
    name: 'schema keys',
    plant: (s, t, i) => {
      s.components.schemas[t] = { type: 'object', properties: { v: { type: 'string' } } };
      s.components.schemas.Item.properties[`key${i}`] = { $ref: `#/components/schemas/${pointer(t)}` };
    },
  },
  {
    name: 'schema titles',
    // a key that is not clean (`__`), so the readable alias is derived from the title
    plant: (s, t, i) => (s.components.schemas[`titled__${i}`] = { type: 'object', title: t, properties: { v: { type: 'string', title: t } } }),
  },
  {
    name: 'schema descriptions',
    plant: (s, t, i) => {
      s.components.schemas[`Described${i}`] = { type: 'object', description: t, properties: { v: { type: 'string', description: t } } };
      s.components.schemas[`weird__${i}`] = { type: 'string', description: t };
    },
  },
  {
    name: 'property names',
    plant: (s, t) => {
      s.components.schemas.Item.properties[t] = { type: 'string' };
      (s.components.schemas.Item.required ??= []).push(t);
    },
  },
  { name: 'enum values', plant: (s, t) => ((s.components.schemas.Enum ??= { type: 'string', enum: [] }).enum.push(t)) },
  {
    name: 'const and default values',
    plant: (s, t, i) => {
      s.components.schemas.Item.properties[`const${i}`] = { const: t };
      s.components.schemas.Item.properties[`default${i}`] = { type: 'string', default: t };
    },
  },
  {
    name: 'examples',
    plant: (s, t, i) => {
      s.components.schemas.Item.properties[`example${i}`] = { type: 'string', examples: [t], example: t };
      s.paths[`/example${i}`] = {
        get: {
          operationId: `example${i}`,
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'string' }, examples: { [`e${i}`]: { summary: t, value: t } } } } } },
        },
      };
    },
  },
  {
    name: 'format and pattern',
    plant: (s, t, i) => (s.components.schemas.Item.properties[`formatted${i}`] = { type: 'string', format: t, pattern: t }),
  },
  {
    name: 'server URLs and descriptions',
    plant: (s, t) => {
      s.servers.push({ url: `https://example.com/${t}`, description: t });
      s.servers.push({ url: t });
    },
  },
  { name: 'paths', plant: (s, t, i) => (s.paths[`/${t}`] = { get: { operationId: `path${i}`, responses: ok } }) },
  {
    name: 'responses (descriptions, header names)',
    plant: (s, t, i) =>
      (s.paths[`/response${i}`] = {
        get: {
          operationId: `response${i}`,
          responses: { '200': { description: t, headers: { [t]: { description: t, schema: { type: 'string' } } } } },
        },
      }),
  },
  {
    name: 'discriminators',
    plant: (s, t, i) => {
      const sc = s.components.schemas;
      sc[`Union${i}`] = {
        oneOf: [{ $ref: `#/components/schemas/Yes${i}` }, { $ref: `#/components/schemas/No${i}` }],
        discriminator: { propertyName: t, mapping: { true: `#/components/schemas/Yes${i}`, [t]: `#/components/schemas/No${i}` } },
      };
      sc[`Yes${i}`] = { type: 'object', required: [t], properties: { [t]: { const: true, title: t, description: t } } };
      sc[`No${i}`] = { type: 'object', properties: { [t]: { type: 'boolean', description: t, default: t } } };
    },
  },
  {
    name: 'security scheme header name',
    plant: (s, t, i) => {
      (s.components.securitySchemes ??= {})[`Key${i}`] = { type: 'apiKey', in: 'header', name: t, description: t };
      (s.security ??= []).push({ [`Key${i}`]: [] });
    },
  },
];

const marker = (field: number, payload: number) => `PWNED_${field * 100 + payload}`;

function specWith(plants: Array<[field: number, payload: number]>): Spec {
  const spec = baseSpec();
  plants.forEach(([f, p], i) => FIELDS[f]!.plant(spec, PAYLOADS[p]!(marker(f, p)), i));
  return spec;
}

interface Result {
  code: number | null;
  error: string;
  problems: string[];
  dir: string;
}

/** stderr problems (raw control characters, split lines) of every run, by field: checked on their own below. */
const stderrIssues: string[] = [];

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

async function run(spec: Spec, field = 'combined'): Promise<Result> {
  const dir = writeProject({
    'spec.json': `${JSON.stringify(spec, null, 1)}\n`,
    'redocly.yaml': redoclyConfig({ marker: { root: 'spec.json' } }),
  });
  dirs.push(dir);
  const out = join(dir, 'generated');
  const r = await generate(dir, ['--no-cache']);
  const printed = stderrProblems(r);
  stderrIssues.push(...printed.map((p) => `${field}: ${p}`));
  if (r.code !== 0) {
    // stderr hygiene is asserted separately (a known bug must not hide the rest)
    const problems = failureProblems(r, 'spec.json').filter((p) => !printed.includes(p));
    if (Object.keys(snapshot(out)).length) problems.push('a failed run wrote files');
    return { code: r.code, error: firstError(r), problems, dir };
  }
  const problems: string[] = [];
  for (const file of tsFilesUnder(out)) problems.push(...codeProblems(file.slice(dir.length + 1), readFileSync(file, 'utf8')));
  const manifest = JSON.parse(readFileSync(join(out, 'marker/manifest.json'), 'utf8')) as { operations: Array<{ wrapper: string }> };
  for (const op of manifest.operations) {
    if (!/^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u.test(op.wrapper) || /^PWNED_/.test(op.wrapper)) {
      problems.push(`manifest.json: wrapper ${JSON.stringify(op.wrapper)} is not a derived identifier`);
    }
  }
  const bundled = parseYaml(readFileSync(join(out, 'marker/openapi.yaml'), 'utf8')) as Spec;
  if (bundled.info?.title !== spec.info.title) problems.push(`openapi.yaml: info.title does not round-trip: ${JSON.stringify(bundled.info?.title)}`);
  return { code: r.code, error: '', problems, dir };
}

describe('spec text never becomes code', () => {
  /** field → payloads the pipeline accepted (the rest were rejected cleanly). */
  const accepted = new Map<number, number[]>();
  const summary: string[] = [];

  FIELDS.forEach((field, f) => {
    it(`${field.name}: hostile values stay comments and string text, or are rejected with one clean error`, async () => {
      const all = PAYLOADS.map((_, p) => [f, p] as [number, number]);
      const together = await run(specWith(all), field.name);
      expect(together.problems, together.error).toEqual([]);
      if (together.code === 0) {
        accepted.set(f, all.map(([, p]) => p));
        summary.push(`${field.name}: generated (${PAYLOADS.length} payloads)`);
        return;
      }
      // Rejected: try each payload alone.
      const ok: number[] = [];
      const rejected: string[] = [];
      for (const p of PAYLOADS.keys()) {
        const alone = await run(specWith([[f, p]]), field.name);
        expect(alone.problems, `payload ${p}: ${alone.error}`).toEqual([]);
        if (alone.code === 0) ok.push(p);
        else rejected.push(`#${p} ${alone.error.replace(/^error: /, '')}`);
      }
      accepted.set(f, ok);
      summary.push(`${field.name}: generated ${ok.length}/${PAYLOADS.length}; rejected cleanly: ${rejected.join(' | ')}`);
    });
  });

  let combined: Result | undefined;
  it('all accepted hostile values in one spec: generates, parses, compiles with tsc --strict', async () => {
    const plants = [...accepted].flatMap(([f, ps]) => ps.map((p) => [f, p] as [number, number]));
    expect(plants.length).toBeGreaterThan(FIELDS.length);
    const result = await run(specWith(plants));
    combined = result;
    expect(result.problems, result.error).toEqual([]);
    expect(result.code, result.error).toBe(0);
    expect(strictDiagnostics(tsFilesUnder(join(result.dir, 'generated')))).toEqual([]);
    console.log(`[marker] ${summary.join('\n[marker] ')}`);
  });

  // Was a bug (fixed): lint messages and pointers carried spec text raw
  it('errors and warnings print spec text without raw control characters or line breaks', () => {
    const fields = [...new Set(stderrIssues.map((i) => i.split(':')[0]))];
    if (stderrIssues.length) console.log(`[marker] ${stderrIssues.length} stderr problems, fields: ${fields.join(', ')}\n  ${stderrIssues.slice(0, 3).join('\n  ')}`);
    expect(stderrIssues).toEqual([]);
  });

  // Was a bug (fixed): an `@` at a line start or after whitespace in spec text forged a JSDoc tag (`@deprecated`, `@type {…}`)
  it('doc comments: spec text cannot forge JSDoc tags', () => {
    expect(combined?.code).toBe(0);
    const problems = tsFilesUnder(join(combined!.dir, 'generated')).flatMap((file) =>
      forgedDocTags(file.slice(combined!.dir.length + 1), readFileSync(file, 'utf8')),
    );
    expect(problems).toEqual([]);
  });
});
