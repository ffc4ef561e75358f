import { describe, expect, it } from 'vitest';
import { groupWarnings, summariseWarnings, warningRule } from '../../codegen/lib/warning-summary.js';

describe('warning summary', () => {
  it.each([
    ['specs/a.yaml:3:3: warning info-license: Info object should contain `license` field. (at #/info)', 'info-license'],
    ['warning no-unused-components: Component: "X" is never used.', 'no-unused-components'],
    ['readable aliases: Foo for schema "foo" is taken by schema "Foo"; not emitted', 'readable-aliases'],
    ['readable aliases qualified: Choice (derived by 2 schemas) → CompletionsChoice, ChatCompletionChoice', 'readable-aliases-qualified'],
    ['boolean discriminator: no property "restore" in the generated type of schema "R"; left as generated', 'boolean-discriminator'],
    ['Discriminator mapping for "x" is not a schema', 'other'],
  ])('%s → %s', (line, rule) => {
    expect(warningRule(line)).toBe(rule);
  });

  it('groups by rule, most frequent first, keeping the first line of each as its example', () => {
    const lines = [
      'a.yaml:1:1: warning spec-ref-siblings: first',
      'readable aliases: A is reserved; not emitted',
      'a.yaml:2:1: warning spec-ref-siblings: second',
      'a.yaml:9:1: warning info-license: only',
      'readable aliases: B is taken; not emitted',
      'a.yaml:3:1: warning spec-ref-siblings: third',
    ];
    expect(groupWarnings(lines)).toEqual([
      { rule: 'spec-ref-siblings', count: 3, example: 'a.yaml:1:1: warning spec-ref-siblings: first' },
      { rule: 'readable-aliases', count: 2, example: 'readable aliases: A is reserved; not emitted' },
      { rule: 'info-license', count: 1, example: 'a.yaml:9:1: warning info-license: only' },
    ]);
    expect(summariseWarnings('x', lines)).toEqual([
      'x: 6 warnings of 3 rules (--verbose prints every one):',
      '  3 spec-ref-siblings, e.g. a.yaml:1:1: warning spec-ref-siblings: first',
      '  2 readable-aliases (aliases not emitted), e.g. readable aliases: A is reserved; not emitted',
      '  1 info-license, e.g. a.yaml:9:1: warning info-license: only',
    ]);
    expect(summariseWarnings('x', [])).toEqual([]);
    expect(summariseWarnings('y', ['readable aliases qualified: putBranch (reserved) → PutBranch'])).toEqual([
      'y: 1 warning of 1 rule (--verbose prints every one):',
      '  1 readable-aliases-qualified (names qualified by their schema keys), e.g. readable aliases qualified: putBranch (reserved) → PutBranch',
    ]);
  });
});
