/**
 * lib/ts-print.ts writes openapi-typescript's statements without TypeScript's
 * printer: its text must be the printer's, byte for byte, on both TypeScripts
 * (ts-morph's, which the bundle runs, and the typescript package), for every
 * kind of syntax it writes itself, and for whole specs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import typescript from 'typescript';
import { ts as tsMorphTs } from 'ts-morph';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { canEmitDirectly, printStatements } from '../../codegen/lib/ts-print.js';
import { generateTypes } from '../../codegen/stages/openapi-typescript.js';
import { CORPUS } from '../support/corpus-config.mjs';
import { OAS_CORPUS } from '../support/oas-corpus.js';

type Ts = typeof typescript;
const APIS: Array<[string, Ts]> = [
  ['ts-morph', tsMorphTs as unknown as Ts],
  ['typescript', typescript],
];

/** What TypeScript's printer writes for a file of `statements` (openapi-typescript's astToString). */
function printerText(api: Ts, statements: readonly typescript.Node[]): string {
  const printer = api.createPrinter({ newLine: api.NewLineKind.LineFeed, removeComments: false });
  const file = api.createSourceFile('x.ts', '', api.ScriptTarget.ESNext, false, api.ScriptKind.TS);
  (file as { statements: typescript.NodeArray<typescript.Node> }).statements = api.factory.createNodeArray(statements);
  return printer.printFile(file);
}

/** Statements with every kind of node the emitter writes, in the shapes openapi-typescript makes and some it does not. */
function everyKind(api: Ts): typescript.Statement[] {
  const f = api.factory;
  const K = api.SyntaxKind;
  const kw = (kind: typescript.KeywordTypeSyntaxKind) => f.createKeywordTypeNode(kind);
  const lit = (value: string) => f.createLiteralTypeNode(f.createStringLiteral(value));
  const doc = <T extends typescript.Node>(node: T, text: string, trailingNewLine = true) => api.addSyntheticLeadingComment(node, K.MultiLineCommentTrivia, text, trailingNewLine);
  const prop = (name: string | typescript.PropertyName, type: typescript.TypeNode, optional = false, modifiers?: typescript.Modifier[]) =>
    f.createPropertySignature(modifiers, typeof name === 'string' ? f.createIdentifier(name) : name, optional ? f.createToken(K.QuestionToken) : undefined, type);
  const ref = (name: string, args?: typescript.TypeNode[]) => f.createTypeReferenceNode(name, args);
  const schema = (name: string) => f.createIndexedAccessTypeNode(f.createIndexedAccessTypeNode(ref('components'), lit('schemas')), lit(name));

  // A comment asking for a line before it: a no-op at a line's start, a line break mid-line.
  const leadingNewline = <T extends typescript.Node>(node: T): T =>
    api.setSyntheticLeadingComments(node, [{ kind: K.MultiLineCommentTrivia, text: '* on a line of its own ', hasTrailingNewLine: false, hasLeadingNewline: true, pos: -1, end: -1 }]);
  const withLeadingNewline = leadingNewline(prop('spaced', f.createUnionTypeNode([kw(K.NumberKeyword), leadingNewline(lit('b'))])));
  const member = lit('a');
  doc(member, ' inline ', false);
  const trailed = prop('trailed', kw(K.StringKeyword));
  api.addSyntheticTrailingComment(trailed, K.SingleLineCommentTrivia, ' line comment', true);
  const trailedInline = kw(K.BooleanKeyword);
  api.addSyntheticTrailingComment(trailedInline, K.MultiLineCommentTrivia, ' after ', false);
  const singleLine = prop('single', kw(K.UnknownKeyword));
  api.addSyntheticLeadingComment(singleLine, K.SingleLineCommentTrivia, ' a line', false);

  const members: typescript.TypeElement[] = [
    doc(prop('plain', kw(K.StringKeyword)), '*\n * @description A description\n *     indented more\n *\n * @example {\n *   "a": 1\n * }\n '),
    doc(prop('ragged', kw(K.StringKeyword), true), '*\n   * first\n\t * tabbed\n * \n  '),
    prop(f.createStringLiteral('/v1/things/{id}'), kw(K.NeverKeyword), true, [f.createModifier(K.ReadonlyKeyword)]),
    prop(f.createStringLiteral('quote " back \\ nl \n tab \t nul \0 1 é 日本 \u2028 \ud83d\ude00'), kw(K.AnyKeyword)),
    prop(f.createNumericLiteral(200), f.createTypeLiteralNode([])),
    prop('union', f.createUnionTypeNode([lit("it's"), member, f.createLiteralTypeNode(f.createNull()), f.createLiteralTypeNode(f.createTrue()), f.createLiteralTypeNode(f.createFalse())])),
    prop('numbers', f.createUnionTypeNode([f.createLiteralTypeNode(f.createNumericLiteral(1.5)), f.createLiteralTypeNode(f.createPrefixUnaryExpression(K.MinusToken, f.createNumericLiteral(3)))])),
    prop('intersection', f.createIntersectionTypeNode([schema('A'), f.createTypeLiteralNode([prop('x', kw(K.BigIntKeyword))])])),
    prop('arrays', f.createArrayTypeNode(f.createParenthesizedType(f.createUnionTypeNode([kw(K.StringKeyword), kw(K.UndefinedKeyword)])))),
    prop('tuple', f.createTupleTypeNode([kw(K.StringKeyword), f.createOptionalTypeNode(kw(K.NumberKeyword)), f.createRestTypeNode(f.createArrayTypeNode(kw(K.ObjectKeyword)))])),
    prop('emptyTuple', f.createTupleTypeNode([])),
    prop('operators', f.createUnionTypeNode([f.createTypeOperatorNode(K.ReadonlyKeyword, f.createArrayTypeNode(kw(K.StringKeyword))), f.createTypeOperatorNode(K.KeyOfKeyword, schema('B'))])),
    prop('record', ref('Record', [kw(K.StringKeyword), kw(K.NeverKeyword)])),
    f.createIndexSignature(undefined, [f.createParameterDeclaration(undefined, undefined, 'key', undefined, kw(K.StringKeyword))], kw(K.UnknownKeyword)),
    prop('nested', f.createTypeLiteralNode([doc(prop('deep', f.createTypeLiteralNode([prop('deeper', trailedInline, true)])), '* three levels ')])),
    withLeadingNewline,
    trailed,
    singleLine,
  ];
  const exported = [f.createModifier(K.ExportKeyword)];
  return [
    doc(f.createInterfaceDeclaration(exported, 'paths', undefined, undefined, members), '* the paths '),
    f.createInterfaceDeclaration(exported, 'empty', undefined, undefined, []),
    f.createTypeAliasDeclaration(exported, 'webhooks', undefined, ref('Record', [kw(K.StringKeyword), kw(K.NeverKeyword)])),
    f.createTypeAliasDeclaration(undefined, 'local', undefined, f.createTypeLiteralNode([prop("a", f.createLiteralTypeNode(f.createNull()))])),
  ];
}

