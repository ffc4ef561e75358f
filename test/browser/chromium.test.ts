/**
 * The runtime in a real browser: esbuild bundles test/browser/page.ts for the
 * browser, a page server on 127.0.0.1 serves it, and headless Chromium
 * (Debian's `chromium`) loads it. The page calls the Prism mock of the Scale
 * GP spec cross-origin, through a CORS front like `prism mock`'s own (it
 * answers preflights, reflects the requested headers, and exposes
 * `x-request-id`, which it adds), then posts what it saw back as JSON.
 *
 * No browser driver: Chromium is started with a URL and the page reports by
 * itself, so nothing but Chromium is needed. Skipped when no Chromium is
 * installed, unless REQUIRE_BROWSER=1 (set by .ci/run, which installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, closedPortUrl, listen } from '../support/local-server.js';
import { startMockServer, type MockServer } from '../support/mock-server.js';

const root = join(import.meta.dirname, '..', '..');

function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

const chromium = findChromium();
const required = process.env.REQUIRE_BROWSER === '1';
/** The flags facts.md gives for Debian's chromium: no sandbox (root), no network of its own. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The CORS layer in front of the mock: what a vendor's API (and `prism mock`) does for browsers. */
function corsFront(target: string, seen: Array<{ url: string; headers: http.IncomingHttpHeaders }>): http.Server {
  return http.createServer(async (req, res) => {
    if (req.method !== 'OPTIONS') seen.push({ url: req.url ?? '', headers: req.headers });
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-expose-headers': 'x-request-id',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': req.headers['access-control-request-method'] ?? 'GET',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '0',
      });
      res.end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'connection') headers.set(name, value);
    const body = await readBody(req);
    const upstream = await fetch(`${target}${req.url}`, { method: req.method ?? 'GET', headers, body: body.length ? new Uint8Array(body) : null });
    const out: Record<string, string> = { ...cors, 'x-request-id': 'req-browser' };
    upstream.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'transfer-encoding' && name !== 'connection') out[name] = value;
    });
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
}

interface PageOutput {
  results?: Record<string, any>;
  crashed?: string;
}

