/**
 * `specs:pull` against a local node:http server (never the internet), in a
 * temporary copy of the project whose redocly.yaml points each api's
 * x-codegen.sourceUrl at that server. Every failure leaves the old spec
 * byte-identical (same bytes, same inode, same mtime) and writes nothing.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { main } from '../../codegen/spec-pull/cli.js';
import { checkSpec, sha256Bytes } from '../../codegen/spec-pull/pull.js';
import { close, closedPortUrl, listen } from '../support/local-server.js';
import { copyProject, REPO, SEED_SPECS } from '../support/run-cli.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = routes.get(req.url ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  base = await listen(server);
});

afterAll(() => close(server));

// The seed excerpts as the copied project has them (copyProject), not specs/: a pull replaces those.
const scaleGpSpec = readFileSync(join(SEED_SPECS, 'scale-gp.yaml'));
const launchDarklySpec = readFileSync(join(SEED_SPECS, 'launchdarkly.yaml'));

function serve(path: string, body: string | Uint8Array, contentType = 'application/yaml', status = 200): string {
  routes.set(path, (_req, res) => res.writeHead(status, { 'content-type': contentType }).end(body));
  return `${base}${path}`;
}

/** A project copy whose apis pull from the given URLs (undefined: no sourceUrl). */
function project(urls: Record<string, string | undefined>, rootOverrides: Record<string, string> = {}): string {
  const dir = copyProject();
  const doc = parseDocument(readFileSync(join(dir, 'redocly.yaml'), 'utf8'));
  for (const [api, url] of Object.entries(urls)) {
    if (url === undefined) doc.deleteIn(['apis', api, 'x-codegen', 'sourceUrl']);
    else doc.setIn(['apis', api, 'x-codegen', 'sourceUrl'], url);
  }
  for (const [api, root] of Object.entries(rootOverrides)) doc.setIn(['apis', api, 'root'], root);
  writeFileSync(join(dir, 'redocly.yaml'), doc.toString());
  return dir;
}

async function pull(dir: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: dir, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } });
  return { code, stdout, stderr };
}

/** Bytes, inode and mtime of every file under specs/: proof that nothing was written. */
function specsState(dir: string) {
  const specs = join(dir, 'specs');
  return Object.fromEntries(
    readdirSync(specs)
      .sort()
      .map((name) => {
        const st = statSync(join(specs, name));
        return [name, { sha256: sha256Bytes(readFileSync(join(specs, name))), ino: st.ino, mtimeMs: st.mtimeMs }];
      }),
  );
}

let counter = 0;
const unique = (name: string) => `/${++counter}/${name}`;

