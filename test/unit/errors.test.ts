/**
 * lib/errors.ts: a PipelineError is recognised by `instanceof` also when another
 * copy of the module made it (the bundle's CLI and its pipeline each have one,
 * codegen/generate.mjs), and nothing else is.
 */
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../codegen/lib/errors.js';

describe('PipelineError', () => {
  it('is an instance whichever copy of the module made it', async () => {
    const another = '../../codegen/lib/errors.js?another-copy'; // the same file as another module
    const copy = (await import(another)) as typeof import('../../codegen/lib/errors.js');
    expect(copy.PipelineError).not.toBe(PipelineError); // really another copy
    const theirs = new copy.PipelineError('a.yaml:1:1: error struct: …', ['more']);
    expect(theirs instanceof PipelineError).toBe(true);
    expect(new PipelineError('x') instanceof copy.PipelineError).toBe(true);
    expect(theirs.details).toEqual(['more']);
  });

  it('is not any other error, nor an object that only looks like one', () => {
    expect(new Error('x') instanceof PipelineError).toBe(false);
    expect(Object.assign(new Error('x'), { name: 'PipelineError', details: [] }) instanceof PipelineError).toBe(false);
    for (const value of [null, undefined, 'PipelineError', { details: [] }] as unknown[]) expect(value instanceof PipelineError).toBe(false);
  });
});
