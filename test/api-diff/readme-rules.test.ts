/** The rules table of docs/reviewing-spec-changes.md is the classifier's RULES, row for row. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, type Rule } from '../../codegen/api-diff/diff.js';
import { REPO } from '../support/run-cli.js';

describe('docs rules table', () => {
  it('lists every rule with its severity per direction, in order', () => {
    const doc = readFileSync(join(REPO, 'docs/reviewing-spec-changes.md'), 'utf8');
    const start = doc.indexOf('## What breaks: the rules');
    expect(start).toBeGreaterThan(-1);
    const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
    const rows = section
      .split('\n')
      .filter((l) => /^\| `[a-z-]+` \|/.test(l))
      .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '')));
    const show = (r: Rule, d: 'request' | 'response') => {
      const s = r.always ?? r[d];
      return s === 'breaking' ? '**breaking**' : (s ?? '—');
    };
    const expected = (Object.entries(RULES) as Array<[string, Rule]>).map(([id, r]) => [`\`${id}\``, r.what, show(r, 'request'), show(r, 'response')]);
    expect(rows).toEqual(expected);
  });
});
