/**
 * Stage 3: ts-morph passes over the openapi-typescript output.
 *
 * The file is parsed once; every pass reads that parse and returns text edits,
 * which are applied together (see passes/types.ts for why).
 */
import { Node, Project, type PropertySignature, type SourceFile } from 'ts-morph';
import type { JsonObject } from '../lib/openapi.js';
import { booleanDiscriminatorPass } from '../passes/boolean-discriminator.js';
import { readableAliasesPass } from '../passes/readable-aliases.js';
import { recursiveUnionsPass } from '../passes/recursive-unions.js';
import type { Pass, TextEdit } from '../passes/types.js';

/** The registry: passes in the order their facts are reported. */
export const PASSES: ReadonlyArray<[string, Pass]> = [
  ['boolean-discriminator', booleanDiscriminatorPass],
  ['readable-aliases', readableAliasesPass],
  ['recursive-unions', recursiveUnionsPass],
];

export interface PostprocessOutput {
  text: string;
  warnings: string[];
  facts: Record<string, unknown>;
}

let project: Project | undefined;

export function postprocess(schemaText: string, document: JsonObject, takenNames: ReadonlySet<string> = new Set()): PostprocessOutput {
  project ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true });
  const sourceFile = project.createSourceFile('/schema.ts', schemaText, { overwrite: true });
  try {
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
    return { text: applyEdits(schemaText, edits), warnings, facts };
  } finally {
    project.removeSourceFile(sourceFile);
  }
}

/** `components.schemas.<name>` property signatures of the generated file. */
function schemaMembers(sourceFile: SourceFile): Map<string, PropertySignature> {
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
