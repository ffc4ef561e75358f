/**
/**
 * The code blocks of README.md and docs/*.md (every ```ts block) compile
 * against the generated package; the README's usage example (its ```ts example
 * block) runs against a stub server, and the test written with the fakes
 * (docs/using-the-clients.md) runs as the tests it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { docBlocks, readmeExampleDiagnostics } from './support/readme-example.js';
import { REPO } from './support/run-cli.js';

it('every ```ts block of README.md and docs/*.md type-checks under --strict', { timeout: 180_000 }, () => {
  const { blocks, diagnostics } = readmeExampleDiagnostics();
  expect(blocks).toBeGreaterThan(1);
  expect(diagnostics).toEqual([]);
});

it('the blocks carry only the tags the checks know (`example`, `full-spec`)', () => {
  const all = docBlocks();
  expect(all.filter((b) => b.file === 'README.md' && b.tags.includes('example'))).toHaveLength(1);
  expect(all.filter((b) => b.file.startsWith('docs/')).length).toBeGreaterThan(0);
  expect(all.filter((b) => b.tags.some((t) => t !== 'example' && t !== 'full-spec')).map((b) => `${b.file}:${b.line}`)).toEqual([]);
});

// The same example run: every request gets an undeclared 404 `{"detail":"not found"}`
// (Scale GP declares only 422 for this operation; LaunchDarkly declares 404).
it('the README example runs against a server answering an undeclared 404', async () => {
  const code = docBlocks().find((b) => b.file === 'README.md' && b.tags.includes('example'))!.code;
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

// The docs' test written with the fakes (docs/using-the-clients.md, "Test your code with the fakes"),
// run as the tests it is: its describe/it, imported while this file is collected, register here.
{
  const code = docBlocks().find((b) => b.file === 'docs/using-the-clients.md' && b.tags.includes('example') && b.code.includes("/testing'"))?.code;
  if (code === undefined) throw new Error('docs/using-the-clients.md: no example imports a fake (vendor-api-clients/<vendor>/testing)');
  const dir = join(REPO, 'test/.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'readme-fakes-example.ts');
  writeFileSync(file, code.replace(/'vendor-api-clients\/(scale-gp|launchdarkly)(\/testing)?'/g, (_m, api: string, testing?: string) => `'../../generated/${api}/${testing ? 'testing' : 'index'}.js'`));
  await import(/* @vite-ignore */ file);
}
