import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO } from './run-cli.js';

/**
 * Type-checks the README's ```ts example blocks under --strict against the
 * package's subpaths in `root` (a checkout: its generated/ and src/), as a
 * consumer imports them, together with `extraFiles` (more type tests on the
 * same program: one compile). Returns the blocks found and the diagnostics.
 */
export function readmeExampleDiagnostics(root = REPO, extraFiles: string[] = []): { blocks: number; diagnostics: string[] } {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts example\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const dir = join(root, 'test/.tmp');
  mkdirSync(dir, { recursive: true });
  const files = blocks.map((code, i) => {
    const file = join(dir, `readme-example-${i}.ts`);
    writeFileSync(file, `${code}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram([...files, ...extraFiles], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(REPO, 'node_modules/@types')],
    // The package's subpaths, as consumers import them.
    baseUrl: root,
    paths: {
      'vendor-api-clients/scale-gp': ['generated/scale-gp/index.ts'],
      'vendor-api-clients/scale-gp/testing': ['generated/scale-gp/testing.ts'],
      'vendor-api-clients/launchdarkly': ['generated/launchdarkly/index.ts'],
      'vendor-api-clients/launchdarkly/testing': ['generated/launchdarkly/testing.ts'],
      'vendor-api-clients/runtime': ['src/index.ts'],
    },
    allowImportingTsExtensions: false,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return { blocks: blocks.length, diagnostics };
}
