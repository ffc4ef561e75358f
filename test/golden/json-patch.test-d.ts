/**
 * The JSON Patch goldens, type-checked: what each patch accepts and refuses
 * (RFC 6902 operations, RFC 6901 pointers into the resource the operation
 * changes), and the escape hatch for a pointer the spec does not describe.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createJsonPatchKindsClient,
  uncheckedPointer,
  type FlagConfig,
  type PatchFlagArgs,
  type PatchFlagBody,
  type PatchFlagPatch,
  type PatchFlagPatchOperation,
  type paths,
  type PatchFlagPatchPointer,
  type PatchLabelArgs,
  type PatchNoteArgs,
  type PatchOrphanArgs,
  type PatchWidgetArgs,
  type UncheckedPatchOperation,
  type UpdateThingArgs,
} from './__golden__/json-patch-kinds/index.js';
import type { OperationArgs } from '../../src/index.js';

const patchFlag = (args: PatchFlagArgs) => args;
const patchWidget = (args: PatchWidgetArgs) => args;
const patchNote = (args: PatchNoteArgs) => args;
const patchLabel = (args: PatchLabelArgs) => args;
const flag = (...patch: PatchFlagPatch) => patchFlag({ key: 'f', body: { patch } });

describe('a patch inside an object body (PatchWithComment)', () => {
  it('takes pointers into the resource, with the value typed at each', () => {
    flag({ op: 'replace', path: '/name', value: 'New' });
    flag({ op: 'replace', path: '/kind', value: 'multivariate' });
    // A map key is a free segment: turning a flag on in one environment.
    flag({ op: 'replace', path: '/environments/production/on', value: true });
    flag({ op: 'add', path: '/environments/staging', value: { on: false, rules: [] } });
    // An array: an index, or `-` to append (add only).
    flag({ op: 'add', path: '/tags/-', value: 'beta' });
    flag({ op: 'replace', path: '/tags/0', value: 'alpha' });
    flag({ op: 'add', path: '/environments/production/rules/-', value: { variation: 1 } });
    // Keys are escaped as RFC 6901 says: `a/b` is `a~1b`, `til~de` is `til~0de`.
    flag({ op: 'replace', path: '/settings/a~1b', value: 2 }, { op: 'replace', path: '/settings/til~0de', value: true });
    // Below a recursive schema, and in a free-form object, the pointer is a plain string and the value unknown.
    flag({ op: 'add', path: '/environments/production/rules/0/clause/clauses/0/clauses/1/attribute', value: 'email' });
    flag({ op: 'add', path: '/custom/anything/below', value: { x: 1 } });
    // test reads, so it also takes the fields that cannot be changed (a version guard).
    flag({ op: 'test', path: '/_version', value: 3 }, { op: 'replace', path: '/description', value: 'd' });
    flag({ op: 'remove', path: '/description' }, { op: 'remove', path: '/tags/2' }, { op: 'remove', path: '/environments/old' });
    flag({ op: 'move', from: '/tags/0', path: '/tags/1' }, { op: 'copy', from: '/name', path: '/description' });
    patchFlag({ key: 'f', body: { patch: [], comment: 'why' } });
  });

  it('refuses what would fail at the server', () => {
    // @ts-expect-error a misspelt pointer
    flag({ op: 'replace', path: '/nmae', value: 'x' });
    // @ts-expect-error a value of the wrong type: kind is boolean | multivariate
    flag({ op: 'replace', path: '/kind', value: 'string' });
    // @ts-expect-error on is a boolean
    flag({ op: 'replace', path: '/environments/production/on', value: 'yes' });
    // @ts-expect-error remove carries no value
    flag({ op: 'remove', path: '/description', value: 'd' });
    // @ts-expect-error a required field cannot be removed
    flag({ op: 'remove', path: '/name' });
    // @ts-expect-error `_version` cannot be changed (names starting with `_`)
    flag({ op: 'replace', path: '/_version', value: 4 });
    // @ts-expect-error `key` is readOnly
    flag({ op: 'replace', path: '/key', value: 'k' });
    // @ts-expect-error `-` appends: add only
    flag({ op: 'replace', path: '/tags/-', value: 'x' });
    // @ts-expect-error an appended tag is a string
    flag({ op: 'add', path: '/tags/-', value: 1 });
    // @ts-expect-error replace needs a value
    flag({ op: 'replace', path: '/name' });
    // @ts-expect-error move needs from
    flag({ op: 'move', path: '/name' });
    // @ts-expect-error not an RFC 6902 operation
    flag({ op: 'update', path: '/name', value: 'x' });
    // @ts-expect-error the patch is required by the body
    patchFlag({ key: 'f', body: { comment: 'why' } });
  });

  it('names its types (hovers and errors read them)', () => {
    expectTypeOf<PatchFlagBody['patch']>().toEqualTypeOf<PatchFlagPatch>();
    expectTypeOf<PatchFlagArgs['body']>().toEqualTypeOf<PatchFlagBody>();
    expectTypeOf<PatchFlagPatch>().toEqualTypeOf<PatchFlagPatchOperation[]>();
    expectTypeOf<'/environments/production/on'>().toExtend<PatchFlagPatchPointer>();
    const config: FlagConfig = { on: true };
    flag({ op: 'add', path: '/environments/production', value: config });
    // @ts-expect-error an environment's value is a FlagConfig
    flag({ op: 'add', path: '/environments/production', value: { enabled: true } });
  });
});

describe('the escape hatch: a pointer the spec does not describe', () => {
  it('is explicit: uncheckedPointer(), mixed with checked operations', () => {
    flag({ op: 'replace', path: '/name', value: 'x' }, { op: 'add', path: uncheckedPointer('/newField'), value: { any: 'thing' } });
    flag({ op: 'remove', path: uncheckedPointer('/newField') });
    const ops: UncheckedPatchOperation[] = [{ op: 'test', path: uncheckedPointer('/x'), value: 1 }];
    flag(...ops);
    // @ts-expect-error a plain string is not a pointer the spec describes
    flag({ op: 'add', path: '/newField' as string, value: 1 });
  });
});

describe('application/json-patch+json, targeted through the GET on its path', () => {
  it('takes the fields x-can-patch does not forbid', () => {
    patchWidget({ id: 'w', body: [{ op: 'replace', path: '/name', value: 'n' }, { op: 'replace', path: '/size', value: null }, { op: 'test', path: '/id', value: 'w' }] });
    // @ts-expect-error id is x-can-patch: false
    patchWidget({ id: 'w', body: [{ op: 'replace', path: '/id', value: 'x' }] });
    // @ts-expect-error owner is x-can-patch: false, and everything below it
    patchWidget({ id: 'w', body: [{ op: 'replace', path: '/owner/email', value: 'x' }] });
    // @ts-expect-error size is an integer or null
    patchWidget({ id: 'w', body: [{ op: 'replace', path: '/size', value: '1' }] });
  });
});

describe('pointers listed in x-codegen, a target named there', () => {
  it('takes only the listed pointers (each with what is below it); test any', () => {
    patchNote({ id: 'n', body: [{ op: 'replace', path: '/title', value: 't' }, { op: 'add', path: '/tags/-', value: 'x' }, { op: 'replace', path: '/sections/2/heading', value: 'h' }] });
    patchNote({ id: 'n', body: [{ op: 'test', path: '/body', value: 'b' }] });
    // @ts-expect-error body is not listed
    patchNote({ id: 'n', body: [{ op: 'replace', path: '/body', value: 'b' }] });
    // @ts-expect-error only the heading of a section is listed
    patchNote({ id: 'n', body: [{ op: 'replace', path: '/sections/2/text', value: 't' }] });
  });
});

describe('an inline body and an inline response', () => {
  it('types the patch property of the body against the response', () => {
    patchLabel({ id: 'l', body: { operations: [{ op: 'replace', path: '/color', value: null }, { op: 'add', path: '/meta/owner', value: 'me' }], dryRun: true } });
    // @ts-expect-error name is a string
    patchLabel({ id: 'l', body: { operations: [{ op: 'replace', path: '/name', value: null }] } });
  });
});

describe('left as the spec types it', () => {
  it('a partial-object PATCH, and a patch whose target nothing says', () => {
    expectTypeOf<UpdateThingArgs>().toEqualTypeOf<OperationArgs<paths['/things/{id}']['patch']>>();
    expectTypeOf<PatchOrphanArgs>().toEqualTypeOf<OperationArgs<paths['/orphans/{id}']['patch']>>();
    const orphan: PatchOrphanArgs = { id: 'o', body: [{ op: 'add', path: '/whatever', value: 1 }] };
    void orphan;
  });
});

describe('bound client', () => {
  it('takes the same typed patch', () => {
    const client = createJsonPatchKindsClient({ apiKey: 'k', baseUrl: 'http://127.0.0.1:1' });
    void client.patchFlag({ key: 'f', body: { patch: [{ op: 'replace', path: '/environments/production/on', value: true }] } });
    // @ts-expect-error a misspelt pointer
    void client.patchFlag({ key: 'f', body: { patch: [{ op: 'replace', path: '/environments/production/onn', value: true }] } });
  });
});
