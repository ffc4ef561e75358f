/**
 * The package as a consumer gets it: build, `npm pack`, `npm install <tarball>` into a fresh project
 * outside the repo, then compile a strict consumer with this repo's TypeScript (nodenext and bundler
 * resolution, plus a CommonJS file), run the output with Node against the Prism mock of the Scale GP
 * spec, and bundle the Scale GP subpath with esbuild to show that LaunchDarkly stays out.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureBundles } from '../support/bundle-size.mjs';
import { clientFactory, configApis } from '../support/config-apis.js';
import { startMockServer, type MockServer } from '../support/mock-server.js';
import { buildAndPack, formatRun, npm, npmEnvOutsideRepo, repoRoot, run, type PackedPackage } from './pack.js';

const tsc = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'tsc.cmd' : 'tsc');
const repoPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const pkgName = repoPackage.name;

/** Build-time tools that must never reach a consumer's node_modules. */
const BUILD_TOOLS = ['typescript', 'openapi-typescript', 'ts-morph', 'yaml', 'vitest', 'esbuild', 'tsx', '@stoplight/prism-cli', 'publint', '@arethetypeswrong/cli'];

/**
 * The ESM consumer. `__BASE_URL__` is replaced by the mock's URL. Every `@ts-expect-error` line must
 * be an error (TS2578 otherwise), and `Equal<…> = true` fails unless the data is exactly the alias.
 */
