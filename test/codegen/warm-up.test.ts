/**
 * The types worker warms V8 up on a made-up document while it waits for its
 * first job (codegen/worker/warm-up.ts). The document must go through every
 * stage cleanly and reach the passes' code paths; the warm-up must stop when
 * told to. (That it does not change any output is covered by the bundle and
 * corpus tests, which run the worker.)
 */
import { describe, expect, it } from 'vitest';
import { runPasses } from '../../codegen/stages/passes.js';
import { generateTypes } from '../../codegen/stages/openapi-typescript.js';
import { warmUp, warmUpDocument } from '../../codegen/worker/warm-up.js';

describe('worker warm-up', () => {
  it('runs its document through openapi-typescript and every pass without warnings', async () => {
    const document = warmUpDocument(3);
    const messages: string[] = [];
    const processed = runPasses(await generateTypes(document, 'warm-up', { messages }), document);
    expect([...messages, ...processed.warnings]).toEqual([]);
    expect(processed.facts.booleanDiscriminators).toEqual(['Partial3.restore: false (optional)', 'Restore3.restore: true']);
    // A named recursive union is declared under its own name (named-types); recursive-unions only takes unnamed ones.
    expect(processed.text).toMatch(/^export type Json3 = /m);
    expect(Object.keys(processed.facts.aliases as object)).toContain('Restorable3');
  });

  it('stops when a job has arrived, and when its time is up', async () => {
    expect(await warmUp(() => true)).toBe(0);
    let calls = 0;
    expect(await warmUp(() => ++calls > 2)).toBe(2);
    expect(await warmUp(() => false, 0)).toBe(0);
  });
});
