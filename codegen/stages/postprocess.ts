/**
 * Stage 3: ts-morph passes over the openapi-typescript output.
 *
 * The file is parsed once; every pass reads that parse and returns text edits,
 * which are applied together (see passes/types.ts for why).
 */
import { Node, Project, ts, type PropertySignature, type SourceFile } from 'ts-morph';
import type { JsonObject } from '../lib/openapi.js';
import { binaryTypesPass } from '../passes/binary-types.js';
import { booleanDiscriminatorPass } from '../passes/boolean-discriminator.js';
import { readableAliasesPass } from '../passes/readable-aliases.js';
import { recursiveUnionsPass } from '../passes/recursive-unions.js';
import type { Pass, TextEdit } from '../passes/types.js';

/** The registry: passes in the order their facts are reported. */
export const PASSES: ReadonlyArray<[string, Pass]> = [
  ['boolean-discriminator', booleanDiscriminatorPass],
  ['readable-aliases', readableAliasesPass],
  ['recursive-unions', recursiveUnionsPass],
  ['binary-types', binaryTypesPass],
];

export interface PostprocessOutput {
  text: string;
  warnings: string[];
  facts: Record<string, unknown>;
  /**
   * `text` as already parsed, for the API report (api-diff/api-report.ts):
   * this stage's parse of the openapi-typescript output plus a parse of what
   * the passes appended. Present only when the passes' other edits cannot
   * change the report (see reportParts); otherwise the report parses `text`.
   */
  reportParts?: ts.SourceFile[] | undefined;
}

export function postprocess(schemaText: string, document: JsonObject, takenNames: ReadonlySet<string> = new Set()): PostprocessOutput {
  // A project per call, dropped afterwards rather than emptied: removing a source
  // file makes ts-morph forget every node it wrapped, one by one (0.15 s here).
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true });
  const sourceFile = project.createSourceFile('/schema.ts', schemaText);
  const ctx = { sourceFile, document, schemas: schemaMembers(sourceFile), takenNames };
  const edits: TextEdit[] = [];
  const warnings: string[] = [];
  const facts: Record<string, unknown> = {};
  for (const [, pass] of PASSES) {
    const result = pass(ctx);
    edits.push(...result.edits);
    warnings.push(...result.warnings);
    Object.assign(facts, result.facts);
  }
  const text = applyEdits(schemaText, edits);
  return { text, warnings, facts, reportParts: reportParts(sourceFile, ctx.schemas, edits, text) };
}

/**
 * The API report lists top-level symbols with signatures and interface
 * members by name two levels deep (`components.schemas.Foo`), skipping
 * members typed `never`. Edits strictly inside the type of such a schema
 * member (the passes' rewrites) leave that listing as it is, unless they turn
 * the type into `never` or out of it; insertions at the end of the file add
 * whole statements. When every edit is one of those, the report is this
 * parse plus a parse of the appended text, and the 1–2 MB file of a large
 * spec is not parsed a second time. test/codegen asserts both ways agree.
 */
export function reportParts(sourceFile: SourceFile, schemas: Map<string, PropertySignature>, edits: TextEdit[], text: string): ts.SourceFile[] | undefined {
  const end = sourceFile.getEnd();
  const ranges = [...schemas.values()].flatMap((member) => {
    const type = member.compilerNode.type;
    return type ? [{ start: type.getStart(sourceFile.compilerNode), end: type.getEnd(), never: type.kind === ts.SyntaxKind.NeverKeyword }] : [];
  });
  let appended = 0;
  for (const edit of edits) {
    if (edit.start === end && edit.end === end) {
      appended += edit.text.length;
      continue;
    }
    const inside = ranges.find((r) => edit.start >= r.start && edit.end <= r.end) ?? memberTypeAt(sourceFile.compilerNode, edit);
    if (!inside || inside.never) return undefined;
    if (edit.start === inside.start && edit.end === inside.end && /^\s*never\s*$/.test(edit.text)) return undefined;
  }
  const tail = ts.createSourceFile('/schema.ts', text.slice(text.length - appended), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return [sourceFile.compilerNode, tail];
}

/**
 * The type of the second-level interface member (`operations["id"].requestBody`,
 * `paths["/x"].post`) whose type holds `edit` strictly inside, found without
 * wrapping nodes in ts-morph: edits there (binary-types in operations) leave
 * the report's listing as it is, as edits inside a schema do.
 */
function memberTypeAt(file: ts.SourceFile, edit: TextEdit): { start: number; end: number; never: boolean } | undefined {
  const within = (node: ts.Node) => edit.start >= node.getStart(file) && edit.end <= node.getEnd();
  const statement = file.statements.find(within);
  if (!statement || !ts.isInterfaceDeclaration(statement)) return undefined;
  const first = statement.members.find(within);
  const literal = first && ts.isPropertySignature(first) ? first.type : undefined;
  if (!literal || !ts.isTypeLiteralNode(literal)) return undefined;
  const second = literal.members.find(within);
  const type = second && ts.isPropertySignature(second) ? second.type : undefined;
  if (!type || !within(type) || (edit.start === type.getStart(file) && edit.end === type.getEnd())) return undefined;
  return { start: type.getStart(file), end: type.getEnd(), never: type.kind === ts.SyntaxKind.NeverKeyword };
}

/** `components.schemas.<name>` property signatures of the generated file. */
export function schemaMembers(sourceFile: SourceFile): Map<string, PropertySignature> {
  const members = new Map<string, PropertySignature>();
  const schemas = sourceFile.getInterface('components')?.getProperty('schemas')?.getTypeNode();
  if (!schemas || !Node.isTypeLiteral(schemas)) return members;
  for (const member of schemas.getProperties()) {
    const nameNode = member.getNameNode();
    members.set(Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText(), member);
  }
  return members;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`internal: overlapping ts-morph edits at offset ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}