const CONSUMER_ESM = String.raw`
import {
  createScaleGpApiClient,
  createScaleGpClient,
  updateApplicationSpec,
  isOk,
  type ApplicationSpecResponse,
  type PartialApplicationSpecRequest,
  type RestorablePartialApplicationSpecRequest,
  type RestoreRequest,
  type ScaleGpClient,
  type UpdateApplicationSpecArgs,
} from '${pkgName}/scale-gp';
import { ApiError, UnprocessableEntityError } from '${pkgName}/runtime';
import { createScaleGpFake, FakeError } from '${pkgName}/scale-gp/testing';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const baseUrl = __BASE_URL__;
const apiKey = 'test-key';

// The corrected union: restore is a boolean discriminator, not the strings "True"/"False".
export const accepted: RestorablePartialApplicationSpecRequest[] = [{ name: 'x' }, { restore: false, description: 'd' }, { restore: true }];
export const restoreIsBoolean: Equal<NonNullable<PartialApplicationSpecRequest['restore']> | RestoreRequest['restore'], boolean> = true;
// @ts-expect-error restoring takes no other field
export const rejectedRestoreWithName: RestorablePartialApplicationSpecRequest = { restore: true, name: 'x' };
// @ts-expect-error restore is a boolean, not the spec's mapping key "True"
export const rejectedStringRestore: RestorablePartialApplicationSpecRequest = { restore: 'True' };
// @ts-expect-error no such field
export const rejectedTypo: RestorablePartialApplicationSpecRequest = { nme: 'x' };
// @ts-expect-error the same rules apply to the body of the operation's argument
export const rejectedArgs: UpdateApplicationSpecArgs = { application_spec_id: 'a', body: { restore: true, name: 'x' } };

// The fake's handlers answer the body the spec declares for the status.
// @ts-expect-error a 200 of updateApplicationSpec is an ApplicationSpecResponse
export const rejectedFakeBody = createScaleGpFake({ updateApplicationSpec: () => ({ status: 200, body: { id: 'x' } }) });

/** A test of code that calls Scale GP, written with the fake (no mock server, no network). */
async function withTheFake(): Promise<{ id: string; recorded: unknown; unhandled: string | undefined }> {
  const fake = createScaleGpFake({
    updateApplicationSpec: ({ application_spec_id }, { reply }) =>
      reply(200, { id: application_spec_id, name: 'From the fake', description: '', run_online_evaluation: false, created_at: '2024-01-01T00:00:00Z', account_id: 'a' }),
  });
  const sgp = createScaleGpClient({ apiKey: 'test', fetch: fake.fetch, throwOnError: true });
  const { data } = await sgp.updateApplicationSpec({ application_spec_id: 'spec_fake', body: { name: 'x' } });
  let unhandled: string | undefined;
  try {
    await createScaleGpClient({ apiKey: 'test', fetch: createScaleGpFake().fetch }).updateApplicationSpec({ application_spec_id: 's', body: { restore: true } });
  } catch (e) {
    if (e instanceof FakeError) unhandled = e.route;
  }
  return { id: data.id, recorded: fake.calls.updateApplicationSpec[0]?.body, unhandled };
}

// Client options, type-checked only (never called, so the mock sees no extra request).
export async function clientOptions(sgp: ScaleGpClient<true>): Promise<void> {
  const derived = sgp.withOptions({ timeoutMs: 10_000, logLevel: 'off', headers: { 'User-Agent': null } });
  const { requestId } = await derived.updateApplicationSpec({ application_spec_id: 's', body: { name: 'x' } }, { maxRetries: 0, timeoutMs: 5_000 });
  const requestIdType: Equal<typeof requestId, string | undefined> = true;
  // @ts-expect-error the throwing mode is fixed at creation
  sgp.withOptions({ throwOnError: false });
  // @ts-expect-error not a log level
  sgp.withOptions({ logLevel: 'verbose' });
  void requestIdType;
}

async function main(): Promise<void> {
  // Free functions: a client, and only the operations you import.
  const client = createScaleGpApiClient({ baseUrl, apiKey });
  const result = await updateApplicationSpec(client, { application_spec_id: 'spec_1', body: { name: 'renamed' } });
  if (!isOk(result)) throw new Error('unexpected error: ' + JSON.stringify(result.error));
  const renamed = result.data;
  const renamedIsSpec: Equal<typeof renamed, ApplicationSpecResponse> = true;
  // @ts-expect-error not a field of the response (so the data is not any)
  renamed.nme;

  // Bound client in throwing mode: resolves to the success branch, throws ApiError subclasses.
  const sgp = createScaleGpClient({ baseUrl, apiKey, throwOnError: true });
  const { data: restored } = await sgp.updateApplicationSpec({ application_spec_id: 'spec_2', body: { restore: true } });
  const restoredIsSpec: Equal<typeof restored, ApplicationSpecResponse> = true;

  let rejected: { class: string; status: number; sameRuntime: boolean } | undefined;
  try {
    // Deliberately invalid on the wire (name must be a string): the mock answers 422.
    await sgp.updateApplicationSpec({ application_spec_id: 'spec_3', body: { name: 42 } as unknown as { name: string } });
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    rejected = { class: e.constructor.name, status: e.status, sameRuntime: e instanceof UnprocessableEntityError };
  }
  console.log(JSON.stringify({ renamed, restored, rejected, typed: renamedIsSpec && restoredIsSpec, fake: await withTheFake() }));
}

await main();
`;

/** The CommonJS consumer: require() of the ESM package (Node >= 20.19), typed under module nodenext (TS >= 5.8). */
const CONSUMER_CJS = String.raw`
import scaleGp = require('${pkgName}/scale-gp');
import runtime = require('${pkgName}/runtime');

async function main(): Promise<void> {
  const sgp = scaleGp.createScaleGpClient({ baseUrl: __BASE_URL__, apiKey: 'test-key', throwOnError: true });
  const { data } = await sgp.updateApplicationSpec({ application_spec_id: 'spec_cjs', body: { description: 'from require()' } });
  const spec: scaleGp.ApplicationSpecResponse = data;
  console.log(JSON.stringify({ spec, apiError: typeof runtime.ApiError }));
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
`;

/** A Node project on @types/node without the DOM lib, as strict as this repo. */
const TSCONFIG_NODENEXT = {
  compilerOptions: {
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022'],
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    rootDir: 'src',
    outDir: 'out-nodenext',
  },
  files: ['src/consumer.ts', 'src/consumer-cjs.cts'],
};

/** A bundler project (browser globals, no Node types) that also type-checks the package's .d.ts. */
const TSCONFIG_BUNDLER = {
  compilerOptions: {
    module: 'preserve',
    moduleResolution: 'bundler',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: [],
    strict: true,
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    rootDir: 'src',
    outDir: 'out-bundler',
  },
  files: ['src/consumer.ts'],
};

