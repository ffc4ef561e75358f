/**
 * Typed JSON Patch on LaunchDarkly's complete public spec (../shared/corpus/),
 * through the project's own redocly.yaml (only the roots pointed there, as
 * `npm run specs:pull` would bring it): every PATCH operation that takes JSON
 * Patch is found and typed, the output compiles strictly with no
 * "excessively deep" instantiation, and a consumer's patches are checked: a
 * flag turned on through its environment's map key, appends with `/-`, the
 * `PatchWithComment` bodies. Skipped, visibly, when the corpus is absent.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, corpusConfig } from '../support/corpus-config.mjs';
import { REPO, runMain, tempDir } from '../support/run-cli.js';
import { strictDiagnostics } from '../support/tsc.js';

const present = existsSync(join(CORPUS, 'launchdarkly.full.openapi.json'));
if (!present) console.warn(`[json-patch-full-spec] skipped: ${CORPUS} is absent`);

interface PatchEntry {
  wrapper: string;
  body: string;
  target: string | null;
  types?: string;
  pointers?: string[];
}

/** The operations LaunchDarkly's spec (as of the corpus) sends JSON Patch to, by wrapper. */
const EXPECTED = {
  'PatchWithComment.patch': ['patchRelayAutoConfig', 'patchFeatureFlag', 'patchCustomRole', 'patchSegment'],
  JSONPatch: [
    'patchApplication', 'patchApplicationVersion', 'patchRepository', 'patchDestination', 'updateFlagLink', 'patchReleaseByFlagKey',
    'patchBigSegmentStoreIntegration', 'patchIntegrationDeliveryConfiguration', 'patchFlagImportConfiguration', 'updateIntegrationConfiguration',
    'updateSubscription', 'patchMember', 'patchMetric', 'patchOAuthClient', 'patchProject', 'patchEnvironment', 'patchFlagDefaultsByProject',
    'patchMetricGroup', 'patchToken', 'patchWebhook', 'updateDeployment', 'patchInsightGroup',
  ],
  AnnouncementJSONPatch: ['updateAnnouncementPublic'],
};

describe.skipIf(!present)("JSON Patch on LaunchDarkly's full spec", () => {
  let out: string;
  let entries: PatchEntry[];

  beforeAll(async () => {
    out = tempDir('json-patch-full-');
    const runtime = relative(join(out, 'x'), join(REPO, 'src/index.js')).split('\\').join('/');
    const r = await runMain(['launchdarkly', '--config', corpusConfig(join(out, 'config')), '--out', out, '--no-cache', '--runtime-import', runtime], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('launchdarkly: JSON Patch bodies typed for 27 operations: ');
    entries = (JSON.parse(readFileSync(join(out, 'launchdarkly/manifest.json'), 'utf8')) as { jsonPatch: PatchEntry[] }).jsonPatch;
  }, 240_000);

  it('finds the 27 operations that take JSON Patch (4 in a PatchWithComment) and types each against the resource it returns', () => {
    const byBody = (body: string) => entries.filter((e) => e.body === body).map((e) => e.wrapper).sort();
    for (const [body, wrappers] of Object.entries(EXPECTED)) expect(byBody(body), body).toEqual([...wrappers].sort());
    expect(entries).toHaveLength(27);
    for (const e of entries) expect(e.types, e.wrapper).toBe(`${e.wrapper[0]!.toUpperCase()}${e.wrapper.slice(1)}Patch`);
    const flag = entries.find((e) => e.wrapper === 'patchFeatureFlag')!;
    expect(flag.target).toBe('FeatureFlag');
    expect(flag.pointers).toEqual(expect.arrayContaining(['/environments/*/on', '/tags/*', '/environments/*/rules/*/clauses/*/values']));
    expect(flag.pointers).not.toContain('/_version');
    expect(entries.find((e) => e.wrapper === 'patchApplication')!.pointers).toEqual(['/description', '/kind']);
  });

  it("compiles strictly, and a consumer's patches are checked against each resource", () => {
    const file = join(out, 'consumer.ts');
    const sample = (pointer: string) => JSON.stringify(pointer.replace(/\/\*\*$/, '/x').replace(/\/\*(?=\/|$)/g, '/0'));
    writeFileSync(
      file,
      `import { createLaunchDarklyClient, uncheckedPointer, type PatchFeatureFlagBody, ${entries.map((e) => `type ${e.types}`).join(', ')} } from './launchdarkly/index.js';
const ld = createLaunchDarklyClient({ apiKey: 'k' });
const flag = { projectKey: 'default', featureFlagKey: 'new-checkout' };
// The API's most common write: turning a flag on in one environment (a map key), with a comment.
void ld.patchFeatureFlag({ ...flag, body: { comment: 'launch', patch: [{ op: 'replace', path: '/environments/production/on', value: true }] } });
// Appending with /-: a tag, an individual target, a segment's included key, a role's policy statement.
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'add', path: '/tags/-', value: 'beta' }, { op: 'add', path: '/environments/production/targets/-', value: { values: ['user-1'], variation: 0 } }] } });
void ld.patchSegment({ projectKey: 'p', environmentKey: 'e', segmentKey: 's', body: { patch: [{ op: 'add', path: '/included/-', value: 'user-2' }] } });
void ld.patchCustomRole({ customRoleKey: 'r', body: { patch: [{ op: 'add', path: '/policy/-', value: { effect: 'allow', resources: ['proj/*'], actions: ['*'] } }] } });
// A version guard, then the change; a field the spec does not describe, explicitly.
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'test', path: '/_version', value: 7 }, { op: 'replace', path: '/description', value: 'd' }, { op: 'add', path: uncheckedPointer('/newThing'), value: 1 }] } });
void ld.patchApplication({ applicationKey: 'a', body: [{ op: 'replace', path: '/kind', value: 'server' }] });
const body: PatchFeatureFlagBody = { patch: [{ op: 'remove', path: '/environments/production/rules/0' }] };
void body;
// @ts-expect-error on is a boolean
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'replace', path: '/environments/production/on', value: 'yes' }] } });
// @ts-expect-error a misspelt field
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'replace', path: '/descripton', value: 'd' }] } });
// @ts-expect-error _version is not editable
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'replace', path: '/_version', value: 8 }] } });
// @ts-expect-error - appends: add only
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'replace', path: '/tags/-', value: 'x' }] } });
// @ts-expect-error a target's values are strings
void ld.patchFeatureFlag({ ...flag, body: { patch: [{ op: 'add', path: '/environments/production/targets/-', value: { values: [1], variation: 0 } }] } });
// @ts-expect-error the patch goes inside PatchWithComment
void ld.patchFeatureFlag({ ...flag, body: [{ op: 'replace', path: '/environments/production/on', value: true }] });
// @ts-expect-error included keys are strings
void ld.patchSegment({ projectKey: 'p', environmentKey: 'e', segmentKey: 's', body: { patch: [{ op: 'add', path: '/included/-', value: 2 }] } });
// @ts-expect-error LaunchDarkly lets a patch change an application's description and kind only
void ld.patchApplication({ applicationKey: 'a', body: [{ op: 'replace', path: '/name', value: 'n' }] });
// Every typed operation takes a move between its first patchable pointer and itself.
${entries.map((e, i) => `export const sample${i}: ${e.types} = [{ op: 'move', from: ${sample(e.pointers![0]!)}, path: ${sample(e.pointers![0]!)} }];`).join('\n')}
`,
    );
    const diagnostics = strictDiagnostics([file]);
    expect(diagnostics.filter((d) => d.includes('TS2589'))).toEqual([]);
    expect(diagnostics).toEqual([]);
  }, 120_000);
});