describe('specs:pull', () => {
  it('leaves an unchanged spec alone: no write (same inode and mtime), the sha256 printed', async () => {
    const dir = project({ 'scale-gp': serve(unique('sgp.yml'), scaleGpSpec), launchdarkly: serve(unique('ld.yaml'), launchDarklySpec) });
    const before = specsState(dir);
    const r = await pull(dir, []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`scale-gp: unchanged specs/scale-gp.yaml (sha256 ${sha256Bytes(scaleGpSpec)})`);
    expect(r.stdout).toContain(`launchdarkly: unchanged specs/launchdarkly.yaml (sha256 ${sha256Bytes(launchDarklySpec)})`);
    expect(r.stdout).not.toContain('next:');
    expect(specsState(dir)).toEqual(before);
  });

  it('replaces a changed spec atomically with the fetched bytes verbatim, printing old and new sha256', async () => {
    const changed = Buffer.from(scaleGpSpec.toString('utf8').replace('version: 0.1.0', 'version: 0.2.0') + '# pulled\n');
    const url = serve(unique('openapi.yml'), changed, 'text/yaml; charset=utf-8');
    const dir = project({ 'scale-gp': url });
    const before = specsState(dir);
    const r = await pull(dir, ['scale-gp']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      [
        `scale-gp: updated specs/scale-gp.yaml from ${url}`,
        `  old sha256 ${sha256Bytes(scaleGpSpec)}`,
        `  new sha256 ${sha256Bytes(changed)}`,
        'next: npm run generate, then npm run api-diff to review what changed',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'specs/scale-gp.yaml')).equals(changed)).toBe(true);
    const after = specsState(dir);
    // a new file renamed into place (new inode), no temporary file left behind, the other api untouched
    expect(after['scale-gp.yaml']!.ino).not.toBe(before['scale-gp.yaml']!.ino);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after['launchdarkly.yaml']).toEqual(before['launchdarkly.yaml']);
    // a second pull of the same bytes writes nothing
    const again = specsState(dir);
    expect((await pull(dir, ['scale-gp'])).stdout).toContain('scale-gp: unchanged');
    expect(specsState(dir)).toEqual(again);
  });

  const failures: Array<[string, (url: string) => void, string[], RegExp]> = [
    ['404', (p) => serve(p, 'no such spec', 'text/plain', 404), [], /: HTTP 404 Not Found$/],
    ['500', (p) => serve(p, 'oops', 'text/plain', 500), [], /: HTTP 500 Internal Server Error$/],
    ['timeout (no response)', (p) => routes.set(p, () => undefined), ['--timeout-ms', '300'], /: timed out after 300 ms$/],
    [
      'timeout (headers, then a stalled body)',
      (p) => routes.set(p, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/yaml' });
        res.write('openapi: 3.1.0\n');
      }),
      ['--timeout-ms', '300'],
      /: timed out after 300 ms$/,
    ],
    ['HTML body', (p) => serve(p, '<!DOCTYPE html><html><body>Sign in</body></html>', 'text/html; charset=utf-8'), [], /: got HTML \(text\/html\), not a YAML or JSON spec$/],
    ['HTML body sent as YAML', (p) => serve(p, '\n<html><body>Sign in</body></html>'), [], /: got HTML \(application\/yaml\), not a YAML or JSON spec$/],
    ['invalid YAML', (p) => serve(p, 'openapi: 3.1.0\ninfo:\n  title: x\n version: 1\n'), [], /: invalid YAML at line 4, column 2: /],
    ['invalid JSON', (p) => serve(p, '{"openapi": "3.1.0", "info": {', 'application/json'), [], /: invalid JSON at line 1, column \d+: /],
    ['duplicate keys (Redocly refuses them)', (p) => serve(p, '{"openapi": "3.1.0", "openapi": "3.1.0"}', 'application/json'), [], /: invalid JSON at line 1, column \d+: duplicated mapping key$/],
    ['empty body', (p) => serve(p, ''), [], /: the body is empty$/],
    ['not UTF-8', (p) => serve(p, Buffer.from([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0x0a])), [], /: the body is not UTF-8 text$/],
    ['a YAML scalar', (p) => serve(p, 'just some text\n'), [], /: not an OpenAPI document \(the body is a string, not a mapping\)$/],
    ['Swagger 2.0', (p) => serve(p, 'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n'), [], /: not OpenAPI 3\.x: Swagger 2\.0 is not supported$/],
    ['OpenAPI 4', (p) => serve(p, 'openapi: 4.0.0\n'), [], /: not OpenAPI 3\.0\/3\.1\/3\.2 \(openapi: "4\.0\.0"\)$/],
    ['no openapi field', (p) => serve(p, 'info: {title: x}\n'), [], /: not an OpenAPI document \(no "openapi" field\)$/],
  ];

  it.each(failures)('%s: one line naming the api and URL, exit 1, the old spec byte-identical', async (_name, setup, extra, reason) => {
    const path = unique('spec');
    setup(path);
    const url = `${base}${path}`;
    const dir = project({ 'scale-gp': url });
    const before = specsState(dir);
    const r = await pull(dir, ['scale-gp', ...extra]);
    expect(r.code).toBe(1);
    const [line, ...rest] = r.stderr.trimEnd().split('\n');
    expect(line).toMatch(new RegExp(`^error: scale-gp: ${url.replace(/[.]/g, '\\.')}: `));
    expect(line).toMatch(reason);
    expect(rest).toEqual(['nothing written (1 of 1 apis failed)']);
    expect(r.stdout).toBe('');
    expect(specsState(dir)).toEqual(before);
  });

  it('an OpenAPI 3.2 source is accepted like 3.0/3.1 (the pipeline generates 3.2)', async () => {
    const spec32 = Buffer.from('openapi: 3.2.0\ninfo: {title: x, version: "1"}\npaths: {}\n');
    const dir = project({ 'scale-gp': serve(unique('openapi.yml'), spec32, 'text/yaml') });
    const r = await pull(dir, ['scale-gp']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'specs/scale-gp.yaml')).equals(spec32)).toBe(true);
  });

  it('connection refused: one line, exit 1, nothing written', async () => {
    const url = `${await closedPortUrl()}/spec.yaml`;
    const dir = project({ 'scale-gp': url });
    const before = specsState(dir);
    const r = await pull(dir, ['scale-gp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: scale-gp: ${url}: request failed: ECONNREFUSED\n`);
    expect(specsState(dir)).toEqual(before);
  });

  it('an api without sourceUrl, named, is an error naming it (and where to set it)', async () => {
    const dir = project({ 'scale-gp': undefined });
    const before = specsState(dir);
    const r = await pull(dir, ['scale-gp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: scale-gp: no sourceUrl (set apis.scale-gp.x-codegen.sourceUrl in the config)\nnothing written (1 of 1 apis failed)\n');
    expect(specsState(dir)).toEqual(before);
  });

  it('an api without sourceUrl, not named, is skipped with a note and the others are pulled', async () => {
    const changed = Buffer.from(`${launchDarklySpec.toString('utf8')}# changed\n`);
    const dir = project({ 'scale-gp': undefined, launchdarkly: serve(unique('ld.yaml'), changed) });
    const before = specsState(dir);
    const r = await pull(dir, []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^scale-gp: skipped, no sourceUrl \(set apis\.scale-gp\.x-codegen\.sourceUrl in redocly\.yaml to pull it\)\nlaunchdarkly: updated specs\/launchdarkly\.yaml /);
    expect(readFileSync(join(dir, 'specs/launchdarkly.yaml')).equals(changed)).toBe(true);
    expect(specsState(dir)['scale-gp.yaml']).toEqual(before['scale-gp.yaml']);
  });

  it('is all or nothing: one failing api means the other, changed one, is not written either', async () => {
    const changed = Buffer.from(`${launchDarklySpec.toString('utf8')}# changed\n`);
    const dir = project({ 'scale-gp': serve(unique('missing'), 'gone', 'text/plain', 404), launchdarkly: serve(unique('ld'), changed) });
    const before = specsState(dir);
    const r = await pull(dir, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: scale-gp: .*: HTTP 404 Not Found\nnothing written \(1 of 2 apis failed\)\n$/);
    expect(specsState(dir)).toEqual(before);
  });

  it('a JSON source for a .yaml root is written verbatim (JSON is YAML 1.2), with a note', async () => {
    const json = `${JSON.stringify({ openapi: '3.0.3', info: { title: 'LD', version: '2.0' }, paths: {} }, null, 2)}\n`;
    const url = serve(unique('openapi.json'), json, 'application/json');
    const dir = project({ launchdarkly: url });
    const r = await pull(dir, ['launchdarkly']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'specs/launchdarkly.yaml'), 'utf8')).toBe(json);
    expect(r.stdout).toContain('note: the source is JSON; written verbatim to specs/launchdarkly.yaml (JSON is YAML 1.2, and Redocly reads it as such)');
  });

  it('a YAML source for a .json root is refused; a JSON source for it is fine', async () => {
    const dir = project({ launchdarkly: serve(unique('ld.yaml'), launchDarklySpec) }, { launchdarkly: 'specs/launchdarkly.json' });
    writeFileSync(join(dir, 'specs/launchdarkly.json'), '{"openapi": "3.1.0"}\n');
    const before = specsState(dir);
    const r = await pull(dir, ['launchdarkly']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(': the source is YAML but the root is a .json file (point the root at a .yaml file)\n');
    expect(specsState(dir)).toEqual(before);

    const json = '{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}';
    expect(checkSpec(Buffer.from(json), 'application/json', '/x/spec.json')).toEqual({ format: 'json', openapi: '3.1.0' });
  });

  it('usage errors exit 2; unknown apis and a missing config exit 1 with one line', async () => {
    const dir = project({});
    expect((await pull(dir, ['--timeout-ms', 'soon'])).code).toBe(2);
    expect((await pull(dir, ['--bogus'])).code).toBe(2);
    const unknown = await pull(dir, ['nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: redocly.yaml: unknown api "nope" (known: scale-gp, launchdarkly)\n');
    const missing = await pull(dir, ['--config', 'other.yaml']);
    expect(missing.stderr).toBe('error: other.yaml: config file not found\n');
    expect((await pull(dir, ['--help'])).stdout).toContain('usage: specs:pull');
  });

  it('runs as `npm run specs:pull` does (a separate tsx process): exit codes and output', async () => {
    const changed = Buffer.from(`${scaleGpSpec.toString('utf8')}# process\n`);
    const dir = project({ 'scale-gp': serve(unique('p.yaml'), changed), launchdarkly: serve(unique('gone'), 'x', 'text/plain', 404) });
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        // async spawn: spawnSync would block this process's event loop, and with it the test server
        const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(REPO, 'codegen/spec-pull/cli.ts'), ...args], { cwd: dir });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const failed = await run([]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: launchdarkly: http:\/\/127\.0\.0\.1:\d+\/\d+\/gone: HTTP 404 Not Found\n/);
    const ok = await run(['scale-gp']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`  new sha256 ${sha256Bytes(changed)}`);
    expect(readFileSync(join(dir, 'specs/scale-gp.yaml')).equals(changed)).toBe(true);
  });
});
