/**
 * stages/types.ts calls openapi-typescript's transform directly (skipping
 * openapiTS()'s second lint + bundle). Its output must be exactly openapiTS()'s
 * for the same bundled document, so the shortcut changes speed, not types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '../../codegen/stages/types.js';
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
