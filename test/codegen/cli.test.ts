/**
 * The generate CLI as users run it (a real process): determinism, --check,
 * and every kind of bad input giving a one-line cause, a non-zero exit, no
 * stack trace, and an untouched output folder.
 */
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, projectFactory, REPO, runCli, runMain, snapshotTree } from '../support/run-cli.js';

const freshProject = projectFactory();

describe('generate', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject();
    // One run as a real process, exactly as `npm run generate` does.
    const first = runCli(['--out', 'generated'], dir);
    expect(first.code, first.stderr).toBe(0);
  });

  it('produces what the seed fixture holds (test/fixtures/seed/generated/), but for the two lines naming where it is', () => {
    const produced = snapshotTree(join(dir, 'generated'));
    const committed = snapshotTree(join(REPO, 'test/fixtures/seed/generated'));
    expect(Object.keys(produced).sort()).toEqual(Object.keys(committed).sort());
    // The fixture's config sits beside its specs and its output three folders deeper (test/golden/seed.test.ts).
    const moved = (text: string) => text.replace(/specs\/(scale-gp|launchdarkly)\.yaml/g, '$1.yaml').replace(/"\.\.\/\.\.\/src\/(index|testing)\.js"/g, '"../../../../../src/$1.js"');
    for (const [file, content] of Object.entries(produced)) {
      expect(moved(content), file).toBe(committed[file]);
    }
  });

  it('is byte-identical when run twice', async () => {
    const before = snapshotTree(join(dir, 'generated'));
    const again = await runMain(['--out', 'generated'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('unchanged');
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('--check passes on a fresh tree and fails listing a stale, a missing and an extra file', async () => {
    expect((await runMain(['--check'], dir)).code).toBe(0);
    const out = join(dir, 'generated');
    appendFileSync(join(out, 'scale-gp/schema.ts'), '// hand edit\n');
    rmSync(join(out, 'launchdarkly/manifest.json'));
    writeFileSync(join(out, 'scale-gp/leftover.ts'), 'export {};\n');
    // as a real process: CI relies on the exit code
    const check = runCli(['--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('stale: generated/scale-gp/schema.ts');
    expect(check.stderr).toContain('missing: generated/launchdarkly/manifest.json');
    expect(check.stderr).toContain('unexpected: generated/scale-gp/leftover.ts');
    // generate repairs the tree, and --check agrees again
    expect((await runMain([], dir)).code).toBe(0);
    expect((await runMain(['--check'], dir)).code).toBe(0);
  });

  it('prints warnings as a count per rule with one example; --verbose prints every one, --check the same summary', async () => {
    const summary = await runMain(['--no-cache'], dir);
    expect(summary.code, summary.stderr).toBe(0);
    const lines = summary.stderr.split('\n').filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['scale-gp: 7 files, unchanged', 'launchdarkly: 7 files, unchanged']);
    // The operations whose JSON Patch bodies were typed, before the warnings (and also with --verbose).
    expect(lines[2]).toBe('launchdarkly: JSON Patch bodies typed for 1 operation: patchApplication');
    expect(lines).toContainEqual(expect.stringMatching(/^scale-gp: \d+ warnings? of \d+ rules? \(--verbose prints every one\):$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}1 info-license, e\.g\. specs\/scale-gp\.yaml:\d+:\d+: warning info-license: /));
    const ruleLines = lines.filter((l) => l.startsWith('  '));
    const verbose = await runMain(['--no-cache', '--verbose'], dir);
    const every = verbose.stderr.split('\n').filter((l) => l.startsWith('['));
    // the counts add up to every warning, and each rule's example is one of them
    expect(ruleLines.reduce((n, l) => n + Number(/^ +(\d+) /.exec(l)![1]), 0)).toBe(every.length);
    for (const l of ruleLines) expect(every.some((w) => w.endsWith(l.split(', e.g. ')[1]!))).toBe(true);
    expect(verbose.stderr).not.toContain('--verbose prints');
    expect(verbose.stderr).toContain('\nlaunchdarkly: JSON Patch bodies typed for 1 operation: patchApplication\n');
    const check = await runMain(['--check'], dir);
    expect(check.stderr.split('\n').filter((l) => l.startsWith('  '))).toEqual(ruleLines);
  });

  it('generates one api when named, and any config with --config/--out', async () => {
    const other = copyProject();
    cpSync(join(other, 'redocly.yaml'), join(other, 'custom.yaml'));
    const r = await runMain(['launchdarkly', '--config', 'custom.yaml', '--out', 'elsewhere'], other);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(snapshotTree(join(other, 'elsewhere'))).sort()).toEqual(
      ['api-report.md', 'index.ts', 'manifest.json', 'openapi.yaml', 'operations.ts', 'schema.ts', 'testing.ts'].map((f) => `launchdarkly/${f}`).sort(),
    );
  });
});

describe('bad input', () => {
  // [name, break the copied project, expected one-line cause]
  const cases: Array<[string, (dir: string) => string[] | void, RegExp]> = [
    [
      'malformed YAML',
      (dir) => writeFileSync(join(dir, 'specs/scale-gp.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n  title: x\n'),
      /^error: specs\/scale-gp\.yaml:\d+:\d+: YAML syntax error/m,
    ],
    [
      'a broken $ref',
      (dir) => {
        const p = join(dir, 'specs/launchdarkly.yaml');
        writeFileSync(p, readFileSync(p, 'utf8').replace("'#/components/schemas/ApplicationRep'", "'#/components/schemas/NoSuchSchema'"));
      },
      /^error: specs\/launchdarkly\.yaml:\d+:\d+: error no-unresolved-refs: .*NoSuchSchema/m,
    ],
    [
      'a $ref to a missing file',
      (dir) => {
        const p = join(dir, 'specs/launchdarkly.yaml');
        writeFileSync(p, readFileSync(p, 'utf8').replace("'#/components/schemas/ApplicationRep'", "'./missing.yaml#/Foo'"));
      },
      /^error: specs\/launchdarkly\.yaml:\d+:\d+: error no-unresolved-refs: .*missing\.yaml/m,
    ],
    [
      'a spec that fails lint',
      (dir) => {
        const p = join(dir, 'specs/launchdarkly.yaml');
        writeFileSync(p, readFileSync(p, 'utf8').replace('  title: LaunchDarkly REST API', '  titl: LaunchDarkly REST API'));
      },
      /^error: specs\/launchdarkly\.yaml:2:1: error struct: The field `title` must be present on this level\. \(at #\/info\) \(and 1 more lint error\)$/m,
    ],
    ['an unknown api name', () => ['no-such-api'], /^error: redocly\.yaml: unknown api "no-such-api" \(known: scale-gp, launchdarkly\)$/m],
    ['a missing spec file', (dir) => rmSync(join(dir, 'specs/scale-gp.yaml')), /^error: specs\/scale-gp\.yaml: spec file not found/m],
    ['an empty spec file', (dir) => writeFileSync(join(dir, 'specs/scale-gp.yaml'), ''), /^error: specs\/scale-gp\.yaml: the file is empty$/m],
    [
      'a document that is not OpenAPI',
      (dir) => writeFileSync(join(dir, 'specs/scale-gp.yaml'), 'hello: world\n'),
      /^error: specs\/scale-gp\.yaml: not an OpenAPI 3\.0\/3\.1\/3\.2 document \(no "openapi" field\)$/m,
    ],
    [
      'Swagger 2.0',
      (dir) => writeFileSync(join(dir, 'specs/scale-gp.yaml'), 'swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n'),
      /^error: specs\/scale-gp\.yaml: Swagger 2\.0 is not supported/m,
    ],
    ['a missing config file', () => ['--config', 'nope.yaml'], /^error: nope\.yaml: config file not found$/m],
  ];

  it.each(cases)('%s: one-line cause, exit 1, no stack trace, generated/ untouched', async (_name, breakIt, expected) => {
    const dir = await freshProject();
    const before = snapshotTree(join(dir, 'generated'));
    const args = breakIt(dir) ?? [];
    const r = await runMain(args, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m); // no stack frames
    expect(snapshotTree(join(dir, 'generated'))).toEqual(before);
  });

  it('as a real process: exit code 1 and a single error line, without a stack trace', async () => {
    const dir = await freshProject();
    writeFileSync(join(dir, 'specs/scale-gp.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n');
    const r = runCli(['scale-gp'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: specs\/scale-gp\.yaml:\d+:\d+: YAML syntax error: /)]);
  });
});
