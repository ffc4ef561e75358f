/**
 * The maintainer's flow on the vendors' whole published specs, as
 * docs/generating.md ("The vendors' full specs") tells it: in a copy of the
 * repository (a git repository, generated/ as committed), the full specs of
 * ../shared/corpus/ are served on 127.0.0.1 and only the two `sourceUrl`s of
 * redocly.yaml point there; then `specs:pull`,
 * `generate` with the project's own redocly.yaml (and `--check` at once after:
 * the recorded names reproduce the output), a strict compile of the
 * output and of the code blocks of README.md and docs/ (stable names keep them
 * compiling; the `ts full-spec` blocks are checked only here), the
 * contract test on a sample of operations against the Prism mock, and
 * `api-diff` within a PR comment's size. Facts about the full specs are
 * checked on the same output (names, the five boolean restore unions, the
 * API report). Skipped, visibly, when the corpus is absent. Each step's time
 * is printed (`[flow] …`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { CORPUS, CORPUS_SPECS } from '../support/corpus-config.mjs';
import { apiReport } from '../../codegen/stages/api-symbols.js';
import { exampleReply } from '../../codegen/lib/examples.js';
import { operationsOf, type JsonObject } from '../../codegen/lib/openapi.js';
import { main as apiDiff } from '../../codegen/api-diff/cli.js';
import { COMMENT_LIMIT } from '../../codegen/api-diff/render.js';
import { main as specsPull } from '../../codegen/spec-pull/cli.js';
import { gitIn } from '../support/git.js';
import { startMockServer } from '../support/mock-server.js';
import { readmeExampleDiagnostics } from '../support/readme-example.js';
import { REPO, runMain, tempDir, type CliRun } from '../support/run-cli.js';
import { sampleCalls, type ManifestOperation } from '../support/sample-calls.js';

const present = Object.values(CORPUS_SPECS).every((file) => existsSync(join(CORPUS, file)));
if (!present) console.warn(`[flow] skipped: the vendors' full specs are not in ${CORPUS}`);

/** Operations per api called against the mock. */
const SAMPLE = 6;
const APIS = Object.keys(CORPUS_SPECS);

interface Manifest {
  operationCount: number;
  operations: Array<ManifestOperation & { nameFrom: string; vendorOperationId?: string }>;
  booleanDiscriminators: string[];
  client: { factory: string };
}

let dir: string;
const manifest = (api: string, root = dir) => JSON.parse(readFileSync(join(root, 'generated', api, 'manifest.json'), 'utf8')) as Manifest;
let server: Server;
const started = performance.now();
const step = (what: string, since: number) => console.log(`[flow] ${what}: ${((performance.now() - since) / 1000).toFixed(1)} s`);

async function io(run: (argv: string[], io: { cwd: string; stdout: { write(t: string): boolean }; stderr: { write(t: string): boolean } }) => Promise<number>, argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { cwd: dir, stdout: { write: (t) => ((stdout += t), true) }, stderr: { write: (t) => ((stderr += t), true) } });
  return { code, stdout, stderr };
}

/** The repository's files as git sees them (tracked or new, not ignored), copied; node_modules linked. */
function copyRepository(): string {
  const to = tempDir('flow-');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\0');
  for (const file of files.filter((f) => f && existsSync(join(REPO, f)))) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(REPO, file), join(to, file));
  }
  symlinkSync(join(REPO, 'node_modules'), join(to, 'node_modules'));
  gitIn(to, 'init', '--quiet', '--initial-branch=main');
  gitIn(to, 'add', '.');
  gitIn(to, 'commit', '--quiet', '-m', 'as committed');
  return to;
}

/**
 * A type test of every default reply the fakes make from the spec's examples
 * (codegen/lib/examples.ts): each `{ status, body }` as a literal of its
 * operation's declared reply type, so that excess or missing properties fail.
 */
function exampleDefaults(api: string): string {
  const out = join(dir, 'generated', api);
  const document = parse(readFileSync(join(out, 'openapi.yaml'), 'utf8')) as JsonObject;
  const ops = operationsOf(document);
  let text = `import type { paths as ${pascal(api)} } from '../../generated/${api}/schema.js';\n`;
  let count = 0;
  for (const op of ops) {
    const reply = exampleReply(document, op.operation);
    if (!reply) continue;
    count++;
    text += `export const ${pascal(api)}${count}: $testing.FakeResponse<${pascal(api)}[${JSON.stringify(op.path)}][${JSON.stringify(op.method)}]> = ${JSON.stringify(reply)};\n`;
  }
  expect(count, api).toBeGreaterThan(100);
  return text;
}

