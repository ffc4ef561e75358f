/**
 * stages/openapi-typescript.ts calls openapi-typescript's transform directly (skipping
 * openapiTS()'s second lint + bundle). Its output must be exactly openapiTS()'s
 * for the same bundled document, so the shortcut changes speed, not types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { apiReport } from '../../codegen/stages/api-symbols.js';
import { Project } from 'ts-morph';
import { applyEdits, cutInterfaces, runPasses, reportParts, schemaMembers } from '../../codegen/stages/passes.js';
import { outlineTypes, type Outline } from '../../codegen/stages/outline.js';
import { binaryTypesPass } from '../../codegen/passes/binary-types.js';
import { SCHEMA_TYPES, type TextEdit } from '../../codegen/passes/pass.js';
import type { JsonObject } from '../../codegen/lib/openapi.js';
import { discriminatorScope, generateTypes, skippedWalks } from '../../codegen/stages/openapi-typescript.js';
import { scanDiscriminators } from 'openapi-typescript/dist/lib/utils.mjs';
import { REPO } from '../support/run-cli.js';

const bundled = [
  'generated/scale-gp/openapi.yaml',
  'generated/launchdarkly/openapi.yaml',
  'test/golden/__golden__/posts-v31/openapi.yaml',
  'test/golden/__golden__/toggles-v30/openapi.yaml',
];

describe('types stage', () => {
  it.each(bundled)('%s: same output as openapiTS()', async (file) => {
    const doc = parse(readFileSync(join(REPO, file), 'utf8')) as Record<string, unknown>;
    const ours = await generateTypes(doc, file);
    const reference = astToString(await openapiTS(structuredClone(doc) as unknown as OpenAPI3, { silent: true }));
    expect(ours).toBe(reference);
  });

  it('prints descriptions and values with odd line breaks as astToString does (CRLF, CR, U+2028, U+2029, trailing, leading)', async () => {
    const odd = ['a\r\nb', 'c\rd', 'e\u2028f', 'g\u2029h', 'trailing\n', '\n\nleading', 'plain'];
    const doc = {
      openapi: '3.1.0',
      info: { title: 'x', version: '1', description: odd.join(' | ') },
      paths: {},
      components: {
        schemas: Object.fromEntries(
          odd.map((text, i) => [
            `S${i}`,
            { type: 'object', description: text, properties: { [`p${i}`]: { type: 'string', description: text, enum: [text], default: text } } },
          ]),
        ),
      },
    };
    const reference = astToString(await openapiTS(structuredClone(doc) as unknown as OpenAPI3, { silent: true }));
    expect(await generateTypes(doc, 'odd.json')).toBe(reference);
  });

  it.each([...bundled, 'test/golden/__golden__/media-kinds/openapi.yaml'])('%s: the same output when the JSON text lets walks be skipped', async (file) => {
    const doc = parse(readFileSync(join(REPO, file), 'utf8')) as Record<string, unknown>;
    expect(await generateTypes(structuredClone(doc), file, { json: JSON.stringify(doc) })).toBe(await generateTypes(doc, file));
  });

  it('skips a walk only when the JSON text shows it would change nothing', () => {
    const text = (doc: unknown) => skippedWalks(JSON.stringify(doc));
    expect(text({ a: { description: 'plain', allOf: [{ $ref: '#/x' }] } })).toEqual({ neutralise: true, discriminators: true });
    expect(text({ a: { description: 'see @deprecated' } }).neutralise).toBe(false);
    expect(text({ a: { '@x': 1 } }).neutralise).toBe(false);
    expect(text({ a: { discriminator: { propertyName: 'kind' } } }).discriminators).toBe(false);
    // scanDiscriminators looks an allOf $ref up in a plain object: `constructor` is found there even without a discriminator.
    expect(text({ a: { allOf: [{ $ref: 'constructor' }] } }).discriminators).toBe(false);
    expect(skippedWalks(undefined)).toEqual({ neutralise: false, discriminators: false });
  });

  describe('scanDiscriminators on less of the document (discriminatorScope)', () => {
    // A pet store with discriminators in components: mapped by name, by oneOf, through allOf.
    const pets = () => ({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/pets': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } } } } },
      components: {
        schemas: {
          Pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
          Cat: { type: 'object', properties: { kind: { type: 'string' } } },
          Dog: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { bark: { type: 'boolean' } } }] },
          Base: { type: 'object', discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog' } }, properties: { kind: { type: 'string' } } },
        },
      },
    });
    /** scanDiscriminators on the scope and on the whole document: the same result, the same changes to the document. */
    const same = (make: () => Record<string, unknown>) => {
      const [a, b] = [make(), make()];
      const scoped = scanDiscriminators(discriminatorScope(a) as never, { silent: true });
      const whole = scanDiscriminators(b as never, { silent: true });
      expect(scoped).toEqual(whole);
      expect(a).toEqual(b);
      return { a, whole };
    };

    it('skips parts without a discriminator or an allOf, and gives the same result', () => {
      const doc = pets();
      const scope = discriminatorScope(doc);
      expect(scope.paths).toEqual({});
      expect(scope.components).toBe(doc.components);
      expect(Object.keys(scope)).toEqual(Object.keys(doc));
      const { whole } = same(pets);
      expect(Object.keys(whole.objects as object).length).toBeGreaterThan(1);
    });

    it('keeps a part holding a discriminator or an allOf', () => {
      const withAllOf = () => ({ ...pets(), paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Base' }] } } } } } } } } });
      const doc = withAllOf();
      expect(discriminatorScope(doc).paths).toBe(doc.paths);
      same(withAllOf);
    });

    it('walks the whole document when a mapping points outside components', () => {
      const outside = () => {
        const doc = pets();
        (doc.components.schemas.Pet.discriminator as { mapping: Record<string, string> }).mapping.fish = '#/paths/~1pets/get/responses/200/content/application~1json/schema';
        return doc;
      };
      const doc = outside();
      expect(discriminatorScope(doc)).toBe(doc);
      same(outside);
    });

    it.each(bundled)('%s: the same result', (file) => {
      same(() => parse(readFileSync(join(REPO, file), 'utf8')) as Record<string, unknown>);
    });
  });

  it('does not mutate the document it is given', async () => {
    const doc = parse(readFileSync(join(REPO, bundled[0]!), 'utf8')) as Record<string, unknown>;
    const before = JSON.stringify(doc);
    await generateTypes(doc, bundled[0]!);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('passes → API report', () => {
  // The report of schema.ts is made from the passes' own parse plus a parse of
  // what they appended (reportParts), not from a second parse of the file; the
  // `paths` and `operations` interfaces no pass reads are not parsed at all,
  // their outline (stages/outline.ts) stands in.
  it.each([...bundled, 'test/golden/__golden__/media-kinds/openapi.yaml', 'test/golden/__golden__/json-patch-kinds/openapi.yaml'])(
    '%s: the parse handed over gives the report a fresh parse gives, and the output a full parse gives',
    async (file) => {
      const doc = parse(readFileSync(join(REPO, file), 'utf8')) as Record<string, unknown>;
      let outline: Outline = { interfaces: new Map(), schemas: [] };
      const raw = await generateTypes(doc, file, { inspect: (nodes) => (outline = outlineTypes(nodes)) });
      expect([...outline.interfaces.keys()].sort()).toEqual(['operations', 'paths']);
      expect(outline.schemas.map((s) => s.key)).toEqual(Object.keys((doc.components as { schemas: object }).schemas));
      const processed = runPasses(raw, doc as JsonObject, new Set(), new Map(), outline);
      expect(processed.reportParts?.parts).toHaveLength(2);
      const fromParts = apiReport(new Map([['schema.ts', processed.reportParts!]]));
      expect(fromParts).toBe(apiReport(new Map([['schema.ts', processed.text]])));
      expect(fromParts).toContain('| `components.schemas');
      expect(fromParts).toMatch(/\| `operations[.[]/);
      const full = runPasses(raw, doc as JsonObject);
      expect(processed.text).toBe(full.text);
      expect(processed.facts).toEqual(full.facts);
      expect(processed.warnings).toEqual(full.warnings);
    },
  );

  it('a type name used only inside a skipped interface still keeps readable-aliases off it', () => {
    // openapi-typescript's own output references nothing there that no top-level statement names; the
    // outline's type names keep any such reference counted (here `Widget`, also a schema key).
    const raw = [
      'export interface paths {\n    "/a": {\n        get: Widget;\n    };\n}',
      'export interface components {\n    schemas: {\n        Widget: {\n            x: string;\n        };\n    };\n}',
      'export type $defs = Record<string, never>;\n',
    ].join('\n');
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { Widget: { type: 'object', properties: { x: { type: 'string' } } } } } } as JsonObject;
    const outline: Outline = { interfaces: new Map([['paths', { members: [], typeNames: ['Widget'] }]]), schemas: [] };
    const full = runPasses(raw, doc);
    expect(full.facts.aliases).toEqual({});
    const cut = runPasses(raw, doc, new Set(), new Map(), outline);
    expect(cut.facts.aliases).toEqual({});
    expect(cut.text).toBe(full.text);
  });

  it('parses what a pass reads: an operation whose inline body has bytes keeps its member of `operations` in the parse', async () => {
    const file = 'test/golden/__golden__/media-kinds/openapi.yaml';
    const doc = parse(readFileSync(join(REPO, file), 'utf8')) as JsonObject;
    const reads = [...binaryTypesPass.reads!(doc)];
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => (r.name === 'operations' || r.name === SCHEMA_TYPES) && r.members?.length === 1)).toBe(true);
    expect(reads.some((r) => r.name === 'operations')).toBe(true);
    const plain = parse(readFileSync(join(REPO, 'test/golden/__golden__/toggles-v30/openapi.yaml'), 'utf8')) as JsonObject; // a fixture copy: no bytes anywhere
    expect([...binaryTypesPass.reads!(plain)]).toEqual([]);
  });
});

describe('cutInterfaces', () => {
  const text = [
    'export interface paths {\n    "/a": {\n        get: operations["a"];\n    };\n}',
    'export type webhooks = Record<string, never>;',
    'export interface operations {\n    a: {\n        parameters: never;\n    };\n    /** @description B */\n    "b-c": {\n        requestBody: string;\n    };\n    d?: {\n        parameters: never;\n    };\n}',
    'export type Z = 1;\n',
  ].join('\n');
  const none = new Set<string>();
  /** Putting each cut back where it was gives the text again. */
  const restore = (cut: string, cuts: Array<{ at: number; length: number }>) => {
    let whole = cut;
    let removedBefore = cuts.reduce((n, c) => n + c.length, 0);
    for (const c of [...cuts].reverse()) {
      removedBefore -= c.length;
      whole = whole.slice(0, c.at) + text.substr(c.at + removedBefore, c.length) + whole.slice(c.at);
    }
    return whole;
  };

  it('cuts whole bodies, and says where they were', () => {
    const { text: cut, cuts } = cutInterfaces(text, new Map([['operations', none], ['paths', none]]));
    expect(cut).toBe('export interface paths {\n}\nexport type webhooks = Record<string, never>;\nexport interface operations {\n}\nexport type Z = 1;\n');
    expect(cuts.map((c) => c.name)).toEqual(['paths', 'operations']);
    expect(restore(cut, cuts)).toBe(text);
  });

  it('keeps the members asked for, each with its doc comment', () => {
    const { text: cut, cuts } = cutInterfaces(text, new Map([['operations', new Set(['b-c'])]]));
    expect(cut).toContain('export interface operations {\n    /** @description B */\n    "b-c": {\n        requestBody: string;\n    };\n}\n');
    expect(cut).not.toContain('    a: {');
    expect(cut).not.toContain('    d?: {');
    expect(cuts).toHaveLength(2);
    expect(restore(cut, cuts)).toBe(text);
  });

  describe('schema types', () => {
    const schemasText = [
      'export interface components {',
      '    schemas: {',
      '        /** @description A thing */',
      '        A: {',
      '            /** @description {not a member} */',
      '            x: string;',
      '        };',
      '        B: "a" | "b";',
      '        "c-d": {',
      '            y?: Widget;',
      '        };',
      '        E: {',
      '            z: number;',
      '        } | null;',
      '        Widget: {',
      '            w: string;',
      '        };',
      '    };',
      '    responses: never;',
      '}',
      'export type $defs = Record<string, never>;',
      '',
    ].join('\n');
    const outline = [
      { key: 'A', literal: true, typeNames: [] },
      { key: 'B', literal: false, typeNames: [] },
      { key: 'c-d', literal: true, typeNames: ['Widget'] },
      { key: 'E', literal: false, typeNames: [] },
      { key: 'Widget', literal: true, typeNames: [] },
    ];
    /** Each stand-in given back what it stands for. */
    const restore = (cut: string, cuts: Array<{ at: number; length: number; standIn: number }>) => {
      let whole = '';
      let cursor = 0;
      let shift = 0;
      for (const c of cuts) {
        whole += cut.slice(cursor, c.at) + schemasText.substr(c.at + shift, c.length);
        cursor = c.at + c.standIn;
        shift += c.length - c.standIn;
      }
      return whole + cut.slice(cursor);
    };

    it('puts {} in place of every object type not kept, and says where each was', () => {
      const { text: cut, cuts } = cutInterfaces(schemasText, new Map(), { schemas: outline, kept: new Set(['A']) });
      expect(cut).toContain('        A: {\n            /** @description {not a member} */');
      expect(cut).toContain('        B: "a" | "b";\n        "c-d": {};\n        E: {\n');
      const types = (list: typeof cuts) => list.filter((c) => c.name === SCHEMA_TYPES).map((c) => [c.key, c.standIn]);
      expect(types(cuts)).toEqual([['c-d', 2], ['Widget', 2]]);
      expect(restore(cut, cuts)).toBe(schemasText);
      const all = cutInterfaces(schemasText, new Map(), { schemas: outline, kept: new Set() });
      expect(types(all.cuts).map(([key]) => key)).toEqual(['A', 'c-d', 'Widget']);
      expect(restore(all.text, all.cuts)).toBe(schemasText);
      // A member's doc comment is `/** */` in the parse, kept or not (named-types reads it through PassContext.source).
      expect(cut).toContain('        /** */\n        A: {\n');
      expect(all.text).toContain('        /** */\n        A: {};\n');
    });

    it("cuts nothing when the members in the text are not the outline's", () => {
      expect(cutInterfaces(schemasText, new Map(), { schemas: outline.slice(1), kept: new Set() }).cuts).toEqual([]);
      expect(cutInterfaces(schemasText, new Map(), { schemas: [outline[1]!, outline[0]!, ...outline.slice(2)], kept: new Set() }).cuts).toEqual([]);
    });

    it('a pass reading a schema gets its type; for the others, the outline gives their type names', () => {
      const doc = {
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: {},
        components: { schemas: { A: { type: 'object' }, B: { enum: ['a', 'b'] }, 'c-d': { type: 'object' }, E: { type: 'object' }, Widget: { type: 'object' } } },
      } as JsonObject;
      const full = runPasses(schemasText, doc);
      const cut = runPasses(schemasText, doc, new Set(), new Map(), { interfaces: new Map(), schemas: outline });
      expect(cut.text).toBe(full.text);
      expect(cut.facts).toEqual(full.facts);
      expect(Object.values(full.facts.aliases as object)).not.toContain('Widget');
      // `Widget` names a type inside c-d: with c-d's type cut, only the outline says so.
      const blind = runPasses(schemasText, doc, new Set(), new Map(), { interfaces: new Map(), schemas: outline.map((o) => ({ ...o, typeNames: [] })) });
      expect(Object.values(blind.facts.aliases as object)).toContain('Widget');
    });
  });

  it('leaves whole an interface it cannot find as openapi-typescript prints it, or a member it cannot find', () => {
    expect(cutInterfaces(text, new Map([['components', none]])).cuts).toEqual([]);
    expect(cutInterfaces('export type paths = Record<string, never>;\n', new Map([['paths', none]])).cuts).toEqual([]);
    expect(cutInterfaces(text, new Map([['operations', new Set(['zzz'])]])).cuts).toEqual([]);
  });
});

describe('reportParts', () => {
  const text = `export interface components {\n    schemas: {\n        A: { x: string };\n        B: never;\n    };\n}\n`;
  const sf = new Project({ useInMemoryFileSystem: true }).createSourceFile('/s.ts', text);
  const at = (needle: string) => text.indexOf(needle);
  const parts = (edits: TextEdit[]) => reportParts(sf, schemaMembers(sf), edits, applyEdits(text, edits));

  it('reuses the parse for edits inside a schema type and appended statements', () => {
    const edits = [
      { start: at('x: string'), end: at('x: string') + 9, text: 'x: true' },
      { start: text.length, end: text.length, text: 'export type A = components["schemas"]["A"];\n' },
    ];
    const reused = parts(edits);
    expect(reused).toHaveLength(2);
    expect(apiReport(new Map([['s.ts', reused!]]))).toBe(apiReport(new Map([['s.ts', applyEdits(text, edits)]])));
  });

  it.each([
    ['renames a schema', { start: at('A:'), end: at('A:') + 1, text: 'C' }],
    ['turns a type into never', { start: at('{ x'), end: at('};\n        B') + 1, text: 'never' }],
    ['edits a never type', { start: at('never'), end: at('never') + 5, text: 'string' }],
    ['inserts mid-file, outside a schema type', { start: 0, end: 0, text: 'export type Z = 1;\n' }],
  ])('falls back to a fresh parse when an edit %s', (_, edit) => {
    expect(parts([edit])).toBeUndefined();
  });
});
