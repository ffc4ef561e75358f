/**
 * The no-op regenerate cache never serves a stale tree: any change to an input
 * file (root or $ref'd), the config, the generator or tool versions, or the
 * output itself, means a full run.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as cache from '../../codegen/lib/cache.js';
import { copyProject, runMain, snapshotTree, tempDir } from '../support/run-cli.js';

const HIT = /unchanged \(inputs, config and generator as in the last run\)/;

async function generated(dir: string) {
  const r = await runMain([], dir);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** A project whose Scale GP spec takes a schema from another file, to exercise $ref'd inputs. */
function multiFileProject(): string {
  const dir = copyProject();
  const spec = join(dir, 'specs/scale-gp.yaml');
  const text = readFileSync(spec, 'utf8').replace(
    /    IdentifierTypeEnum:\n      type: string\n      enum:\n        - user\n        - service_account\n      title: IdentifierTypeEnum\n/,
    "    IdentifierTypeEnum:\n      $ref: './shared/identifier-type.yaml'\n",
  );
  expect(text).toContain('./shared/identifier-type.yaml');
  writeFileSync(spec, text);
  mkdirSync(join(dir, 'specs/shared'));
  writeFileSync(join(dir, 'specs/shared/identifier-type.yaml'), 'type: string\nenum: [user, service_account]\ntitle: IdentifierTypeEnum\n');
  return dir;
}

describe('no-op regenerate', () => {
  it('skips the pipeline when nothing changed: one line with the warning count; --verbose reprints them', async () => {
    const dir = copyProject();
    const first = await generated(dir);
    const count = first.stderr.match(/^\s+\d+ /gm)!.reduce((n, m) => n + Number(m), 0);
    expect(count).toBeGreaterThan(0);
    const again = await generated(dir);
    expect(again.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^scale-gp, launchdarkly: ${HIT.source}; ${count} warnings, --verbose prints them$`)),
    ]);
    const verbose = await runMain(['--verbose'], dir);
    expect(verbose.stderr).toMatch(HIT);
    expect(verbose.stderr).toMatch(/^\[scale-gp\] specs\/scale-gp\.yaml:\d+:\d+: warning info-license: /m);
    expect(verbose.stderr.split('\n').filter(Boolean)).toHaveLength(count + 1);
  });

  // [what changes, how] — each must be a miss whose output reflects the change (or repairs the tree)
  const changes: Array<[string, (dir: string) => void, (dir: string) => void]> = [
    [
      'the root spec',
      (dir) => {
        const p = join(dir, 'specs/scale-gp.yaml');
        writeFileSync(p, readFileSync(p, 'utf8').replace('Updates a application spec', 'Updates an application spec'));
      },
      (dir) => expect(readFileSync(join(dir, 'generated/scale-gp/operations.ts'), 'utf8')).toContain('Updates an application spec'),
    ],
    [
      "a $ref'd spec file",
      (dir) => writeFileSync(join(dir, 'specs/shared/identifier-type.yaml'), 'type: string\nenum: [user, service_account, robot]\ntitle: IdentifierTypeEnum\n'),
      (dir) => expect(readFileSync(join(dir, 'generated/scale-gp/schema.ts'), 'utf8')).toContain('"robot"'),
    ],
    [
      'the config',
      (dir) => {
        const p = join(dir, 'redocly.yaml');
        writeFileSync(p, readFileSync(p, 'utf8').replace('apiKeyEnv: SGP_API_KEY', 'apiKeyEnv: SCALE_KEY'));
      },
      (dir) => expect(readFileSync(join(dir, 'generated/scale-gp/index.ts'), 'utf8')).toContain('"SCALE_KEY"'),
    ],
    [
      'a hand edit of the output',
      (dir) => appendFileSync(join(dir, 'generated/scale-gp/schema.ts'), '// edited\n'),
      (dir) => expect(readFileSync(join(dir, 'generated/scale-gp/schema.ts'), 'utf8')).not.toContain('// edited'),
    ],
    [
      'a deleted output file',
      (dir) => rmSync(join(dir, 'generated/launchdarkly/index.ts')),
      (dir) => expect(readFileSync(join(dir, 'generated/launchdarkly/index.ts'), 'utf8')).toContain('createLaunchDarklyClient'),
    ],
    [
      'an extra file in an output folder',
      (dir) => writeFileSync(join(dir, 'generated/scale-gp/stray.ts'), 'export {};\n'),
      (dir) => expect(Object.keys(snapshotTree(join(dir, 'generated')))).not.toContain('scale-gp/stray.ts'),
    ],
  ];

  it.each(changes)('a change to %s is never served from the cache', async (_name, change, verify) => {
    const dir = multiFileProject();
    await generated(dir);
    expect((await generated(dir)).stderr).toMatch(HIT);
    change(dir);
    const r = await generated(dir);
    expect(r.stderr).not.toMatch(HIT);
    verify(dir);
    expect((await generated(dir)).stderr).toMatch(HIT);
  });

  it('a file rewritten with the same bytes is still a hit; one edited to the same size is not', async () => {
    const dir = copyProject();
    await generated(dir);
    const schema = join(dir, 'generated/scale-gp/schema.ts');
    const text = readFileSync(schema, 'utf8');
    const later = new Date(statSync(schema).mtimeMs + 5_000);
    // Same bytes, a new modification time: read and hashed, unchanged.
    writeFileSync(schema, text);
    utimesSync(schema, later, later);
    expect((await generated(dir)).stderr).toMatch(HIT);
    // One character changed, same size, another modification time: a miss, and repaired.
    const edited = text.replace('export interface components', 'export interface componentZ');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(schema, edited);
    const evenLater = new Date(later.getTime() + 5_000);
    utimesSync(schema, evenLater, evenLater);
    const r = await generated(dir);
    expect(r.stderr).not.toMatch(HIT);
    expect(readFileSync(schema, 'utf8')).toBe(text);
  });

  it("run from the bundle, the generator is known by the bundle's stamp (generate.mjs made it from the same sources)", () => {
    const dir = tempDir();
    const stamp = join(dir, 'stamp');
    writeFileSync(stamp, 'a'.repeat(64));
    const a = cache.generatorIdentity(stamp);
    writeFileSync(stamp, 'b'.repeat(64));
    expect(cache.generatorIdentity(stamp)).not.toBe(a);
    // No bundle (tsx, tests) or no stamp: the sources themselves.
    expect(cache.generatorIdentity(undefined)).toBe(cache.generatorIdentity(join(dir, 'absent')));
    expect(cache.generatorIdentity(undefined)).not.toBe(a);
  });

  it('a different generator or tool version is a miss', async () => {
    const dir = copyProject();
    await generated(dir);
    const key = { configPath: join(dir, 'redocly.yaml'), outDir: join(dir, 'generated'), options: { runtimeImport: null } };
    expect(cache.lookup(key, [])).toBeDefined();
    expect(cache.lookup({ ...key, generator: 'openapi-typescript 7.14.0' }, [])).toBeUndefined();
    expect(cache.lookup({ ...key, options: { runtimeImport: './elsewhere.js' } }, [])).toBeUndefined();
  });

  it('--check and --no-cache always run the pipeline', async () => {
    const dir = copyProject();
    await generated(dir);
    const noCache = await runMain(['--no-cache'], dir);
    expect(noCache.code, noCache.stderr).toBe(0);
    expect(noCache.stderr).toMatch(/scale-gp: 7 files, unchanged/);
    expect(noCache.stderr).not.toMatch(HIT);
    const check = await runMain(['--check'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/is up to date/);
  });
});
