/** The README's usage example (```ts example blocks) compiles against the generated package. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { REPO } from './support/run-cli.js';

it('README examples type-check under --strict', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts example\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThan(0);
  const dir = join(REPO, 'test/.tmp');
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((code, i) => {
    const file = join(dir, `readme-example-${i}.ts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: ['node'],
    // The package's subpaths, as consumers import them.
    baseUrl: REPO,
    paths: {
      'vendor-api-clients/scale-gp': ['generated/scale-gp/index.ts'],
      'vendor-api-clients/launchdarkly': ['generated/launchdarkly/index.ts'],
      'vendor-api-clients/runtime': ['src/index.ts'],
    },
    allowImportingTsExtensions: false,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(diagnostics).toEqual([]);
});
