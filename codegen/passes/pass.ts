import type { PropertySignature, SourceFile } from 'ts-morph';
import type { JsonObject } from '../lib/openapi.js';

/** A replacement of `[start, end)` in the original text. Passes never edit the tree directly. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface PassContext {
  sourceFile: SourceFile;
  /**
   * The text `[start, end)` of `sourceFile` stands for in the file: what
   * the parse did without included (a schema member's doc comment is
   * `/** *\/` in `sourceFile`; see Pass.reads).
   */
  source: (start: number, end: number) => string;
  /** The bundled spec (read-only). */
  document: JsonObject;
  /** `components.schemas` members of the generated `components` interface, by schema name. */
  schemas: Map<string, PropertySignature>;
  /** Names other generated code exports (wrappers and their Args/Result types): passes must not emit them. */
  takenNames: ReadonlySet<string>;
  /** Alias names the previous generate gave (its manifest.json), by schema key: readable-aliases keeps them. */
  recordedAliases: ReadonlyMap<string, string>;
  /** Type names referenced inside what the parse skipped (interface members, schema types; see Pass.reads): names to keep clear of. */
  hiddenTypeNames: ReadonlySet<string>;
  /** Facts of the passes before this one in the registry (data flows one way: a pass reads only earlier passes). */
  facts: Readonly<Record<string, unknown>>;
}

/**
 * `[start, end)` of the original text, with every edit inside it applied, is
 * replaced by `replacement` and its text handed to `render`, whose result is
 * appended to the file (after every edit). For text that must move while
 * other passes edit inside it: a schema's type becoming a top-level declaration.
 */
export interface TextMove {
  start: number;
  end: number;
  replacement: string;
  render: (moved: string) => string;
  /**
   * The appended text as the API report reads it (api-symbols.ts: a schema's
   * declaration by its kind, name and origin comment), when the pass knows
   * it: parsed for the report instead of the whole declaration.
   */
  stub?: string;
}

/** What a pass names (InterfaceRead) to read the types of `components["schemas"]` members, by schema key. */
export const SCHEMA_TYPES = 'components.schemas';

/**
 * Part of an interface a pass reads: `members` by key, or all of it. The name
 * SCHEMA_TYPES stands for the types of `components["schemas"]` members, by
 * schema key.
 */
export interface InterfaceRead {
  name: string;
  members?: readonly string[];
}

export interface PassResult {
  edits: TextEdit[];
  warnings: string[];
  /** Facts the pass reports for manifest.json. */
  facts?: Record<string, unknown>;
  moves?: TextMove[];
}

/**
 * A ts-morph pass reads the parsed schema file and the bundled spec and returns
 * edits. All passes see the same parse and their edits are applied in one
 * batch: each ts-morph manipulation call would re-parse the whole file.
 */
export type Pass = ((ctx: PassContext) => PassResult) & {
  /**
   * What this pass reads, for `document`, of what the parse may skip
   * (stages/outline.ts): of the interfaces `paths` and `operations`, some
   * members by key, or (no `members`) all of it; of the schemas' object
   * types (SCHEMA_TYPES), those of some schemas, or all. Nothing when absent.
   * What no pass reads is not in `sourceFile`: an interface member is cut
   * out, a schema's object type is `{}` there (offsets are mapped back). A
   * schema member's doc comment is always `/** *\/` there: PassContext.source
   * gives its text.
   */
  reads?: (document: JsonObject) => Iterable<InterfaceRead>;
};
