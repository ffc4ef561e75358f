/**
 * codegen/passes/readable-aliases.ts: the readable name of every schema (the
 * `aliases` fact, name → schema key), claimed in order: the recorded name, a
 * clean key, then PascalCase of the title or the key's last segment,
 * qualified by key segments when several schemas derive it.
 */
import { describe, expect, it } from 'vitest';
import { runPassesOn, specWith } from '../../support/passes.js';

const object = (extra = '') => `{ type: object${extra}, properties: { x: { type: string } } }`;

describe('readable-aliases', () => {
  it.each<[string, { given: string; options?: Parameters<typeof runPassesOn>[1]; want: { aliases: Record<string, string>; warnings?: string[] } }]>([
    ['a clean key is its own name', { given: `    Pet: ${object()}\n`, want: { aliases: { Pet: 'Pet' } } }],
    [
      "a machine-made key: PascalCase of the title, else of the key's last segment",
      {
        given: `    pkg__module__thing_response: ${object(', title: Thing response')}\n    com.example.widget: ${object()}\n`,
        want: { aliases: { ThingResponse: 'pkg__module__thing_response', Widget: 'com.example.widget' } },
      },
    ],
    [
      'a name derived by two schemas: both qualified by the key segments that tell them apart',
      {
        given: `    api__models__Spec: ${object()}\n    api__models_no_gen__Spec: ${object()}\n`,
        want: {
          aliases: { ModelsSpec: 'api__models__Spec', ModelsNoGenSpec: 'api__models_no_gen__Spec' },
          warnings: ['readable aliases qualified: Spec (derived by 2 schemas) → ModelsSpec, ModelsNoGenSpec'],
        },
      },
    ],
    [
      "the previous generate's name is kept; only the newcomer is qualified",
      {
        given: `    api__models__Spec: ${object()}\n    api__models_no_gen__Spec: ${object()}\n`,
        options: { recordedAliases: { api__models_no_gen__Spec: 'Spec' } },
        want: {
          aliases: { ModelsSpec: 'api__models__Spec', Spec: 'api__models_no_gen__Spec' },
          warnings: ['readable aliases qualified: Spec (derived by 2 schemas) → ModelsSpec'],
        },
      },
    ],
    [
      "a key that is another export's name (a wrapper's) takes its PascalCase",
      {
        given: `    putBranch: ${object()}\n`,
        options: { takenNames: ['putBranch'] },
        want: { aliases: { PutBranch: 'putBranch' }, warnings: ['readable aliases qualified: putBranch (reserved) → PutBranch'] },
      },
    ],
  ])('%s', async (_, { given, options, want }) => {
    const { facts, warnings } = await runPassesOn(specWith(given), options);
    expect(facts.aliases).toEqual(want.aliases);
    expect(warnings).toEqual(want.warnings ?? []);
  });

  it('a regenerate over its own manifest gives the same names: a schema left without one does not take the name its group gave up', async () => {
    // `a__Spec` and `b__Spec` both derive Spec: qualified, `b__Spec` is BSpec and `a__Spec` finds ASpec taken (a clean key).
    // Nobody takes plain `Spec` (two schemas derive it); the regenerate must not hand it to the one left over.
    const spec = specWith(`    ASpec: ${object()}\n    a__Spec: ${object()}\n    b__Spec: ${object()}\n`);
    const first = await runPassesOn(spec);
    expect(first.facts.aliases).toEqual({ ASpec: 'ASpec', BSpec: 'b__Spec' });
    expect(first.facts.unnamedSchemas).toEqual(['a__Spec']);
    // What readManifest gives back: the names by key, and '' for a schema recorded without one.
    const recordedAliases = {
      ...Object.fromEntries(Object.entries(first.facts.aliases as Record<string, string>).map(([name, key]) => [key, name])),
      ...Object.fromEntries((first.facts.unnamedSchemas as string[]).map((key) => [key, ''])),
    };
    const second = await runPassesOn(spec, { recordedAliases });
    expect(second.facts.aliases).toEqual(first.facts.aliases);
    expect(second.warnings).toEqual(first.warnings);
    expect(second.text).toBe(first.text);
    // A schema that comes new is still tried against the others without a name: alone, it takes the plain name.
    const newcomer = await runPassesOn(spec, { recordedAliases: { ASpec: 'ASpec', b__Spec: 'BSpec' } });
    expect(newcomer.facts.aliases).toEqual({ ASpec: 'ASpec', BSpec: 'b__Spec', Spec: 'a__Spec' });
  });

  it('never emits a name that is reserved and has no free form: the schema stays inline, with a warning', async () => {
    const { facts, warnings, text } = await runPassesOn(specWith(`    Pet: ${object()}\n`), { takenNames: ['Pet'] });
    expect(facts.aliases).toEqual({});
    expect(warnings).toEqual(['readable aliases: Pet for schema "Pet" is reserved (a top-level, referenced or wrapper name); not emitted']);
    expect(text).not.toContain('export interface Pet');
  });
});