describe.skipIf(!chromium && !required)('in headless Chromium against the Prism mock', () => {
  let mock: MockServer;
  let front: http.Server | undefined;
  let pages: http.Server | undefined;
  let browser: ChildProcess | undefined;
  let profile: string | undefined;
  let output: PageOutput;
  /** What reached the front, unredacted (the mock redacts anything named like a key). */
  const seen: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];

  beforeAll(async () => {
    if (!chromium) throw new Error('REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium, or set CHROMIUM_PATH)');
    const bundle = await build({
      entryPoints: [join(root, 'test', 'browser', 'page.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const script = bundle.outputFiles[0]!.text;

    mock = await startMockServer(join(root, 'test', 'fixtures', 'seed', 'generated', 'scale-gp', 'openapi.yaml'));
    front = corsFront(mock.url, seen);
    const apiUrl = await listen(front);

    const deadUrl = await closedPortUrl();

    let deliver!: (o: PageOutput) => void;
    const reported = new Promise<PageOutput>((resolve) => (deliver = resolve));
    pages = http.createServer(async (req, res) => {
      if (req.method === 'POST' && req.url === '/result') {
        deliver(JSON.parse((await readBody(req)).toString('utf8')) as PageOutput);
        res.writeHead(204).end();
      } else if (req.url === '/page.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      } else if (req.url?.startsWith('/?')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>vendor-api-clients</title><script type="module" src="/page.js"></script>');
      } else {
        res.writeHead(404).end();
      }
    });
    const pageUrl = `${await listen(pages)}/?${new URLSearchParams({ api: apiUrl, dead: deadUrl })}`;

    profile = mkdtempSync(join(tmpdir(), 'vendor-api-clients-chromium-'));
    let stderr = '';
    // Its own process group, so the renderer and helper processes end with it.
    browser = spawn(chromium, [...FLAGS, `--user-data-dir=${profile}`, pageUrl], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    browser.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
    const exited = new Promise<never>((_, reject) =>
      browser!.once('exit', (code) => reject(new Error(`chromium exited (${code}) before the page reported\n${stderr}`))),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the page did not report within 60 s\n${stderr}`)), 60_000);
    });
    try {
      output = await Promise.race([reported, exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }, 90_000);

  afterAll(async () => {
    if (browser?.pid !== undefined && browser.exitCode === null) {
      try {
        process.kill(-browser.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await Promise.all([close(front), close(pages), mock?.close()]);
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('runs the bundle with no Node globals', () => {
    expect(output.crashed).toBeUndefined();
    expect(output.results!.nodeGlobals).toEqual([]);
  });

  it('enforces the browser opt-in, with messages that fit the browser', () => {
    const { refused, refusedFree, missingKey } = output.results!;
    for (const e of [refused, refusedFree]) {
      expect(e).toMatchObject({ name: 'BrowserNotAllowedError', browserNotAllowed: true, clientError: true, apiError: false });
      expect(e.message).toMatch(/every visitor of the page can read the key.*dangerouslyAllowBrowser: true/);
    }
    expect(missingKey).toMatchObject({ name: 'MissingApiKeyError', missingKey: true, message: 'EGP API V4: no API key: pass { apiKey }' });
  });

  it('calls succeed cross-origin, with the request id the server exposes', () => {
    const { ok, free, derived, keyed } = output.results!;
    expect(ok).toEqual({ id: 'string', name: 'string', status: 200, requestId: 'req-browser' });
    expect(free).toEqual({ status: 200, hasData: true, error: null });
    expect([derived, keyed]).toEqual([200, 200]);
    const sent = mock.requests();
    const byPath = (id: string) => sent.find((r) => r.path === `/v4/application-specs/${id}`);
    expect(byPath('spec_browser')?.headers).toMatchObject({ 'x-call': 'per-call', 'x-api-key': 'REDACTED' });
    expect(byPath('spec_derived')?.headers['x-derived']).toBe('yes');
    const keyedOnly = (r: (typeof seen)[number]) => r.url.endsWith('/spec_keyed');
    expect(seen.filter(keyedOnly).map((r) => r.headers['idempotency-key'])).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    ]);
    expect(seen.filter((r) => !keyedOnly(r)).map((r) => r.headers['idempotency-key'] ?? null)).toEqual(Array(seen.length - 1).fill(null));
    expect(seen.every((r) => r.headers['x-api-key'] === 'browser-test-key')).toBe(true);
    // The browser's own User-Agent: a page cannot set it, and the runtime does not try.
    expect(byPath('spec_browser')?.headers['user-agent']).toMatch(/Chrome\//);
    expect(mock.violations().filter((v) => v.path !== '/v4/application-specs/spec_browser')).toEqual([]);
  });

  it('errors are the right classes', () => {
    const { invalid, connection, aborted } = output.results!;
    expect(invalid).toMatchObject({ name: 'UnprocessableEntityError', apiError: true, unprocessable: true, status: 422 });
    expect(connection).toMatchObject({ name: 'ApiConnectionError', connection: true, clientError: true, apiError: false });
    expect(aborted).toMatchObject({ name: 'ApiAbortError', abort: true });
  });

  it('runs the fakes: answered in-process, bodies read back (JSON, multipart, form), an unhandled call loud', () => {
    const { fake } = output.results!;
    expect(fake.data).toEqual({ id: 'spec_fake', name: 'faked' });
    expect(fake.calls).toEqual([{ application_spec_id: 'spec_fake', body: { name: 'from the browser' } }]);
    expect(fake.upload).toEqual({ file: ['hello.txt', 'hello'], name: 'n', meta: { source: 'page' }, count: 2, public: true });
    expect(fake.form).toEqual({ name: 'Ada', address: { city: 'Paris' }, tags: ['a', 'b'], subscribed: false });
    expect(fake.unhandled).toMatchObject({ name: 'FakeError', clientError: true, apiError: false });
    expect(fake.unhandled.message).toContain('no handler for updateApplicationSpec (PATCH /v4/application-specs/{application_spec_id})');
    // The fakes sent nothing over the network.
    expect(mock.requests().filter((r) => r.path.endsWith('/spec_fake'))).toEqual([]);
  });

  it('logs through the given logger, without the key', () => {
    const lines = output.results!.logLines as string[];
    expect(lines.filter((l) => l.startsWith('debug '))).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/browser-test-key|x-api-key/i);
  });
});