describe('printStatements', () => {
  it.each(APIS)('has the helpers it uses on %s', (_, api) => {
    // Otherwise it falls back to astToString: the same text, the printer's time back.
    expect(canEmitDirectly(api)).toBe(true);
  });

  it.each(APIS)('writes what the printer writes for every kind it handles (%s)', (_, api) => {
    const statements = everyKind(api);
    const text = printStatements(statements, api);
    expect(text).toBe(printerText(api, statements));
    // The cases are there (a sample that lost them would pass on nothing).
    expect(text).toContain('readonly "/v1/things/{id}"?: never;');
    expect(text).toContain('\\u65E5\\u672C');
    expect(text).toContain('tuple: [\n');
    expect(text).toContain('/* inline */ "a"');
    expect(text).toContain('spaced: number | \n    /** on a line of its own */ "b";');
  });

  it.each(APIS)('leaves a statement it does not handle to the printer, and writes the others (%s)', (_, api) => {
    const f = api.factory;
    const K = api.SyntaxKind;
    const fn = f.createTypeAliasDeclaration(undefined, 'Fn', undefined, f.createFunctionTypeNode(undefined, [], f.createKeywordTypeNode(K.VoidKeyword)));
    const singleLine = api.setEmitFlags(f.createTypeLiteralNode([f.createPropertySignature(undefined, 'a', undefined, f.createKeywordTypeNode(K.StringKeyword))]), api.EmitFlags.SingleLine);
    const flagged = f.createTypeAliasDeclaration(undefined, 'Flagged', undefined, singleLine);
    // openapi-typescript parses its WithRequired helper from text.
    const parsed = api.createSourceFile('w.ts', 'type WithRequired<T, K extends keyof T> = T & { [P in K]-?: T[P] };', api.ScriptTarget.ESNext).statements[0]!;
    const statements = [...everyKind(api), fn, flagged, parsed, ...everyKind(api)];
    const text = printStatements(statements, api);
    expect(text).toBe(printerText(api, statements));
    expect(text).toContain('type Flagged = { a: string; };');
    expect(text).toContain('type WithRequired<T, K extends keyof T> = T & {');
  });

  it('writes the printer\'s text for every OpenAPI 3 document of bench/oas-corpus and the vendors\' full specs', async () => {
    const files = readdirSync(join(OAS_CORPUS, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(json|ya?ml)$/.test(f))
      .map((f) => join(OAS_CORPUS, 'docs', f));
    const vendors = ['scale-gp.full.openapi.json', 'launchdarkly.full.openapi.json'].map((f) => join(CORPUS, f)).filter((f) => existsSync(f));
    let compared = 0;
    for (const file of [...files, ...vendors]) {
      let doc: unknown;
      try {
        doc = file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 });
      } catch {
        continue; // not a document (a fragment, a template)
      }
      if (doc === null || typeof doc !== 'object' || typeof (doc as { openapi?: unknown }).openapi !== 'string') continue;
      let statements: readonly typescript.Node[] | undefined;
      try {
        await generateTypes(doc as Record<string, unknown>, file, { inspect: (nodes) => (statements = nodes) });
      } catch {
        continue; // openapi-typescript refuses it (an unresolvable $ref, …)
      }
      if (!statements) continue;
      expect(printStatements(statements), file).toBe(printerText(typescript, statements));
      compared++;
    }
    expect(compared).toBeGreaterThan(250);
  }, 120_000);
});
