/**
 * Typed JSON Patch bodies over real HTTP: the types are the only thing that
 * changed, so what arrives must be the patch exactly as the caller wrote it
 * (`JSON.stringify` of it, byte for byte: no member added, dropped or
 * reordered, the escape hatch invisible), in the media type the spec names.
 * A local node:http server records the bytes; the wrappers are the seed
 * excerpt's (LaunchDarkly `patchApplication`) and the JSON Patch goldens'.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLaunchDarklyClient, uncheckedPointer, type PatchApplicationPatch } from '../fixtures/seed/generated/launchdarkly/index.js';
import { createJsonPatchKindsClient, type PatchFlagBody, type PatchWidgetPatch } from '../golden/__golden__/json-patch-kinds/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { RecordingServer } from '../support/recording-server.js';

const server = new RecordingServer();
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await server.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const only = () => server.only();

describe('a typed patch reaches the server as written', () => {
  it('LaunchDarkly patchApplication: the JSON Patch document, a test guard and an unchecked pointer included', async () => {
    const ld = createLaunchDarklyClient({ apiKey: 'ld-key', baseUrl, maxRetries: 0 });
    const patch: PatchApplicationPatch = [
      { op: 'test', path: '/_version', value: 3 },
      { op: 'replace', path: '/kind', value: 'mobile' },
      { op: 'add', path: '/description', value: 'Ünïcode "quoted" \u2028 line' },
      { op: 'remove', path: '/description' },
      { op: 'add', path: uncheckedPointer('/beta~1flag'), value: { nested: [1, null, true] } },
    ];
    const { error } = await ld.patchApplication({ applicationKey: 'my app', body: patch });
    expect(error).toBeUndefined();
    const s = only();
    expect([s.method, s.url, s.headers['content-type'], s.headers.authorization]).toEqual(['PATCH', '/api/v2/applications/my%20app', 'application/json', 'ld-key']);
    expect(s.body.equals(Buffer.from(JSON.stringify(patch)))).toBe(true);
  });

  it('a patch inside the body (PatchWithComment): the object with its comment, the patch in it', async () => {
    const client = createJsonPatchKindsClient({ baseUrl, maxRetries: 0 });
    const body: PatchFlagBody = {
      comment: 'turn it on',
      patch: [
        { op: 'replace', path: '/environments/production/on', value: true },
        { op: 'add', path: '/tags/-', value: 'beta' },
        { op: 'move', from: '/tags/0', path: '/tags/1' },
      ],
    };
    await client.patchFlag({ key: 'f', body });
    const s = only();
    expect([s.url, s.headers['content-type']]).toEqual(['/flags/f', 'application/json']);
    expect(s.body.toString()).toBe(JSON.stringify(body));
  });

  it('application/json-patch+json: the same bytes, under the media type the spec names', async () => {
    const client = createJsonPatchKindsClient({ baseUrl, maxRetries: 0 });
    const patch: PatchWidgetPatch = [
      { op: 'test', path: '/id', value: 'w1' },
      { op: 'replace', path: '/size', value: null },
    ];
    await client.patchWidget({ id: 'w1', body: patch });
    const s = only();
    expect(s.headers['content-type']).toBe('application/json-patch+json');
    expect(s.body.toString()).toBe(JSON.stringify(patch));
  });

  it('uncheckedPointer refuses a string that is not a JSON Pointer, before anything is sent', () => {
    expect(() => uncheckedPointer('description')).toThrow(InvalidRequestError);
    expect(uncheckedPointer('')).toBe('');
    expect(uncheckedPointer('/a~1b')).toBe('/a~1b');
  });
});
