/**
 * The exported symbols of generated `.ts` files read from their syntax
 * (the TypeScript compiler API, no type checker, no program: fast, and
 * independent of whether the imports resolve), in the order and form
 * api-report.ts renders. The schema worker lists schema.ts this way (from
 * the passes' own parse); api-diff lists committed files.
 */
import { ts } from 'ts-morph';
import { access, byCodePoint, oneLine, renderApiReport, SymbolList, truncate, type ApiSymbol, type SymbolKind } from './api-report.js';

const MEMBER_DEPTH = 2;

/** The listing reads no doc comment, so JSDoc is not parsed (most of a parse's time on well-documented types). */
export const REPORT_PARSE: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/**
 * A file's source: its text, or the file already parsed as consecutive parts
 * (the parts' statements in order are the file's statements; see
 * stages/passes.ts, which hands over its own parse).
 */
export type ReportSource = string | readonly ts.SourceFile[];

/** Every exported symbol of the `.ts` files in `files` (path → source), in report order. */
export function apiSymbols(files: Map<string, ReportSource>): ApiSymbol[] {
  const out: ApiSymbol[] = [];
  for (const file of [...files.keys()].filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts')).sort(byCodePoint)) {
    out.push(...fileSymbols(file, files.get(file)!));
  }
  return out;
}

/** The Markdown listing of `apiSymbols(files)`. */
export function apiReport(files: Map<string, ReportSource>, options: { title?: string } = {}): string {
  return renderApiReport(apiSymbols(files), options);
}

