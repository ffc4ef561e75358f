/** The README's usage example (```ts example blocks) compiles against the generated package. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it, vi } from 'vitest';
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

// The same example run: every request gets an undeclared 404 `{"detail":"not found"}`
// (Scale GP declares only 422 for this operation; LaunchDarkly declares 404).
it('the README example runs against a server answering an undeclared 404', async () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const code = [...readme.matchAll(/```ts example\n([\s\S]*?)```/g)].map((m) => m[1]!)[0]!;
  const dir = join(REPO, 'test/.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'readme-example-run.ts');
  writeFileSync(
    file,
    code
      .replace("'vendor-api-clients/scale-gp'", "'../../generated/scale-gp/index.js'")
      .replace("'vendor-api-clients/launchdarkly'", "'../../generated/launchdarkly/index.js'") + '\nexport {};\n',
  );
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    requests.push(`${request.method} ${request.url}`);
    return new Response(JSON.stringify({ detail: 'not found' }), { status: 404, headers: { 'content-type': 'application/json' } });
  });
  vi.stubEnv('SGP_API_KEY', 'sgp-test-key');
  vi.stubEnv('LAUNCHDARKLY_API_KEY', 'ld-test-key');
  const errors: unknown[][] = [];
  const logs: unknown[][] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args));
  try {
    await import(/* @vite-ignore */ `${file}?t=${Date.now()}`);
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  }
  expect(requests).toEqual([
    'PATCH https://api.egp.scale.com/v4/application-specs/spec_123',
    'PATCH https://app.launchdarkly.us/api/v2/applications/my-app',
  ]);
  expect(logs).toEqual([]);
  // Scale GP: not the declared 422, so the undeclared branch; LaunchDarkly: its declared 404 (no `message` in this body).
  expect(errors).toEqual([['HTTP 404', { detail: 'not found' }], [undefined]]);
});
