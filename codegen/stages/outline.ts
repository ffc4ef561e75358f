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
 * The same holds, one level down, for the object types of
 * `components["schemas"]`' members (most of the rest): named-types moves
 * each whole and the report lists only its key, so the parse gets `{}` for
 * every such type no pass reads (Pass.reads), and the outline gives the type
 * names inside. Other types (unions, arrays, …) are few and short, and stay:
 * recursive-unions reads every union.
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

/**
 * A member of `components["schemas"]`: its key, whether its type is a type
 * literal (all that named-types and the report read of a type no pass looks
 * into), and the type names referenced inside.
 */
export interface SchemaOutline {
  key: string;
  literal: boolean;
  typeNames: string[];
}

export interface Outline {
  /** The skippable interfaces (`paths`, `operations`) found, by name. */
  interfaces: Map<string, InterfaceOutline>;
  /** The members of `components["schemas"]` in order (none: no such member). */
  schemas: SchemaOutline[];
}

/** The interfaces the passes' parse may skip. */
export const SKIPPABLE = ['paths', 'operations'] as const;

/** The outline of openapi-typescript's top-level `statements`: every skippable interface, and the schemas. */
export function outlineTypes(statements: readonly ts.Node[]): Outline {
  const outline: Outline = { interfaces: new Map(), schemas: [] };
  const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
  const empty = ts.createSourceFile('outline.ts', '', ts.ScriptTarget.Latest);
  const print = (n: ts.Node) => oneLine(printer.printNode(ts.EmitHint.Unspecified, n, empty));
  for (const st of statements) {
    if (!ts.isInterfaceDeclaration(st)) continue;
    if (st.name.text === 'components') outline.schemas = outlineSchemas(st);
    if (!(SKIPPABLE as readonly string[]).includes(st.name.text)) continue;
    // Typed against ts-morph's compiler; run from the sources, openapi-typescript's nodes are the
    // `typescript` package's, read here with that package's functions (the same API).
    type Api = Parameters<typeof outlineMembers>[0];
    const members = outlineMembers(ts as unknown as Api, st.members as never, 1, { print: print as never, name: print as never });
    outline.interfaces.set(st.name.text, { members, typeNames: typeNamesIn(st) });
  }
  return outline;
}

/** The members of `components`' `schemas` type literal. */
function outlineSchemas(components: ts.InterfaceDeclaration): SchemaOutline[] {
  const schemas = components.members.find((m) => ts.isPropertySignature(m) && ts.isIdentifier(m.name) && m.name.text === 'schemas');
  const literal = schemas && ts.isPropertySignature(schemas) ? schemas.type : undefined;
  if (!literal || !ts.isTypeLiteralNode(literal)) return [];
  return literal.members.map((m) => {
    const name = m.name;
    const key = name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : '';
    const type = ts.isPropertySignature(m) ? m.type : undefined;
    return { key, literal: !!type && ts.isTypeLiteralNode(type), typeNames: type ? typeNamesIn(type) : [] };
  });
}

/** The names of the types referenced inside `node` (the leftmost part of a qualified name). */
function typeNamesIn(node: ts.Node): string[] {
  const typeNames = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isTypeReferenceNode(n)) typeNames.add(leftmost(n.typeName));
    ts.forEachChild(n, visit);
  };
  visit(node);
  return [...typeNames];
}

/** `a` of `a.b.c`: what readable-aliases reads of a type reference's name. */
function leftmost(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : leftmost(name.left);
}