function fileSymbols(file: string, source: ReportSource): ApiSymbol[] {
  const parts = typeof source === 'string' ? [ts.createSourceFile(file, source, REPORT_PARSE, true, ts.ScriptKind.TS)] : source;
  const list = new SymbolList(file);
  const functions = new Map<string, Array<{ decl: ts.FunctionDeclaration; print: (n: ts.Node) => string }>>();
  const add = (name: string, kind: SymbolKind, signature: string, members: ApiSymbol[] = []) => list.add(name, kind, signature, members);

  // named-types writes `// components["schemas"]["<key>"]` above each schema's declaration: the member it is.
  const schemaOrigin = (st: ts.Statement, sf: ts.SourceFile): string | undefined =>
    (ts.getLeadingCommentRanges(sf.text, st.pos) ?? [])
      .map((r) => /^\/\/ (components\["schemas"\]\["(?:[^"\\]|\\.)*"\])$/.exec(sf.text.slice(r.pos, r.end))?.[1])
      .find(Boolean);
  for (const sf of parts) {
    const print = (node: ts.Node) => oneLine(printer.printNode(ts.EmitHint.Unspecified, node, sf));
    for (const st of sf.statements) {
      if (ts.isExportDeclaration(st)) {
        const from = st.moduleSpecifier ? ` from ${print(st.moduleSpecifier)}` : '';
        const typeOnly = st.isTypeOnly ? 'type ' : '';
        if (!st.exportClause) {
          add(`*${from}`, 're-export', `export ${typeOnly}*${from}`);
        } else if (ts.isNamespaceExport(st.exportClause)) {
          const name = st.exportClause.name.text;
          add(name, 're-export', `export ${typeOnly}* as ${name}${from}`);
        } else {
          for (const el of st.exportClause.elements) {
            const name = el.name.text;
            const orig = el.propertyName ? `${el.propertyName.getText(sf)} as ` : '';
            add(name, 're-export', `export ${typeOnly || (el.isTypeOnly ? 'type ' : '')}{ ${orig}${name} }${from}`);
          }
        }
        continue;
      }
      if (ts.isExportAssignment(st)) {
        add('default', 'default', `export ${st.isExportEquals ? '=' : 'default'} ${print(st.expression)}`);
        continue;
      }
      if (!hasModifier(st, ts.SyntaxKind.ExportKeyword)) continue;
      const isDefault = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
      const nameOf = (n: { name?: ts.Node | undefined }) => (isDefault ? 'default' : n.name ? n.name.getText(sf) : 'default');

      if (ts.isFunctionDeclaration(st)) {
        const name = nameOf(st);
        functions.set(name, [...(functions.get(name) ?? []), { decl: st, print }]);
      } else if ((ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) && schemaOrigin(st, sf)) {
        const name = nameOf(st);
        const kind = ts.isInterfaceDeclaration(st) ? 'interface' : 'type';
        add(name, kind, `${kind} ${name} (${schemaOrigin(st, sf)!})`);
      } else if (ts.isInterfaceDeclaration(st)) {
        const name = nameOf(st);
        const heritage = st.heritageClauses?.length ? ` ${st.heritageClauses.map(print).join(' ')}` : '';
        add(name, 'interface', `interface ${name}${typeParams(st.typeParameters, print)}${heritage}`, members(file, name, st.members, 1, sf, print));
      } else if (ts.isTypeAliasDeclaration(st)) {
        const name = nameOf(st);
        const literal = ts.isTypeLiteralNode(st.type);
        add(
          name,
          'type',
          `type ${name}${typeParams(st.typeParameters, print)} = ${literal ? '{ … }' : print(st.type)}`,
          literal ? members(file, name, (st.type as ts.TypeLiteralNode).members, 1, sf, print) : [],
        );
      } else if (ts.isVariableStatement(st)) {
        const flags = st.declarationList.flags;
        const kind: SymbolKind = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
        for (const d of st.declarationList.declarations) {
          const name = d.name.getText(sf);
          const rest = d.type ? `: ${print(d.type)}` : d.initializer ? ` = ${truncate(print(d.initializer))}` : '';
          add(name, kind, `${kind} ${name}${rest}`);
        }
      } else if (ts.isClassDeclaration(st)) {
        const name = nameOf(st);
        const heritage = st.heritageClauses?.length ? ` ${st.heritageClauses.map(print).join(' ')}` : '';
        const abstract = hasModifier(st, ts.SyntaxKind.AbstractKeyword) ? 'abstract ' : '';
        add(name, 'class', `${abstract}class ${name}${typeParams(st.typeParameters, print)}${heritage}`);
      } else if (ts.isEnumDeclaration(st)) {
        const name = nameOf(st);
        const isConst = hasModifier(st, ts.SyntaxKind.ConstKeyword) ? 'const ' : '';
        add(name, 'enum', `${isConst}enum ${name} { ${st.members.map(print).join(', ')} }`);
      } else if (ts.isModuleDeclaration(st)) {
        const name = nameOf(st);
        add(name, 'namespace', `namespace ${name}`);
      }
    }
  }

  for (const [name, decls] of functions) {
    const overloads = decls.filter((d) => !d.decl.body);
    const shown = overloads.length ? overloads : decls;
    add(name, 'function', shown.map((d) => functionSignature(name, d.decl, d.print)).join('; '));
  }

  return list.symbols();
}

function functionSignature(name: string, d: ts.FunctionDeclaration, print: (n: ts.Node) => string): string {
  const isAsync = hasModifier(d, ts.SyntaxKind.AsyncKeyword) ? 'async ' : '';
  const star = d.asteriskToken ? '*' : '';
  const params = d.parameters.map((p) => {
    const optional = p.questionToken || p.initializer ? '?' : '';
    return `${p.dotDotDotToken ? '...' : ''}${print(p.name)}${optional}${p.type ? `: ${print(p.type)}` : ''}`;
  });
  const ret = d.type ? `: ${print(d.type)}` : '';
  return `${isAsync}function${star} ${name}${typeParams(d.typeParameters, print)}(${params.join(', ')})${ret}`;
}

function members(
  file: string,
  parent: string,
  list: ts.NodeArray<ts.TypeElement>,
  depth: number,
  sf: ts.SourceFile,
  print: (n: ts.Node) => string,
): ApiSymbol[] {
  if (depth > MEMBER_DEPTH) return [];
  const out: Array<{ symbol: ApiSymbol; nested: ApiSymbol[] }> = [];
  for (const m of list) {
    let key: string;
    let type: ts.TypeNode | undefined;
    if (ts.isPropertySignature(m) || ts.isMethodSignature(m)) {
      key = access(parent, memberName(m.name, sf));
      type = ts.isPropertySignature(m) ? m.type : undefined;
    } else if (ts.isIndexSignatureDeclaration(m)) {
      key = `${parent}[${m.parameters.map(print).join(', ')}]`;
      type = m.type;
    } else continue;
    if (type?.kind === ts.SyntaxKind.NeverKeyword) continue;
    const nested = type && ts.isTypeLiteralNode(type) ? members(file, key, type.members, depth + 1, sf, print) : [];
    out.push({ symbol: { file, name: key, kind: 'member', signature: '' }, nested });
  }
  out.sort((a, b) => byCodePoint(a.symbol.name, b.symbol.name));
  return out.flatMap((o) => [o.symbol, ...o.nested]);
}

function memberName(name: ts.PropertyName, sf: ts.SourceFile): { text: string; identifier: boolean } {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return { text: name.text, identifier: true };
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
    return { text: name.text, identifier: /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name.text) };
  }
  return { text: name.getText(sf), identifier: false };
}

function typeParams(params: ts.NodeArray<ts.TypeParameterDeclaration> | undefined, print: (n: ts.Node) => string): string {
  return params?.length ? `<${params.map(print).join(', ')}>` : '';
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).some((m) => m.kind === kind) : false;
}

