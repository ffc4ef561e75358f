/**
 * stages/preprocess.ts runs the preprocessors once for lint and bundle. Lint
 * and bundle must then report and produce exactly what Redocly's lintDocument
 * and bundle give when each runs the preprocessors itself.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BaseResolver, bundle, lintDocument, loadConfig, type Document, type NormalizedProblem } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { lintSpec, refsStillHold } from '../../codegen/stages/lint.js';
import { runPreprocessors, withoutPreprocessors, type PreprocessedSpec } from '../../codegen/stages/preprocess.js';
import { FIXTURES, preprocessed, sweep } from '../support/preprocessed.js';
import { corpusConfig, CORPUS, CORPUS_SPECS } from '../support/corpus-config.mjs';
import { REPO, tempDir } from '../support/run-cli.js';

const cases: Array<[string, string]> = [
  ['redocly.yaml', 'scale-gp'],
  ['redocly.yaml', 'launchdarkly'],
  ['test/fixtures/boolean-discriminator/redocly.yaml', 'posts-v31'],
];
if (existsSync(join(CORPUS, CORPUS_SPECS['scale-gp'])) && existsSync(join(CORPUS, CORPUS_SPECS.launchdarkly))) {
  // The full specs through the project's own config (test/support/corpus-config.mjs).
  const full = corpusConfig(tempDir('preprocess-corpus-'));
  cases.push([full, 'scale-gp'], [full, 'launchdarkly']);
}

const summary = (problems: NormalizedProblem[]) =>
  problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''} ${p.message}`);

async function load(configFile: string, api: string) {
  const config = await loadConfig({ configPath: resolve(REPO, configFile) });
  const root = (config.resolvedConfig.apis as Record<string, { root: string }>)[api]!.root;
  const resolver = new BaseResolver();
  const document = (await resolver.resolveDocument(null, resolve(REPO, configFile, '..', root), true)) as Document;
  return { config: config.forAlias(api), document, resolver };
}

describe('preprocessors once for lint and bundle', () => {
  it.each(cases)('%s %s: same problems and same bundle as Redocly running them twice', async (configFile, api) => {
    const reference = await load(configFile, api);
    const copy = { source: reference.document.source, parsed: structuredClone(reference.document.parsed) } as Document;
    const expectedProblems = await lintDocument({ document: reference.document, config: reference.config, externalRefResolver: reference.resolver });
    const expectedBundle = await bundle({ doc: copy, config: reference.config, dereference: false });

    const ours = await load(configFile, api);
    const plain = withoutPreprocessors(ours.config);
    const { problems: preProblems } = await runPreprocessors(ours.document, ours.config, ours.resolver);
    const ourCopy = { source: ours.document.source, parsed: structuredClone(ours.document.parsed) } as Document;
    const problems = [...preProblems, ...(await lintDocument({ document: ours.document, config: plain, externalRefResolver: ours.resolver }))];
    const ourBundle = await bundle({ doc: ourCopy, config: plain, dereference: false });

    expect(summary(problems)).toEqual(summary(expectedProblems));
    expect(ourBundle.bundle.parsed).toEqual(expectedBundle.bundle.parsed);
    expect(summary(ourBundle.problems)).toEqual(summary(expectedBundle.problems.filter((p) => !p.ruleId.startsWith('vendor-quirks/'))));
  }, 60_000);

  it('turns the preprocessors off in a copy only', async () => {
    const { config } = await load('redocly.yaml', 'scale-gp');
    const plain = withoutPreprocessors(config);
    expect(plain.getPreprocessorSettings('vendor-quirks/discriminator-mapping-ref-object', 'oas3_1').severity).toBe('off');
    expect(config.getPreprocessorSettings('vendor-quirks/discriminator-mapping-ref-object', 'oas3_1').severity).not.toBe('off');
    expect(plain.getRuleSettings('struct', 'oas3_1')).toEqual(config.getRuleSettings('struct', 'oas3_1'));
    expect(plain.getDecoratorSettings('vendor-quirks/json-patch-operation', 'oas3_0')).toEqual(config.getDecoratorSettings('vendor-quirks/json-patch-operation', 'oas3_0'));
  });
});

/** What lint says of a spec: its warnings, or the error it throws. */
async function lintOutcome(spec: PreprocessedSpec): Promise<{ warnings?: string[]; error?: string[] }> {
  try {
    return { warnings: await lintSpec(spec) };
  } catch (error) {
    return { error: [(error as Error).message, ...((error as { details?: string[] }).details ?? [])] };
  }
}

describe('refs kept for lint (refsStillHold)', () => {
  it('lint walking with the preprocessors\' refs reports what it reports after resolving again, on every spec', { timeout: 240_000 }, async () => {
    const kept: string[] = [];
    const resolvedAgain: string[] = [];
    for await (const { api, spec } of sweep()) {
      if (!spec.resolvedRefs || !refsStillHold(spec.resolvedRefs, spec.document, spec.json!)) {
        resolvedAgain.push(api);
        continue;
      }
      kept.push(api);
      expect(await lintOutcome(spec), api).toEqual(await lintOutcome({ ...spec, resolvedRefs: undefined }));
    }
    expect(kept).toEqual(expect.arrayContaining(['posts-v31', 'toggles-v30']));
    expect(kept.length).toBeGreaterThan(20);
    // Specs whose bundle differs (refs to other files, refs inlined) resolve again.
    expect(resolvedAgain).toContain('example-ref');
  });

  it('are not kept when a ref no longer leads to the node it resolved to, or a ref was not resolved', async () => {
    const spec = (await preprocessed(join(FIXTURES, 'boolean-discriminator/redocly.yaml'), 'posts-v31'))!;
    const refs = spec.resolvedRefs!;
    expect(refs.size).toBeGreaterThan(0);
    expect(refsStillHold(refs, spec.document, spec.json!)).toBe(true);
    // A preprocessor that puts a copy in place of a schema a ref leads to.
    const schemas = (spec.document.parsed as { components: { schemas: Record<string, unknown> } }).components.schemas;
    const [name, schema] = Object.entries(schemas).find(([key]) => [...refs.values()].some((r) => r.nodePointer === `#/components/schemas/${key}`))!;
    schemas[name] = structuredClone(schema);
    expect(refsStillHold(refs, spec.document, spec.json!)).toBe(false);
    schemas[name] = schema;
    expect(refsStillHold(refs, spec.document, spec.json!)).toBe(true);
    // A `$ref` the preprocessors' walk did not resolve.
    expect(refsStillHold(refs, spec.document, spec.json!.replace(/^\{/, '{"x":{"$ref":"#/components/schemas/Elsewhere"},'))).toBe(false);
  });
});
