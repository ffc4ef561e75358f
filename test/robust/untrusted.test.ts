/**
 * Untrusted specs (issue 15), the cases a fixture folder cannot hold: special
 * files, symbolic links, a sparse 60 MB file, and remote `$ref`s against a live
 * local server. The static cases are fixtures (test/fixtures/robust/untrusted-*).
 * Every refused run: exit 1, one line naming the spec, the output folder untouched.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureProblems, firstError } from '../support/cli-output.js';
import { generate, redoclyConfig, removeDir, snapshot, writeProject } from '../support/temp-project.js';

process.env.CODEGEN_NO_WORKER = '1';

const SPEC = (extra: string) => `openapi: 3.1.0
info: {title: Untrusted, version: '1'}
paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/X'}
components:
  schemas:
${extra}`;

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A project with `spec.yaml` and an older output tree; `xCodegen` is the api's x-codegen. */
function project(spec: string, files: Record<string, string> = {}, xCodegen?: Record<string, unknown>): string {
  const dir = writeProject({
    'redocly.yaml': redoclyConfig({ api: { root: 'spec.yaml', ...(xCodegen ? { 'x-codegen': xCodegen } : {}) } }),
    'spec.yaml': spec,
    'generated/api/schema.ts': '// an older generation\nexport {};\n',
    ...files,
  });
  dirs.push(dir);
  return dir;
}

async function refused(dir: string, message: RegExp): Promise<void> {
  const before = snapshot(join(dir, 'generated'));
  const run = await generate(dir, ['--no-cache']);
  expect(failureProblems(run, 'spec.yaml'), run.stderr).toEqual([]);
  expect(firstError(run)).toMatch(message);
  expect(snapshot(join(dir, 'generated'))).toEqual(before);
}

describe('local $refs', () => {
  // Was a bug: the root was checked with isFile(), referenced files were not; a FIFO hung the run forever.
  it('a FIFO inside the folder is refused at once, not waited on', async () => {
    const dir = project(SPEC("    X: {$ref: './pipe.yaml'}\n"));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    await refused(dir, /^error: spec\.yaml:\d+:\d+: error no-unresolved-refs: Can't resolve \$ref: refused pipe\.yaml: a FIFO, not a regular file \(ref-not-a-regular-file\) .*\(at #\/[^)]*\)/);
  }, 20_000);

  it('a symbolic link inside the folder that leads outside it is refused', async () => {
    const dir = project(SPEC("    X: {$ref: './link.yaml'}\n"));
    symlinkSync('/etc/hostname', join(dir, 'link.yaml'));
    await refused(dir, /refused link\.yaml: a link to .*etc\/hostname, outside the folders a spec may read .*\(ref-outside-roots\)/);
  });

  it('a device reached through a link is refused (outside the folders)', async () => {
    const dir = project(SPEC("    X: {$ref: './zero.yaml'}\n"));
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    await refused(dir, /refused zero\.yaml: a link to .*dev\/zero.*\(ref-outside-roots\)/);
  });

  it('a symbolic link that stays inside the folder is followed', async () => {
    const dir = project(SPEC("    X: {$ref: './link.yaml'}\n"), { 'schemas/x.yaml': 'type: string\n' });
    symlinkSync(join(dir, 'schemas/x.yaml'), join(dir, 'link.yaml'));
    const run = await generate(dir, ['--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    expect(snapshot(join(dir, 'generated'))['api/schema.ts']).toMatch(/^export type link = string;$/m);
  });

  it('a root named through a linked folder reads its neighbours (folders are taken as named and by real path)', async () => {
    const dir = writeProject({ 'real/spec.yaml': SPEC("    X: {$ref: './x.yaml'}\n"), 'real/x.yaml': 'type: string\n', 'project/.keep': '' });
    dirs.push(dir);
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    writeFileSync(join(dir, 'project/redocly.yaml'), redoclyConfig({ api: { root: '../linked/spec.yaml' } }), { flag: 'w' });
    const run = await generate(join(dir, 'project'), ['--no-cache']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('a 60 MB file is refused by its size before it is read (maxInputBytes, default 32 MB)', async () => {
    const dir = project(SPEC("    X: {$ref: './big.yaml'}\n"));
    writeFileSync(join(dir, 'big.yaml'), '');
    truncateSync(join(dir, 'big.yaml'), 60_000_000); // sparse: no 60 MB on disk
    await refused(dir, /Can't resolve \$ref: big\.yaml: 60000000 bytes, more than the 32000000 bytes a spec may read \(limit maxInputBytes\)/);
  });

  it('a root spec over the limit is refused with its name', async () => {
    const dir = project(SPEC('    X: {type: string}\n'), {}, { limits: { maxInputBytes: 100 } });
    await refused(dir, /^error: spec\.yaml: \d+ bytes, more than the 100 bytes a spec may read \(limit maxInputBytes\); change it in x-codegen\.limits$/);
  });
});

describe('remote $refs (a local server)', () => {
  let server: Server;
  let host: string;
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/x.yaml') res.end('type: string\n');
      else if (req.url === '/redirect.yaml') res.writeHead(302, { location: '/x.yaml' }).end();
      else if (req.url === '/big.yaml') res.end(`type: string\ndescription: "${'x'.repeat(5000)}"\n`);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // Was a bug: the spec made CI send two GETs to any URL (SSRF), and embedded the answer.
  it('is not fetched when x-codegen.remoteRefs does not list the host', async () => {
    requests.length = 0;
    const dir = project(SPEC(`    X: {$ref: 'http://${host}/x.yaml'}\n`));
    await refused(dir, /refused http:\/\/127\.0\.0\.1:\d+\/x\.yaml: a remote \$ref; allow its host in the api's x-codegen\.remoteRefs \(ref-remote-not-allowed\)/);
    expect(requests).toEqual([]);
  });

  it('is fetched when the host is listed', async () => {
    requests.length = 0;
    const dir = project(SPEC(`    X: {$ref: 'http://${host}/x.yaml'}\n`), {}, { remoteRefs: [host] });
    const run = await generate(dir, ['--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    expect(snapshot(join(dir, 'generated'))['api/schema.ts']).toMatch(/^export type x = string;$/m);
    expect(requests.filter((r) => r === '/x.yaml').length).toBeGreaterThan(0);
  });

  it('does not follow a redirect (it could lead to a host that is not listed)', async () => {
    requests.length = 0;
    const dir = project(SPEC(`    X: {$ref: 'http://${host}/redirect.yaml'}\n`), {}, { remoteRefs: [host] });
    await refused(dir, /cannot fetch http:\/\/127\.0\.0\.1:\d+\/redirect\.yaml: request failed \(redirects are not followed\)/);
    expect(requests).not.toContain('/x.yaml');
  });

  it('counts against maxInputBytes', async () => {
    const dir = project(SPEC(`    X: {$ref: 'http://${host}/big.yaml'}\n`), {}, { remoteRefs: [host], limits: { maxInputBytes: 2000 } });
    await refused(dir, /http:\/\/127\.0\.0\.1:\d+\/big\.yaml: more than the 2000 bytes a spec may read \(limit maxInputBytes\)/);
  });
});
