/**
 * The hardest documents of bench/oas-corpus/ (public specs from other projects),
 * as `npm run corpus` runs them, in-process: each generates a client that
 * compiles under tsc --strict, or is refused with a clean one-line error.
 * Each row was a failure class once (exit 0 with output that did not
 * compile, or refused for a cosmetic finding); the whole corpus runs with
 * `npm run corpus`.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify, compileAll, generateOne, readSources, type Outcome, type Row } from '../support/oas-corpus.js';

process.env.CODEGEN_NO_WORKER = '1';

/** [document, profile, outcome, what the first error line must match (refused)] */
const CASES: Array<[string, 'minimal' | 'recommended', Outcome, RegExp?]> = [
  // deep $refs into operations (TS2339 before hoist-deep-refs)
  ['openapi-ts/specs/3.1.x/ref-deep.yaml', 'minimal', 'ok'],
  ['openapi-ts/specs/json-schema-ref-parser/openapi-paths-ref.json', 'minimal', 'ok'],
  // a schema keyed `object` (TS2457 before the readable-aliases fix)
  ['redocly-cli/tests/e2e/bundle/oas3_1-pattern-porperties/test.yaml', 'minimal', 'ok'],
  // OpenAPI 3.2 with the OAuth device flow (Redocly 2.64 threw on it)
  ['redocly-cli/tests/e2e/generate-client/fixtures/oas3.2.yaml', 'recommended', 'ok'],
  // `operationId` inside responses, no security: cosmetic under the recommended profile, refused under minimal
  ['openapi-typescript/packages/openapi-fetch/test/common/schemas/common.yaml', 'recommended', 'ok'],
  ['openapi-typescript/packages/openapi-fetch/test/common/schemas/common.yaml', 'minimal', 'refused', /error struct: Property `operationId` is not expected here/],
  // `info.version: 1` (a number) and a multi-file document
  ['openapi-ts/specs/3.0.x/body-binary-format.yaml', 'recommended', 'ok'],
  ['redocly-cli/resources/cafe-split/cafe.yaml', 'minimal', 'ok'],
  // a $ref cycle with no schema in it
  ['openapi-ts/specs/3.1.x/validators-circular-ref.json', 'minimal', 'refused', /cannot resolve the spec's \$refs: Self-referencing circular pointer/],
];

const work = join(tmpdir(), `public-corpus-test-${process.pid}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the hardest documents of bench/oas-corpus/', () => {
  const rows: Row[] = [];
  beforeAll(async () => {
    const sources = readSources();
    const outputs = new Map<number, string>();
    for (const [i, [doc, profile]] of CASES.entries()) {
      const source = sources.find((s) => s.doc === doc);
      if (!source) throw new Error(`${doc} is not in bench/oas-corpus/sources.json`);
      const generated = await generateOne(work, profile, i, source);
      rows.push(classify(source, generated));
      if (generated.output) outputs.set(i, generated.output);
    }
    compileAll(rows, outputs);
  }, 240_000);

  for (const [i, [doc, profile, outcome, message]] of CASES.entries()) {
    it(`${doc} under ${profile}: ${outcome}`, () => {
      const row = rows[i]!;
      expect({ outcome: row.outcome, detail: row.outcome === outcome ? '' : row.detail }).toEqual({ outcome, detail: '' });
      if (message) expect(row.detail).toMatch(message);
    });
  }
});
