/**
 * What the typed JSON Patch bodies need at run time (almost nothing): the
 * escape hatch for a pointer the spec does not describe, and the wrapper
 * argument type with its body replaced. The pointers and values themselves
 * are generated per operation (codegen/stages/json-patch.ts).
 */
import { InvalidRequestError } from './errors.js';

declare const uncheckedPointerBrand: unique symbol;

/**
 * A JSON Pointer (RFC 6901) that the spec does not describe, accepted as the
 * `path` of any JSON Patch operation. Made only by `uncheckedPointer()`, so a
 * misspelt pointer in a plain string literal is still a type error.
 */
export type UncheckedPointer = string & { readonly [uncheckedPointerBrand]: true };

/**
 * `pointer` as an `UncheckedPointer`: the explicit way to patch a field the
 * spec does not describe (`{ op: 'replace', path: uncheckedPointer('/newField'), value: 1 }`).
 * The string is sent as it is; it must be a JSON Pointer (`''` or starting with `/`).
 */
export function uncheckedPointer(pointer: string): UncheckedPointer {
  if (pointer !== '' && !pointer.startsWith('/')) {
    throw new InvalidRequestError(`not a JSON Pointer (RFC 6901): ${JSON.stringify(pointer.slice(0, 100))} must be empty or start with "/"`);
  }
  return pointer as UncheckedPointer;
}

/** A JSON Patch operation (RFC 6902 §4) on an `UncheckedPointer`: its value is not checked. */
export type UncheckedPatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: UncheckedPointer; value: unknown }
  | { op: 'remove'; path: UncheckedPointer }
  | { op: 'move' | 'copy'; from: string; path: UncheckedPointer };

/** A wrapper's argument with its `body` (required or optional, as before) typed `Body`. */
export type WithBody<Args, Body> = Omit<Args, 'body'> & (Args extends { body: unknown } ? { body: Body } : { body?: Body });