interface ConsumerOutput {
  fake: { id: string; recorded: unknown; unhandled: string | undefined };
  renamed: Record<string, unknown>;
  restored: Record<string, unknown>;
  rejected?: { class: string; status: number; sameRuntime: boolean };
  typed: boolean;
}

/** TypeScript 7, the native port (`typescript@7` on npm): installed in a folder of its own, since the consumer must hold no build tool. */
const TYPESCRIPT_7 = '7.0.2';

let pkg: PackedPackage;
let consumerDir: string;
let ts7Dir: string;
let mock: MockServer;
let installMs = 0;

beforeAll(async () => {
  pkg = await buildAndPack();
  consumerDir = mkdtempSync(join(tmpdir(), 'vendor-api-clients-consumer-'));
  writeFileSync(join(consumerDir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  ts7Dir = mkdtempSync(join(tmpdir(), 'vendor-api-clients-ts7-'));
  writeFileSync(join(ts7Dir, 'package.json'), JSON.stringify({ name: 'ts7', version: '1.0.0', private: true }, null, 2));
  const started = performance.now();
  const [install, installTs7] = await Promise.all([
    run(
      npm,
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', pkg.tarball, `@types/node@${repoPackage.devDependencies['@types/node']}`],
      { cwd: consumerDir, env: npmEnvOutsideRepo() },
    ),
    run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `typescript@${TYPESCRIPT_7}`], { cwd: ts7Dir, env: npmEnvOutsideRepo() }),
  ]);
  installMs = Math.round(performance.now() - started);
  if (install.code !== 0) throw new Error(`npm install of the tarball failed\n${formatRun(install)}`);
  if (installTs7.code !== 0) throw new Error(`npm install typescript@${TYPESCRIPT_7} failed\n${formatRun(installTs7)}`);
  mock = await startMockServer(join(repoRoot, 'generated', 'scale-gp', 'openapi.yaml'));
  console.info(`[package] build+pack ${pkg.buildAndPackMs} ms (0 = reused), consumer install ${installMs} ms, in ${consumerDir}`);
}, 240_000);

afterAll(async () => {
  await mock?.close();
  if (consumerDir) rmSync(consumerDir, { recursive: true, force: true });
  if (ts7Dir) rmSync(ts7Dir, { recursive: true, force: true });
});

