/**
 * codegen/lib/yaml.ts writes openapi.yaml without js-yaml's syntax tree; the
 * text must be what Redocly's stringifyYaml (js-yaml `dump`, `noRefs`,
 * `lineWidth: -1`) writes, byte for byte: on every spec the tests hold, and on
 * generated documents with the strings YAML treats specially.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringifyYaml as redocly } from '@redocly/openapi-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { stringifyYaml } from '../../codegen/lib/yaml.js';
import { REPO } from '../support/run-cli.js';

const jsYaml = (doc: unknown) => redocly(doc, { noRefs: true, lineWidth: -1 });

function specsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

describe('openapi.yaml writer (codegen/lib/yaml.ts)', () => {
  it('writes what js-yaml writes for every spec and generated document of the tests, and the full specs', { timeout: 120_000 }, () => {
    const corpus = join(REPO, '../shared/corpus');
    const files = [...specsUnder(join(REPO, 'test/fixtures')), ...specsUnder(join(REPO, 'generated')), ...(existsSync(corpus) ? specsUnder(corpus) : [])];
    let compared = 0;
    for (const file of files) {
      let doc: unknown;
      try {
        const text = readFileSync(file, 'utf8');
        doc = file.endsWith('.json') ? JSON.parse(text) : parse(text);
      } catch {
        continue; // a deliberately broken fixture
      }
      let expected: string;
      try {
        expected = jsYaml(doc);
      } catch {
        continue; // e.g. nesting deeper than js-yaml's stack (the pipeline's limits refuse those first)
      }
      expect(stringifyYaml(doc), file).toBe(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('writes what js-yaml writes for documents of tricky strings, numbers, nesting and empty collections', () => {
    const pieces = ['a', 'Z', '0', '1', '-', '?', ':', '#', ' ', '  ', '\n', '\n\n', "'", '"', '\t', '\\', '|', '>', '[', '{', '&', '*', '!', '%', '@', '`', ',', '.', '~', '=', '<<', 'true', 'null', 'no', 'ON', '0x1F', '1e3', '.inf', '2024-01-01', '…', 'é', '\u00A0', '\u2028', '\uFEFF', '🚒', '---', '...', '\r'];
    const str = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
    const leaf = fc.oneof(str, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(str, tie('tree'), { maxKeys: 4 })),
    }));
    fc.assert(
      fc.property(fc.dictionary(str, tree, { minKeys: 1, maxKeys: 5 }), (doc) => {
        expect(stringifyYaml(doc)).toBe(jsYaml(doc));
      }),
      { numRuns: Number(process.env.YAML_RUNS ?? 2000) },
    );
  });
});
