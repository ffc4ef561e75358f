/** codegen/redocly-plugin/json-patch-operation.js: a JSON Patch operation's `op` typed as RFC 6902's six operations (a preprocessor, and the same as a decorator). */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

const ID = 'vendor-quirks/json-patch-operation';
const SIX = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

describe(ID, () => {
  const source = spec(`paths: {}
components:
  schemas:
    PatchOperation: { type: object, required: [op, path], properties: { op: { type: string }, path: { type: string } } }
    Narrowed: { type: object, properties: { op: { type: string, enum: [add] } } }
    Other: { type: object, properties: { op: { type: string } } }
`);

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['narrows op of the schemas named', { schemas: ['PatchOperation', 'Narrowed'] }, { PatchOperation: SIX, Narrowed: ['add'], Other: undefined }],
    ['does nothing without a schema list', {}, { PatchOperation: undefined, Narrowed: ['add'], Other: undefined }],
  ])('%s', async (_, options, want) => {
    for (const as of ['preprocessors', 'decorators']) {
      const { bundled } = await lintAndBundle(source, {}, { [as]: { [ID]: options } });
      const enums = Object.fromEntries(Object.entries(bundled.components.schemas as Record<string, any>).map(([name, s]) => [name, s.properties.op.enum]));
      expect(enums, as).toEqual(want);
    }
  });
});