/** Every package folder in a node_modules tree, nested ones included, as `name` or `@scope/name`. */
function installedPackages(nodeModules: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const scoped = entry.name.startsWith('@');
      const names = scoped ? readdirSync(join(dir, entry.name)).map(n => `${entry.name}/${n}`) : [entry.name];
      for (const name of names) {
        found.push(name);
        visit(join(dir, name, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return [...new Set(found)].sort();
}

describe('the packed package, installed in a fresh project', () => {
  it('contains the build output and sources, not codegen, tests or specs', () => {
    const files = pkg.files;
    for (const entry of ['dist/generated/scale-gp/index.js', 'dist/generated/scale-gp/index.d.ts', 'dist/generated/launchdarkly/index.d.ts', 'dist/src/index.js', 'dist/src/index.d.ts', 'package.json', 'README.md']) {
      expect(files).toContain(entry);
    }
    const unexpected = files.filter(f => !/^(dist\/(src|generated\/[^/]+)\/[^/]+\.(js|d\.ts)(\.map)?|src\/[^/]+\.ts|generated\/[^/]+\/[^/]+\.ts|package\.json|README\.md)$/.test(f));
    expect(unexpected).toEqual([]);
  });

  it('installs only the runtime dependencies: none of the build-time tools', () => {
    const installed = installedPackages(join(consumerDir, 'node_modules'));
    expect(installed).toContain(pkgName);
    expect(installed).toContain('openapi-fetch');
    const tools = installed.filter(name => name.startsWith('@redocly/') || BUILD_TOOLS.includes(name));
    expect(tools).toEqual([]);
    // msw is an optional peer of the fakes' MSW handlers: never installed for a consumer who did not ask for it.
    expect(installed).not.toContain('msw');
    const manifest = JSON.parse(readFileSync(join(consumerDir, 'node_modules', pkgName, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(manifest.dependencies).toEqual(repoPackage.dependencies);
    expect(Object.keys(repoPackage.dependencies)).toEqual(['openapi-fetch']);
  });

  it('ships the corrected unions, readable aliases and doc comments in the .d.ts', () => {
    const installed = join(consumerDir, 'node_modules', pkgName);
    const dts = (path: string) => readFileSync(join(installed, 'dist', path), 'utf8');
    const schema = dts('generated/scale-gp/schema.d.ts');
    // Boolean discriminator: literal booleans, each under the spec's description, not "True" | "False".
    expect(schema).toMatch(/@description Set to true to restore the entity from the database\.[^/]*\*\/\s*restore\?: false;/);
    expect(schema).toMatch(/@description Set to true to restore the entity from the database\.[^/]*\*\/\s*restore: true;/);
    expect(schema).not.toMatch(/"True"|"False"/);
    // Readable aliases.
    // Named declarations (issue 18): the union and the response under their readable names, the vendor key pointing at them.
    expect(schema).toMatch(/^export type RestorablePartialApplicationSpecRequest = PartialApplicationSpecRequest \| RestoreRequest;$/m);
    expect(schema).toMatch(/^export interface ApplicationSpecResponse \{$/m);
    expect(schema).toMatch(/^\s+egp_api_backend__server__[A-Za-z_]+__ApplicationSpecResponse: ApplicationSpecResponse;$/m);

    // Every doc comment of the generated sources (shipped next to dist/) survives into the .d.ts.
    const normalize = (text: string) => text.replace(/^[ \t]+/gm, '');
    const docComments = (text: string) => text.match(/\/\*\*[\s\S]*?\*\//g) ?? [];
    const generated = pkg.files.filter(f => /^generated\/[^/]+\/[^/]+\.ts$/.test(f));
    expect(generated).toContain('generated/scale-gp/schema.ts');
    let checked = 0;
    for (const source of generated) {
      const declarations = normalize(dts(source.replace(/\.ts$/, '.d.ts')));
      const comments = docComments(readFileSync(join(installed, source), 'utf8'));
      expect(comments.filter(c => !declarations.includes(normalize(c))), `doc comments of ${source} missing from its .d.ts`).toEqual([]);
      checked += comments.length;
    }
    expect(checked).toBeGreaterThan(20);
    expect(dts('generated/scale-gp/operations.d.ts')).toMatch(/Update Application Spec[\s\S]*?\*\/\nexport declare function updateApplicationSpec\(/);
    // Declarations name the operation types as written, never an inferred expansion of them
    // (`import("./schema.js").components…`): tsc misplaces comments inside those, which broke the .d.ts.
    for (const api of ['scale-gp', 'launchdarkly']) expect(dts(`generated/${api}/operations.d.ts`)).not.toContain('import("./schema.js")');
    expect(dts('generated/scale-gp/operations.d.ts')).toContain('export declare const isUpdateApplicationSpecError: $runtime.OperationErrorGuard<paths["/v4/application-specs/{application_spec_id}"]["patch"]>;');
    expect(dts('src/client.d.ts')).toContain('/** Any base URL (a proxy, a mock server); overrides `server` and the api\'s base URL environment variable. */');
  });

  it('compiles a strict consumer under nodenext (ESM + CommonJS) and bundler resolution', async () => {
    const src = join(consumerDir, 'src');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'consumer.ts'), CONSUMER_ESM.replace('__BASE_URL__', JSON.stringify(mock.url)));
    writeFileSync(join(src, 'consumer-cjs.cts'), CONSUMER_CJS.replace('__BASE_URL__', JSON.stringify(mock.url)));
    writeFileSync(join(consumerDir, 'tsconfig.nodenext.json'), JSON.stringify(TSCONFIG_NODENEXT, null, 2));
    writeFileSync(join(consumerDir, 'tsconfig.bundler.json'), JSON.stringify(TSCONFIG_BUNDLER, null, 2));
    const [nodenext, bundler] = await Promise.all(
      ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map(config => run(tsc, ['-p', config, '--strict', '--pretty', 'false'], { cwd: consumerDir })),
    );
    expect(nodenext!.code, `tsc nodenext\n${formatRun(nodenext!)}`).toBe(0);
    expect(bundler!.code, `tsc bundler\n${formatRun(bundler!)}`).toBe(0);
    expect(readFileSync(join(consumerDir, 'out-nodenext', 'consumer-cjs.cjs'), 'utf8')).toContain(`require("${pkgName}/scale-gp")`);
  }, 120_000);

  it('TypeScript 7 (the native compiler, installed beside the consumer) compiles it too and rejects the same misuse', async () => {
    const ts7 = join(ts7Dir, 'node_modules', 'typescript', 'bin', 'tsc');
    expect((await run(ts7, ['-v'], { cwd: consumerDir })).stdout.trim()).toBe(`Version ${TYPESCRIPT_7}`);
    const [nodenext, bundler] = await Promise.all(
      ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map(config => run(ts7, ['-p', config, '--strict', '--noEmit', '--pretty', 'false'], { cwd: consumerDir })),
    );
    expect(nodenext!.code, `tsc 7 nodenext\n${formatRun(nodenext!)}`).toBe(0);
    expect(bundler!.code, `tsc 7 bundler\n${formatRun(bundler!)}`).toBe(0);

    // Without the @ts-expect-error comments, both compilers report errors on exactly those lines.
    const src = join(consumerDir, 'src');
    const consumer = readFileSync(join(src, 'consumer.ts'), 'utf8');
    const expected = consumer.split('\n').flatMap((line, i) => (line.includes('// @ts-expect-error') ? [i + 2] : []));
    writeFileSync(join(src, 'misuse.ts'), consumer.replaceAll('// @ts-expect-error', '//'));
    writeFileSync(join(consumerDir, 'tsconfig.misuse.json'), JSON.stringify({ ...TSCONFIG_NODENEXT, files: ['src/misuse.ts'] }, null, 2));
    const errorLines = (out: string) => [...new Set([...out.matchAll(/^src\/misuse\.ts\((\d+),\d+\): error TS\d+/gm)].map(m => Number(m[1])))].sort((a, b) => a - b);
    const [five, seven] = await Promise.all([tsc, ts7].map(bin => run(bin, ['-p', 'tsconfig.misuse.json', '--noEmit', '--pretty', 'false'], { cwd: consumerDir })));
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(errorLines(five!.stdout), formatRun(five!)).toEqual(expected);
    expect(errorLines(seven!.stdout), formatRun(seven!)).toEqual(expected);
  }, 120_000);

  it('runs with Node against the mock server and gets typed data back', async () => {
    mock.reset();
    const outputs = await Promise.all(
      ['out-nodenext/consumer.js', 'out-bundler/consumer.js'].map(file => run(process.execPath, [file], { cwd: consumerDir, timeoutMs: 30_000 })),
    );
    for (const out of outputs) {
      expect(out.code, formatRun(out)).toBe(0);
      const result = JSON.parse(out.stdout) as ConsumerOutput;
      expect(result.typed).toBe(true);
      for (const spec of [result.renamed, result.restored]) {
        expect(spec).toMatchObject({
          id: expect.any(String),
          name: expect.any(String),
          description: expect.any(String),
          account_id: expect.any(String),
          created_at: expect.any(String),
          run_online_evaluation: expect.any(Boolean),
        });
      }
      // The fake, from its own subpath: answered in-process, recorded, and loud without a handler.
      expect(result.fake).toEqual({ id: 'spec_fake', recorded: { name: 'x' }, unhandled: 'PATCH /v4/application-specs/{application_spec_id}' });
      // One runtime instance behind both subpaths: the vendor's errors are the runtime's classes.
      expect(result.rejected).toEqual({ class: 'UnprocessableEntityError', status: 422, sameRuntime: true });
    }
    // The only request the mock rejected is the deliberately invalid one.
    const violations = mock.violations();
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.filter(v => v.path !== '/v4/application-specs/spec_3')).toEqual([]);
    const paths = mock.requests().map(r => `${r.method} ${r.path} ${r.status}`).sort();
    expect(paths).toEqual(
      [
        'PATCH /v4/application-specs/spec_1 200',
        'PATCH /v4/application-specs/spec_2 200',
        'PATCH /v4/application-specs/spec_3 422',
      ].flatMap(p => [p, p]),
    );
    const sent = mock.requests().find(r => r.path.endsWith('/spec_1'));
    expect(sent?.headers['x-api-key']).toBe('REDACTED'); // present, and redacted by the mock
  }, 60_000);

  // Adding a vendor (docs/adding-a-vendor.md) is complete when its client imports from the package.
  it.each(configApis())('every api of redocly.yaml imports from the installed package: %s', async (api) => {
    const factory = clientFactory(api);
    const probe = `const m = await import('${pkgName}/${api}'); console.log(typeof m.${factory});`;
    const out = await run(process.execPath, ['--input-type=module', '-e', probe], { cwd: consumerDir, timeoutMs: 30_000 });
    expect(out.code, formatRun(out)).toBe(0);
    expect(out.stdout.trim(), `${pkgName}/${api} exports ${factory}`).toBe('function');
  }, 60_000);

  it('works from CommonJS through require() of the ESM build', async () => {
    mock.reset();
    const out = await run(process.execPath, ['out-nodenext/consumer-cjs.cjs'], { cwd: consumerDir, timeoutMs: 30_000 });
    expect(out.code, formatRun(out)).toBe(0);
    const result = JSON.parse(out.stdout) as { spec: Record<string, unknown>; apiError: string };
    expect(result.apiError).toBe('function');
    expect(result.spec).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(mock.violations()).toEqual([]);
    expect(mock.requests().map(r => `${r.method} ${r.path} ${r.status}`)).toEqual(['PATCH /v4/application-specs/spec_cjs 200']);
  }, 60_000);

  it('bundles the Scale GP subpath without any LaunchDarkly code, and a client without its fake', async () => {
    const results = await measureBundles({ resolveDir: consumerDir, packageName: pkgName });
    const scaleGp = results.filter(r => r.id.startsWith('scale-gp-'));
    expect(scaleGp.map(r => r.id)).toContain('scale-gp-free-function');
    for (const bundle of scaleGp) {
      // Not vacuous: the bundle is the Scale GP client, resolved from the installed package.
      expect(bundle.code).toContain('SGP_API_KEY');
      expect(bundle.code).toContain('/v4/application-specs/{application_spec_id}');
      expect(bundle.inputs.map(i => i.path)).toContain(`node_modules/${pkgName}/dist/generated/scale-gp/operations.js`);
      expect(bundle.inputs.map(i => i.path).filter(p => /launchdarkly/i.test(p))).toEqual([]);
      expect(bundle.code).not.toMatch(/launch\s*darkly|app\.launchdarkly\.(com|us)|\/api\/v2\//i);
    }
    // A client carries none of the fake (each api's testing module is its own subpath), not even the runtime's part of it.
    for (const bundle of results.filter(r => r.id !== 'openapi-fetch')) {
      expect(bundle.inputs.map(i => i.path).filter(p => /testing\.js$/.test(p)), bundle.id).toEqual([]);
      expect(bundle.code, bundle.id).not.toMatch(/FakeError|no handler for|dropConnection/);
    }
    // Not vacuous: a bundle of the testing subpath has them.
    const testing = await build({
      stdin: { contents: `export { createScaleGpFake } from '${pkgName}/scale-gp/testing';`, resolveDir: consumerDir, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      metafile: true,
      absWorkingDir: consumerDir,
    });
    expect(Object.keys(testing.metafile.inputs)).toContain(`node_modules/${pkgName}/dist/src/testing.js`);
    expect(testing.outputFiles[0]!.text).toMatch(/no handler for/);
    // The size report is written by `node bench/bundle-size.mjs` (sizes are recorded, not asserted).
    expect(existsSync(join(repoRoot, 'bench', 'bundle-size.md'))).toBe(true);
  }, 60_000);
});
