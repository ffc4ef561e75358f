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
import { applyEdits, runPasses, reportParts, schemaMembers } from '../../codegen/stages/passes.js';
import type { TextEdit } from '../../codegen/passes/pass.js';
import type { JsonObject } from '../../codegen/lib/openapi.js';
import { generateTypes } from '../../codegen/stages/openapi-typescript.js';
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

  it('does not mutate the document it is given', async () => {
    const doc = parse(readFileSync(join(REPO, bundled[0]!), 'utf8')) as Record<string, unknown>;
    const before = JSON.stringify(doc);
    await generateTypes(doc, bundled[0]!);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('passes → API report', () => {
  // The report of schema.ts is made from the passes' own parse plus a parse of
  // what they appended (reportParts), not from a second parse of the file.
  it.each(bundled)('%s: the parse handed over gives the report a fresh parse gives', async (file) => {
    const doc = parse(readFileSync(join(REPO, file), 'utf8')) as Record<string, unknown>;
    const processed = runPasses(await generateTypes(doc, file), doc as JsonObject);
    expect(processed.reportParts).toHaveLength(2);
    const fromParts = apiReport(new Map([['schema.ts', processed.reportParts!]]));
    expect(fromParts).toBe(apiReport(new Map([['schema.ts', processed.text]])));
    expect(fromParts).toContain('| `components.schemas');
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