const pascal = (api: string) => api.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());

describe.skipIf(!present)("the vendors' full specs: pull, generate, compile, call, review", () => {
  beforeAll(async () => {
    const t = performance.now();
    dir = copyRepository();
    server = createServer((req, res) => {
      const file = Object.values(CORPUS_SPECS).find((f) => req.url === `/${f}`);
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(join(CORPUS, file)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Only the sourceUrls change: everything else is the project's redocly.yaml.
    const config = parseDocument(readFileSync(join(dir, 'redocly.yaml'), 'utf8'));
    for (const [api, file] of Object.entries(CORPUS_SPECS)) config.setIn(['apis', api, 'x-codegen', 'sourceUrl'], `http://127.0.0.1:${port}/${file}`);
    writeFileSync(join(dir, 'redocly.yaml'), config.toString());
    step('copy', t);
  }, 60_000);
  afterAll(() => server?.close());

  it('specs:pull replaces both specs with the published ones', async () => {
    const t = performance.now();
    const run = await io(specsPull, []);
    expect(run.code, run.stderr).toBe(0);
    for (const [api, file] of Object.entries(CORPUS_SPECS)) {
      expect(readFileSync(join(dir, 'specs', `${api}.yaml`)).equals(readFileSync(join(CORPUS, file))), api).toBe(true);
    }
    step('specs:pull', t);
  });

  it('generate succeeds with the project redocly.yaml, and keeps every committed wrapper name', async () => {
    const t = performance.now();
    const run = await runMain(['--no-cache'], dir);
    expect(run.code, run.stderr).toBe(0);
    step(`generate (${run.stderr.trim().split('\n').length} stderr lines)`, t);
    for (const api of APIS) {
      const wrappers = (root: string) => new Map(manifest(api, root).operations.map((o) => [`${o.method} ${o.path}`, o.wrapper]));
      const after = wrappers(dir);
      expect(after.size).toBeGreaterThan(100);
      for (const [key, name] of wrappers(REPO)) if (after.has(key)) expect(after.get(key), key).toBe(name);
    }
  }, 300_000);

  it('generate --check passes at once: regenerating from the names just recorded gives the same files', async () => {
    const t = performance.now();
    const run = await runMain(['--check'], dir);
    expect(run.code, run.stderr).toBe(0);
    step('generate --check', t);
  }, 300_000);

  it("keeps the excerpt's schema names: the seed's ApplicationSpecResponse names the same schema, the newcomer is qualified", () => {
    const aliases = (root: string) => (JSON.parse(readFileSync(join(root, 'generated/scale-gp/manifest.json'), 'utf8')) as { aliases: Record<string, string> }).aliases;
    const before = aliases(REPO);
    const after = aliases(dir);
    for (const [name, key] of Object.entries(before)) if (Object.values(after).includes(key)) expect(after[name], name).toBe(key);
    expect(after.ApplicationSpecResponse).toMatch(/application_models_no_gen__ApplicationSpecResponse$/);
    expect(after.ApplicationModelsApplicationSpecResponse).toMatch(/application_models__ApplicationSpecResponse$/);
  });

  it('wraps every operation with a unique, readable name', () => {
    for (const [api, count] of [['scale-gp', 695], ['launchdarkly', 351]] as const) {
      const m = manifest(api);
      expect(m.operationCount).toBe(count);
      const names = m.operations.map((o) => o.wrapper);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z0-9_]*$/);
    }
  });

  it("gives Scale GP's duplicate operationId (POST-V4-/accounts) two distinct names by the documented rule", () => {
    const dupes = manifest('scale-gp').operations.filter((o) => o.vendorOperationId === 'POST-V4-/accounts');
    expect(dupes.map((o) => [o.method, o.path, o.wrapper, o.nameFrom])).toEqual([
      ['POST', '/accounts', 'createAccount', 'summary'],
      ['POST', '/v4/accounts', 'createAnAccountV4', 'summary+path-qualifier'],
    ]);
  });

  it('converts all five boolean restore discriminators', () => {
    const converted = manifest('scale-gp').booleanDiscriminators;
    expect(converted.filter((c) => c.endsWith('restore: false (optional)'))).toHaveLength(5);
    expect(converted).toContain('RestoreRequest.restore: true');
  });

  it("types LaunchDarkly's JSON Patch bodies and leaves Scale GP's partial-object PATCHes as they are", () => {
    // test/corpus/json-patch-full-spec.test.ts checks the types themselves.
    const patches = (api: string) => (manifest(api) as unknown as { jsonPatch?: Array<{ wrapper: string; types?: string }> }).jsonPatch ?? [];
    expect(patches('launchdarkly').filter((p) => p.types)).toHaveLength(27);
    expect(patches('scale-gp')).toEqual([]);
    expect(readFileSync(join(dir, 'generated/scale-gp/operations.ts'), 'utf8')).not.toContain('$runtime.WithBody<');
  });

  // The pipeline lists schema.ts from its ts-morph parse (stages/passes.ts
  // reportParts) rather than parsing the file again: the listing must be the
  // one a fresh parse of the written files gives.
  it('writes the API report a fresh parse of the generated files gives', () => {
    for (const api of APIS) {
      const out = join(dir, 'generated', api);
      const files = new Map(['schema.ts', 'operations.ts', 'index.ts', 'testing.ts'].map((f) => [f, readFileSync(join(out, f), 'utf8')]));
      const written = readFileSync(join(out, 'api-report.md'), 'utf8');
      expect(written.endsWith(apiReport(files, { title: `Public API: ${api}` })), api).toBe(true);
    }
  });

  it("the output (the fakes included), the code blocks of README.md and docs/, the full restore union and the fakes' example defaults compile under --strict (one program)", () => {
    const t = performance.now();
    const typeTest = join(dir, 'test/.tmp/restore.type-test.ts');
    mkdirSync(dirname(typeTest), { recursive: true });
    writeFileSync(
      typeTest,
      `import type { components } from '../../generated/scale-gp/schema.js';
type Body = components['schemas']['RestorablePartialApplicationSpecRequest'];
const accept = (body: Body) => body;
accept({ name: 'x' });
accept({ restore: false, description: 'd' });
accept({ restore: true });
// @ts-expect-error restore requests carry nothing else
accept({ restore: true, name: 'x' });
// @ts-expect-error a boolean, not the mapping key
accept({ restore: 'True' });
// @ts-expect-error unknown property
accept({ nme: 'x' });
export {};
`,
    );
    const examplesTest = join(dir, 'test/.tmp/examples.type-test.ts');
    const defaults = APIS.map((api) => exampleDefaults(api)).join('');
    writeFileSync(examplesTest, `import type * as $testing from '../../src/testing.js';\n${defaults}export {};\n`);
    const { diagnostics } = readmeExampleDiagnostics(
      dir,
      [typeTest, examplesTest, ...APIS.flatMap((api) => ['index.ts', 'testing.ts'].map((file) => join(dir, 'generated', api, file)))],
      { fullSpec: true },
    );
    expect(diagnostics.slice(0, 10)).toEqual([]);
    step('tsc', t);
  }, 300_000);

  it(`a sample of ${SAMPLE} operations per api gets 2xx from the Prism mock with zero violations`, async () => {
    const t = performance.now();
    for (const api of APIS) {
      const out = join(dir, 'generated', api);
      const m = manifest(api);
      const calls = sampleCalls(parse(readFileSync(join(out, 'openapi.yaml'), 'utf8')), m.operations, SAMPLE);
      expect(calls).toHaveLength(SAMPLE);
      const mock = await startMockServer(join(out, 'openapi.yaml'));
      try {
        const module = (await import(join(out, 'index.ts'))) as Record<string, (o: object) => Record<string, (args: unknown) => Promise<{ response: Response; error?: unknown }>>>;
        const client = module[m.client.factory]!({ apiKey: 'flow-key', baseUrl: mock.url });
        for (const call of calls) {
          mock.reset();
          const result = await client[call.wrapper]!(call.args);
          expect(mock.violations(), `${api} ${call.key}`).toEqual([]);
          expect(result.response.status, `${api} ${call.key}: ${JSON.stringify(result.error)}`).toBeLessThan(300);
        }
      } finally {
        mock.close();
      }
    }
    step('contract sample', t);
  }, 120_000);

  it(`api-diff against the committed output fits a PR comment (${COMMENT_LIMIT} characters)`, async () => {
    const t = performance.now();
    const run = await io(apiDiff, ['--base', 'HEAD']);
    expect(run.code, run.stderr).toBe(0);
    console.log(`[flow] api-diff: ${run.stdout.length} characters`);
    expect(run.stdout.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(run.stdout).toContain('scale-gp');
    step('api-diff', t);
    step('whole flow', started);
  }, 120_000);
});
