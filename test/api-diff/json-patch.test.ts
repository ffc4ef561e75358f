/**
 * api-diff on typed JSON Patch bodies (manifest.json `jsonPatch`): a pointer
 * removed from an operation's patchable set breaks a caller that patched it,
 * one added does not. Table-driven on diffPatchPointers, then end to end in a
 * git repository where redocly.yaml's x-codegen.jsonPatch list changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../codegen/api-diff/cli.js';
import { diffPatchPointers } from '../../codegen/api-diff/diff.js';
import { gitIn } from '../support/git.js';
import { copyProject, runMain } from '../support/run-cli.js';

const OP = 'PATCH /a';
const both = new Set([OP]);

describe('diffPatchPointers', () => {
  it.each([
    ['a pointer removed: breaking', ['/x', '/y'], ['/x'], [['patch-pointer-removed', 'breaking', '/y', '`/y` no longer patchable']]],
    ['a pointer added: not breaking', ['/x'], ['/x', '/y'], [['patch-pointer-added', 'non-breaking', '/y', '`/y` patchable']]],
    [
      'a subtree removed: one change, its pointers counted',
      ['/x', '/y', '/y/*', '/y/*/z'],
      ['/x'],
      [['patch-pointer-removed', 'breaking', '/y', '`/y` no longer patchable (and 2 pointers below it)']],
    ],
    ['a body typed: breaking (pointers it accepted are refused)', null, ['/x'], [['patch-typed', 'breaking', '', 'JSON Patch typed: 1 patchable pointer']]],
    ['a body no longer typed: not breaking', ['/x'], null, [['patch-untyped', 'non-breaking', '', 'JSON Patch no longer typed']]],
    ['unchanged', ['/x'], ['/x'], []],
  ] as const)('%s', (_name, base, head, want) => {
    const changes = diffPatchPointers(new Map(base ? [[OP, base]] : []), new Map(head ? [[OP, head]] : []), both);
    expect(changes.map((c) => [c.rule, c.severity, c.subject, c.message])).toEqual(want);
    for (const c of changes) expect([c.operation, c.location]).toEqual([OP, 'request body']);
  });

  it('compares only operations present on both sides (an added or removed operation is its own change)', () => {
    expect(diffPatchPointers(new Map(), new Map([[OP, ['/x']]]), new Set())).toEqual([]);
  });
});

describe('api-diff in a git repository', () => {
  it('reports the list of patchable pointers changed in redocly.yaml', async () => {
    const dir = copyProject();
    const git = (...args: string[]) => gitIn(dir, ...args);
    git('init', '--quiet', '--initial-branch=main');
    expect((await runMain(['--quiet'], dir)).code).toBe(0);
    git('add', '.');
    git('commit', '--quiet', '-m', 'base');
    const config = join(dir, 'redocly.yaml');
    const text = readFileSync(config, 'utf8');
    expect(text).toContain('pointers: [/description, /kind]');
    writeFileSync(config, text.replace('pointers: [/description, /kind]', 'pointers: [/description, /name]'));
    const again = await runMain(['--quiet'], dir);
    expect(again.code, again.stderr).toBe(0);
    let stdout = '';
    const code = await main(['--base', 'HEAD', '--json'], { cwd: dir, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
    expect(code).toBe(0);
    const changes = (JSON.parse(stdout) as { apis: Array<{ changes: Array<{ rule: string; severity: string; subject: string }> }> }).apis[0]!.changes;
    const patchChanges = changes.filter((c) => c.rule.startsWith('patch-')).map((c) => [c.rule, c.severity, c.subject]);
    expect(patchChanges).toEqual([
      ['patch-pointer-removed', 'breaking', '/kind'],
      ['patch-pointer-added', 'non-breaking', '/name'],
    ]);
  });
});
