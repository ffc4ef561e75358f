/**
 * The exported symbols of generated `.ts` files read from their syntax
 * (the TypeScript compiler API, no type checker, no program: fast, and
 * independent of whether the imports resolve), in the order and form
 * api-report.ts renders. The schema worker lists schema.ts this way (from
 * the passes' own parse); api-diff lists committed files.
 */
import { ts } from 'ts-morph';
import { access, byCodePoint, oneLine, renderApiReport, SymbolList, truncate, type ApiSymbol, type SymbolKind } from './api-report.js';

/** The listing reads no doc comment, so JSDoc is not parsed (most of a parse's time on well-documented types). */
export const REPORT_PARSE: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/**
 * A file's source: its text, or the file already parsed as consecutive parts
 * (the parts' statements in order are the file's statements; see
 * stages/passes.ts, which hands over its own parse).
 */
export type ReportSource = string | readonly ts.SourceFile[] | ParsedReportSource;

/** A file already parsed as parts, with the members of top-level interfaces whose body that parse skipped (stages/outline.ts). */
export interface ParsedReportSource {
  parts: readonly ts.SourceFile[];
  outlined: ReadonlyMap<string, readonly OutlineMember[]>;
}

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
  const { parts, outlined } =
    typeof source === 'string'
      ? { parts: [ts.createSourceFile(file, source, REPORT_PARSE, true, ts.ScriptKind.TS)], outlined: undefined }
      : 'parts' in source
        ? source
        : { parts: source, outlined: undefined };
  const list = new SymbolList(file);
  const functions = new Map<string, Array<{ decl: ts.FunctionDeclaration; print: (n: ts.Node) => string }>>();
  const add = (name: string, kind: SymbolKind, signature: string, members: ApiSymbol[] = []) => list.add(name, kind, signature, members);

  // named-types writes `// components["schemas"]["<key>"]` above each schema's declaration: the member it is.
  // Such a declaration is listed by its kind, name and that comment alone (stages/passes.ts parses the moves' stubs, TextMove.stub).
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
        const given = sf === parts[0] ? outlined?.get(name) : undefined;
        add(name, 'interface', `interface ${name}${typeParams(st.typeParameters, print)}${heritage}`, given ? outlineSymbols(file, name, given) : members(file, name, st.members, 1, sf, print));
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

const MEMBER_DEPTH = 2;

/** One member of an interface's outline: a property (or method) by name, or an index signature as printed. */
export interface OutlineMember {
  name: { text: string; identifier: boolean } | { index: string };
  /** Typed `never` (the report skips it). */
  never: boolean;
  /** Members of its type, when that is an object type literal (one level less). */
  nested: OutlineMember[];
}

/**
 * Members of a type element list, `depth` levels down, as the API report reads
 * them: from a parse (below, ts-morph's compiler) or from
 * openapi-typescript's nodes (outline.ts, the compiler it ran on). `api` is the compiler the nodes belong to.
 */
export function outlineMembers(
  api: typeof ts,
  list: ts.NodeArray<ts.TypeElement>,
  depth: number,
  text: { print: (n: ts.Node) => string; name: (n: ts.PropertyName) => string },
): OutlineMember[] {
  if (depth > MEMBER_DEPTH) return [];
  const out: OutlineMember[] = [];
  for (const m of list) {
    let name: OutlineMember['name'];
    let type: ts.TypeNode | undefined;
    if (api.isPropertySignature(m) || api.isMethodSignature(m)) {
      const n = m.name;
      if (api.isIdentifier(n) || api.isPrivateIdentifier(n)) name = { text: n.text, identifier: true };
      else if (api.isStringLiteral(n) || api.isNumericLiteral(n) || api.isNoSubstitutionTemplateLiteral(n)) name = { text: n.text, identifier: /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(n.text) };
      else name = { text: text.name(n), identifier: false };
      type = api.isPropertySignature(m) ? m.type : undefined;
    } else if (api.isIndexSignatureDeclaration(m)) {
      name = { index: m.parameters.map(text.print).join(', ') };
      type = m.type;
    } else continue;
    const never = type?.kind === api.SyntaxKind.NeverKeyword;
    out.push({ name, never, nested: !never && type && api.isTypeLiteralNode(type) ? outlineMembers(api, type.members, depth + 1, text) : [] });
  }
  return out;
}

function members(
  file: string,
  parent: string,
  list: ts.NodeArray<ts.TypeElement>,
  depth: number,
  sf: ts.SourceFile,
  print: (n: ts.Node) => string,
): ApiSymbol[] {
  return outlineSymbols(file, parent, outlineMembers(ts, list, depth, { print, name: (n) => n.getText(sf) }));
}

/** An outline's members as report symbols: by name at each level, never-typed members left out. */
export function outlineSymbols(file: string, parent: string, outline: readonly OutlineMember[]): ApiSymbol[] {
  const out: Array<{ symbol: ApiSymbol; nested: ApiSymbol[] }> = [];
  for (const m of outline) {
    if (m.never) continue;
    const key = 'index' in m.name ? `${parent}[${m.name.index}]` : access(parent, m.name);
    out.push({ symbol: { file, name: key, kind: 'member', signature: '' }, nested: outlineSymbols(file, key, m.nested) });
  }
  out.sort((a, b) => byCodePoint(a.symbol.name, b.symbol.name));
  return out.flatMap((o) => [o.symbol, ...o.nested]);
}

function typeParams(params: ts.NodeArray<ts.TypeParameterDeclaration> | undefined, print: (n: ts.Node) => string): string {
  return params?.length ? `<${params.map(print).join(', ')}>` : '';
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []).some((m) => m.kind === kind) : false;
}

