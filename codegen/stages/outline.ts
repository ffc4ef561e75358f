/**
 * The schema job, between its two steps (worker/schema-job.ts): what the
 * passes and the API report read of openapi-typescript's `paths` and
 * `operations` interfaces, taken from the nodes openapi-typescript made,
 * before they are printed. Those two interfaces are most of schema.ts
 * (two thirds of full Scale GP's) and no pass edits them unless the spec
 * says so (binary-types, for some request and response bodies: Pass.reads),
 * so the passes' parse skips the ones nobody reads (stages/passes.ts) and
 * takes these facts instead:
 * - the members two levels deep, as the API report lists them
 *   (api-symbols.ts: `paths["/x"]`, `paths["/x"].get`, never-typed skipped);
 * - the names of the types referenced inside (`components`, `Record`, …),
 *   which readable-aliases must not give a schema.
 *
 * The nodes come from the TypeScript that openapi-typescript ran on
 * (`typescript`, which the bundle points at ts-morph's), so this module reads
 * them with that one; what it returns is plain data.
 */
import ts from 'typescript';
import { oneLine } from './api-report.js';
import { outlineMembers, type OutlineMember } from './api-symbols.js';

export interface InterfaceOutline {
  members: OutlineMember[];
  typeNames: string[];
}

/** The interfaces the passes' parse may skip. */
export const SKIPPABLE = ['paths', 'operations'] as const;

/** The outline of every skippable interface among openapi-typescript's top-level `statements`. */
export function outlineInterfaces(statements: readonly ts.Node[]): Map<string, InterfaceOutline> {
  const found = new Map<string, InterfaceOutline>();
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const empty = ts.createSourceFile('outline.ts', '', ts.ScriptTarget.Latest);
  const print = (n: ts.Node) => oneLine(printer.printNode(ts.EmitHint.Unspecified, n, empty));
  for (const st of statements) {
    if (!ts.isInterfaceDeclaration(st) || !(SKIPPABLE as readonly string[]).includes(st.name.text)) continue;
    const typeNames = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isTypeReferenceNode(node)) typeNames.add(leftmost(node.typeName));
      ts.forEachChild(node, visit);
    };
    visit(st);
    // Typed against ts-morph's compiler; run from the sources, openapi-typescript's nodes are the
    // `typescript` package's, read here with that package's functions (the same API).
    type Api = Parameters<typeof outlineMembers>[0];
    const members = outlineMembers(ts as unknown as Api, st.members as never, 1, { print: print as never, name: print as never });
    found.set(st.name.text, { members, typeNames: [...typeNames] });
  }
  return found;
}

/** `a` of `a.b.c`: what readable-aliases reads of a type reference's name. */
function leftmost(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : leftmost(name.left);
}
