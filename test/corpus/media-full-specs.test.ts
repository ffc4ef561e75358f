/**
 * The three vendor operations that lost their bodies (issue 16), generated from
 * the vendors' complete public specs (test/fixtures/media/vendors.redocly.yaml
 * keeps just them at bundle time) into a temporary folder and called over real
 * HTTP: Scale GP's `POST /v5/files` and LaunchDarkly's
 * `POST /api/v2/teams/{teamKey}/members` upload a file as multipart, Stripe's
 * `POST /v1/customers` sends a deepObject form. A local server records the
 * bytes; the Prism mock of the bundled excerpt validates them; tsc checks what
 * the types accept. Skipped, visibly, when the corpus is absent.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CORPUS } from '../support/corpus-config.mjs';
import { startMockServer, type MockServer } from '../support/mock-server.js';
import { RecordingServer, type Received } from '../support/recording-server.js';
import { REPO, runMain, tempDir } from '../support/run-cli.js';
import { strictDiagnostics } from '../support/tsc.js';

const present = ['scale-gp.full.openapi.json', 'launchdarkly.full.openapi.json', 'stripe.openapi.yaml'].every((f) => existsSync(join(CORPUS, f)));
if (!present) console.warn(`[media-full-specs] skipped: ${CORPUS} is absent`);

// The generated modules are loaded at run time from the temporary folder.
type AnyClient = Record<string, (args: unknown, options?: unknown) => Promise<{ data?: unknown; error?: unknown; response: Response }>>;

describe.skipIf(!present)('vendor bodies from the full specs', () => {
  let out: string;
  const server = new RecordingServer();
  let baseUrl: string;
  const load = async (api: string) => (await import(join(out, api, 'index.ts'))) as Record<string, (options: unknown) => AnyClient>;

  beforeAll(async () => {
    out = tempDir('media-corpus-');
    const runtime = relative(join(out, 'x'), join(REPO, 'src/index.js')).split('\\').join('/');
    const r = await runMain(
      ['--config', join(REPO, 'test/fixtures/media/vendors.redocly.yaml'), '--out', out, '--quiet', '--no-cache', '--runtime-import', runtime],
      REPO,
    );
    expect(r.code, r.stderr).toBe(0);
    baseUrl = await server.start();
  }, 240_000);
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  const csv = () => new File(['email\nada@example.com\n'], 'members.csv', { type: 'text/csv' });
  const form = (s: Received) => new Response(new Uint8Array(s.body), { headers: { 'content-type': s.headers['content-type']! } }).formData();

  it("Scale GP POST /v5/files: the file arrives as a multipart file part, with the key", async () => {
    const sgp = (await load('scale-gp-files')).createScaleGpClient!({ apiKey: 'sgp-key', baseUrl, maxRetries: 0 });
    const { error } = await sgp.uploadFile!({ body: { file: csv() } });
    expect(error).toBeUndefined();
    const [s] = server.seen;
    expect([s!.method, s!.url, s!.headers['x-api-key']]).toEqual(['POST', '/v5/files', 'sgp-key']);
    expect(s!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(s!.body.toString()).toContain('Content-Disposition: form-data; name="file"; filename="members.csv"\r\nContent-Type: text/csv\r\n\r\nemail\nada@example.com\n\r\n');
    const file = (await form(s!)).get('file') as File;
    expect([file.name, await file.text()]).toEqual(['members.csv', 'email\nada@example.com\n']);
  });

  it('LaunchDarkly POST /api/v2/teams/{teamKey}/members: the CSV arrives as a multipart file part', async () => {
    const ld = (await load('launchdarkly-members')).createLaunchDarklyClient!({ apiKey: 'ld-key', baseUrl, maxRetries: 0 });
    await ld.postTeamMembers!({ teamKey: 'team a', body: { file: csv() } });
    const [s] = server.seen;
    expect([s!.method, s!.url, s!.headers.authorization]).toEqual(['POST', '/api/v2/teams/team%20a/members', 'ld-key']);
    const file = (await form(s!)).get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['members.csv', 'text/csv', 'email\nada@example.com\n']);
  });

  it("Stripe POST /v1/customers: a form, nested objects and arrays in Stripe's deepObject brackets", async () => {
    const stripe = (await load('stripe-customers')).createStripeClient!({ apiKey: 'sk_test_1', baseUrl, maxRetries: 0 });
    await stripe.postCustomers!({
      body: {
        email: 'ada@example.com',
        address: { city: 'Paris', country: 'FR', line1: '1 rue de Rivoli' },
        expand: ['default_source', 'tax'],
        invoice_settings: { custom_fields: [{ name: 'PO', value: '42' }] },
        metadata: { order_id: '6735' },
        balance: -500,
        tax_exempt: 'none',
      },
    });
    const [s] = server.seen;
    expect([s!.url, s!.headers['content-type'], s!.headers.authorization]).toEqual(['/v1/customers', 'application/x-www-form-urlencoded', 'Bearer sk_test_1']);
    expect(s!.body.toString()).toBe(
      'email=ada%40example.com&address[city]=Paris&address[country]=FR&address[line1]=1+rue+de+Rivoli&expand[0]=default_source&expand[1]=tax' +
        '&invoice_settings[custom_fields][0][name]=PO&invoice_settings[custom_fields][0][value]=42&metadata[order_id]=6735&balance=-500&tax_exempt=none',
    );
  });

  it('Stripe POST /v1/files: the file plus deepObject fields, as multipart', async () => {
    const stripe = (await load('stripe-customers')).createStripeClient!({ apiKey: 'sk_test_1', baseUrl, maxRetries: 0 });
    await stripe.postFiles!({ body: { file: new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }), purpose: 'dispute_evidence', file_link_data: { create: true } } });
    const parts = await form(server.seen[0]!);
    expect([parts.has('file'), parts.get('purpose'), parts.has('file_link_data')]).toEqual([true, 'dispute_evidence', false]);
    expect(parts.get('file_link_data[create]')).toBe('true');
  });

  describe('against the Prism mock of the bundled excerpts', () => {
    const mocks: MockServer[] = [];
    afterAll(() => Promise.all(mocks.map((m) => m.close())));
    // The request side is what is checked here: every response becomes an empty 200,
    // because Prism would otherwise load and build examples from Stripe's (recursive,
    // 900 kB) customer schema, which takes minutes.
    const mock = async (api: string) => {
      const doc = parse(readFileSync(join(out, api, 'openapi.yaml'), 'utf8')) as {
        paths: Record<string, Record<string, { responses?: unknown }>>;
        components?: { schemas?: Record<string, unknown> };
      };
      for (const item of Object.values(doc.paths)) for (const op of Object.values(item)) op.responses = { '200': { description: 'ok' } };
      // …and only the schemas the requests still reach (Prism dereferences every one it is given).
      const all = doc.components?.schemas ?? {};
      const kept: Record<string, unknown> = {};
      const reach = (node: unknown): void => {
        for (const m of JSON.stringify(node).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
          if (!(m[1]! in kept) && m[1]! in all) reach((kept[m[1]!] = all[m[1]!]));
        }
      };
      reach(doc.paths);
      if (doc.components) doc.components.schemas = kept;
      const spec = join(out, api, 'requests-only.openapi.json');
      writeFileSync(spec, JSON.stringify(doc));
      const m = await startMockServer(spec);
      mocks.push(m);
      return m;
    };

    it('accepts the uploads and the form', async () => {
      const sgpMock = await mock('scale-gp-files');
      const sgp = (await load('scale-gp-files')).createScaleGpClient!({ apiKey: 'k', baseUrl: sgpMock.url, maxRetries: 0 });
      expect((await sgp.uploadFile!({ body: { file: csv() } })).response.status).toBe(200);
      expect(sgpMock.violations()).toEqual([]);

      const ldMock = await mock('launchdarkly-members');
      const ld = (await load('launchdarkly-members')).createLaunchDarklyClient!({ apiKey: 'k', baseUrl: ldMock.url, maxRetries: 0 });
      expect((await ld.postTeamMembers!({ teamKey: 't', body: { file: csv() } })).response.status).toBe(200);
      expect(ldMock.violations()).toEqual([]);

      const stripeMock = await mock('stripe-customers');
      const stripe = (await load('stripe-customers')).createStripeClient!({ apiKey: 'k', baseUrl: stripeMock.url, maxRetries: 0 });
      const r = await stripe.postCustomers!({ body: { email: 'a@example.com', address: { city: 'Paris', country: 'FR' }, metadata: { k: 'v' } } });
      expect(stripeMock.violations()).toEqual([]);
      expect(r.response.status).toBe(200);
    });

    it('and the mock does check: a JSON body where the spec says form is refused', async () => {
      const stripeMock = mocks.at(-1)!;
      const res = await fetch(`${stripeMock.url}/v1/customers`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: '{"email":"a@example.com"}' });
      expect(res.status).toBe(415);
    });
  });

  it('types: a Blob for the binary field yes, a number or a string no', () => {
    const typeTest = join(out, 'media.type-test.ts');
    writeFileSync(
      typeTest,
      `import { createScaleGpClient } from './scale-gp-files/index.js';
import { createLaunchDarklyClient } from './launchdarkly-members/index.js';
import { createStripeClient } from './stripe-customers/index.js';
const sgp = createScaleGpClient({ apiKey: 'k' });
const ld = createLaunchDarklyClient({ apiKey: 'k' });
const stripe = createStripeClient({ apiKey: 'k' });
void sgp.uploadFile({ body: { file: new Blob(['x']) } });
void sgp.uploadFile({ body: { file: new File(['x'], 'x.csv') } });
// @ts-expect-error a number is not a file
void sgp.uploadFile({ body: { file: 42 } });
// @ts-expect-error a string would be sent as text, not as the file
void sgp.uploadFile({ body: { file: 'x' } });
void ld.postTeamMembers({ teamKey: 't', body: { file: new Blob(['x']) } });
// @ts-expect-error a number is not a file
void ld.postTeamMembers({ teamKey: 't', body: { file: 1 } });
void stripe.postCustomers({ body: { address: { city: 'Paris' }, expand: ['tax'] } });
void stripe.postFiles({ body: { file: new Blob([]), purpose: 'dispute_evidence' } });
// @ts-expect-error a number is not a file
void stripe.postFiles({ body: { file: 42, purpose: 'dispute_evidence' } });
// @ts-expect-error purpose is one of Stripe's values
void stripe.postFiles({ body: { file: new Blob([]), purpose: 'nope' } });
async function pdf(): Promise<Blob> {
  const { data } = await createStripeClient({ apiKey: 'k', throwOnError: true }).getQuotesQuotePdf({ quote: 'q' });
  return data;
}
void pdf;
`,
    );
    expect(strictDiagnostics([typeTest])).toEqual([]);
  }, 120_000);
});
