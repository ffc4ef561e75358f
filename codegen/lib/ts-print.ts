/**
 * Prints openapi-typescript's top-level nodes: the text its `astToString`
 * gives (TypeScript's printer, LF line ends, comments kept, printing a source
 * file of those statements), written directly.
 *
 * TypeScript's printer sends every node through a pipeline of phases
 * (notification, substitution, comments, source maps, then a switch over
 * every kind of syntax), each looking up emit flags, comment ranges and
 * source positions, and its text writer finds the line starts of every
 * string it is given. On a full vendor spec that is a few hundred thousand
 * nodes and a fifth of the schema job. openapi-typescript makes type syntax
 * only (about twenty kinds of node, all synthesized, with JSDoc as synthetic
 * comments), and for that syntax the printer's text is a function of few
 * things: `emitStatements` makes the same calls on a text writer, in the
 * same order, as the printer's functions for those kinds (typescript.js
 * `emitTypeLiteral`, `emitNodeListItems`, `emitLeadingSynthesizedComment`,
 * …), and uses the printer's own helpers for the text of literals and
 * comments.
 *
 * A top-level statement holding anything else (another kind of node, a node
 * with emit flags, a node from a parse such as openapi-typescript's
 * `WithRequired` helper, a trailing comma) is printed by TypeScript's
 * printer, and so is everything when a TypeScript version lacks one of the
 * helpers: the text never depends on which one wrote it.
 * test/codegen/ts-print.test.ts compares the two on every kind handled
 * here and on whole specs.
 */
import ts from 'typescript';
import { astToString } from 'openapi-typescript/dist/lib/ts.mjs';

/**
 * The statements as openapi-typescript's astToString prints them. `api` is
 * the TypeScript whose factory made them (the bundle runs ts-morph's, see
 * codegen/generate.mjs; tests pass either).
 */
export function printStatements(statements: readonly ts.Node[], api: typeof ts = ts): string {
  const internals = api as unknown as Partial<Internals>;
  if (!hasInternals(internals)) return astToString([...statements]);
  const printer = api.createPrinter({ newLine: api.NewLineKind.LineFeed, removeComments: false });
  const file = api.createSourceFile('openapi-ts.ts', '', api.ScriptTarget.ESNext, false, api.ScriptKind.TS);
  return emitStatements(api, statements, internals, (node) => printer.printNode(api.EmitHint.Unspecified, node, file));
}

/** Whether this TypeScript has the helpers the emitter uses (test/codegen/ts-print.test.ts checks both). */
export function canEmitDirectly(api: typeof ts): boolean {
  return hasInternals(api as unknown as Partial<Internals>);
}

function hasInternals(internals: Partial<Internals>): internals is Internals {
  return INTERNALS.every((name) => typeof internals[name] === 'function');
}

/** TypeScript's internal helpers the emitter uses, as its printer does. */
interface Internals {
  /** typescript.js writeCommentRange: a comment's text, re-indented as the printer writes it. */
  writeCommentRange(text: string, lineMap: readonly number[] | undefined, writer: Writer, start: number, end: number, newLine: string): void;
  computeLineStarts(text: string): number[];
  /** typescript.js getLiteralText: a literal's text as the printer writes it (quotes, escapes). */
  getLiteralText(node: ts.Node, sourceFile: ts.SourceFile | undefined, flags: number): string;
  getIndentString(level: number): string;
}

const INTERNALS = ['writeCommentRange', 'computeLineStarts', 'getLiteralText', 'getIndentString'] as const;

const NEW_LINE = '\n';
/** A line break as TypeScript's isLineBreak has it. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The part of TypeScript's text writer (createTextWriter) that the printer's
 * calls for these kinds, and writeCommentRange, use: the text, its indent
 * and whether a line has just started. The text is kept as its parts, joined
 * once: appending a string per token makes a rope of millions of links on
 * GitHub's spec (peak RSS 593 → 556 MiB, 9 pairs; the same time). `write`
 * is given tokens, names and escaped literals, which never hold a line
 * break; `rawWrite` and `writeComment` may, and keep `lineStart` as
 * TypeScript's writer does.
 */
class Writer {
  private readonly parts: string[] = [];
  private indent = 0;
  private lineStart = true;
  constructor(private readonly indentString: (level: number) => string) {}

  write(s: string): void {
    if (!s) return;
    if (this.lineStart) {
      this.parts.push(this.indentString(this.indent));
      this.lineStart = false;
    }
    this.parts.push(s);
  }
  writeComment(s: string): void {
    if (!s) return;
    this.write(s);
    this.afterRaw(s);
  }
  rawWrite(s: string): void {
    this.parts.push(s);
    this.afterRaw(s);
  }
  /** lineStart after writing `s`, as updateLineCountAndPosFor sets it. */
  private afterRaw(s: string): void {
    if (!LINE_BREAK.test(s)) {
      this.lineStart = false;
      return;
    }
    const last = s.length - 1;
    const ch = s.charCodeAt(last);
    // A line break at the end (computeLineStarts: \r\n is one break) starts a line.
    this.lineStart = ch === 10 || ch === 13 || ch === 0x2028 || ch === 0x2029;
  }
  /** Where the text is now, for `restart`. */
  mark(): number {
    return this.parts.length;
  }
  text(): string {
    return this.parts.join('');
  }
  /** Back to where a top-level statement began (`at`: its mark). */
  restart(at: number): void {
    this.parts.length = at;
    this.indent = 0;
    this.lineStart = true;
  }
  writeLine(force?: boolean): void {
    if (!this.lineStart || force) {
      this.parts.push(NEW_LINE);
      this.lineStart = true;
    }
  }
  increaseIndent(): void {
    this.indent++;
  }
  decreaseIndent(): void {
    this.indent--;
  }
  getIndent(): number {
    return this.indent;
  }
  isAtStartOfLine(): boolean {
    return this.lineStart;
  }
}

/** Syntax this emitter does not write the printer's way: TypeScript's printer prints its statement. */
class Unsupported extends Error {}

// TypeScript's ListFormat values (typescript.js), for the lists these kinds have.
const MULTI_LINE = 1;
const BAR_DELIMITED = 4;
const AMPERSAND_DELIMITED = 8;
const COMMA_DELIMITED = 16;
const DELIMITERS = 60;
const INDENTED = 128;
const SPACE_BETWEEN_BRACES = 256;
const SPACE_BETWEEN_SIBLINGS = 512;
const SQUARE_BRACKETS = 8192;
const ANGLE_BRACKETS = 4096;
const OPTIONAL_IF_UNDEFINED = 16384;
const OPTIONAL_IF_EMPTY = 32768;
const NO_TRAILING_NEW_LINE = 131072;
const NO_SPACE_IF_EMPTY = 524288;
const SPACE_AFTER_LIST = 2097152;

const INTERFACE_MEMBERS = INDENTED | MULTI_LINE;
const TYPE_LITERAL_MEMBERS = OPTIONAL_IF_EMPTY | INDENTED | MULTI_LINE | NO_SPACE_IF_EMPTY;
const TUPLE_ELEMENTS = SPACE_BETWEEN_SIBLINGS | INDENTED | COMMA_DELIMITED | MULTI_LINE | NO_SPACE_IF_EMPTY;
const UNION_MEMBERS = SPACE_BETWEEN_SIBLINGS | BAR_DELIMITED;
const INTERSECTION_MEMBERS = SPACE_BETWEEN_SIBLINGS | AMPERSAND_DELIMITED;
const TYPE_ARGUMENTS = OPTIONAL_IF_EMPTY | OPTIONAL_IF_UNDEFINED | ANGLE_BRACKETS | SPACE_BETWEEN_SIBLINGS | COMMA_DELIMITED;
const INDEX_SIGNATURE_PARAMETERS = COMMA_DELIMITED | SPACE_BETWEEN_SIBLINGS | INDENTED | SQUARE_BRACKETS;
const MODIFIERS = SPACE_AFTER_LIST | SPACE_BETWEEN_SIBLINGS;

/**
 * The text of `statements` as the printer writes a source file of them
 * (`printer.printFile`). A statement holding syntax this emitter does not
 * handle is printed by `printStatement` (TypeScript's printer, one
 * statement: the text it has in the file, which starts a line at indent 0
 * and holds no source text).
 */
function emitStatements(api: typeof ts, statements: readonly ts.Node[], internals: Internals, printStatement: (node: ts.Node) => string): string {
  const K = api.SyntaxKind;
  const writer = new Writer(internals.getIndentString);
  const write = (s: string) => writer.write(s);

  function list(children: readonly ts.Node[] | undefined, format: number): void {
    if (children === undefined && format & OPTIONAL_IF_UNDEFINED) return;
    const empty = children === undefined || children.length === 0;
    if (empty && format & OPTIONAL_IF_EMPTY) return;
    if (format & ANGLE_BRACKETS) write('<');
    else if (format & SQUARE_BRACKETS) write('[');
    if (empty) {
      if (format & MULTI_LINE) writer.writeLine();
      else if (format & SPACE_BETWEEN_BRACES && !(format & NO_SPACE_IF_EMPTY)) write(' ');
    } else items(children, format);
    if (format & ANGLE_BRACKETS) write('>');
    else if (format & SQUARE_BRACKETS) write(']');
  }

  /** emitNodeListItems for synthesized children without emit flags (no source lines to keep, no comments between them). */
  function items(children: readonly ts.Node[] & { hasTrailingComma?: boolean }, format: number): void {
    if (children.hasTrailingComma) throw new Unsupported('trailing comma');
    if (format & MULTI_LINE) writer.writeLine();
    else if (format & SPACE_BETWEEN_BRACES) write(' ');
    if (format & INDENTED) writer.increaseIndent();
    for (let i = 0; i < children.length; i++) {
      if (i > 0) {
        const delimiters = format & DELIMITERS;
        if (delimiters === COMMA_DELIMITED) write(',');
        else if (delimiters === BAR_DELIMITED) write(' '), write('|');
        else if (delimiters === AMPERSAND_DELIMITED) write(' '), write('&');
        if (format & MULTI_LINE) writer.writeLine();
        else if (format & SPACE_BETWEEN_SIBLINGS) write(' ');
      }
      emit(children[i]!);
    }
    if (format & INDENTED) writer.decreaseIndent();
    if (format & MULTI_LINE && !(format & NO_TRAILING_NEW_LINE)) writer.writeLine();
    else if (format & (SPACE_AFTER_LIST | SPACE_BETWEEN_BRACES)) write(' ');
  }

  /** emitDecoratorsAndModifiers / emitModifierList, for modifiers (a decorator is not a kind emitted here). */
  function modifiers(node: { modifiers?: ts.NodeArray<ts.ModifierLike> | undefined }): void {
    list(node.modifiers, MODIFIERS);
  }

  function typeAnnotation(type: ts.Node | undefined): void {
    if (type) {
      write(':');
      write(' ');
      emit(type);
    }
  }

  function comment(c: ts.SynthesizedComment): string {
    return c.kind === K.MultiLineCommentTrivia ? `/*${c.text}*/` : `//${c.text}`;
  }

  function writeComment(c: ts.SynthesizedComment): void {
    const text = comment(c);
    internals.writeCommentRange(text, c.kind === K.MultiLineCommentTrivia ? internals.computeLineStarts(text) : undefined, writer, 0, text.length, NEW_LINE);
  }

  function emit(node: ts.Node): void {
    if (node.pos !== -1) throw new Unsupported(`parsed ${K[node.kind]}`);
    const emitNode = (node as { emitNode?: { flags?: number; leadingComments?: ts.SynthesizedComment[]; trailingComments?: ts.SynthesizedComment[] } }).emitNode;
    let leading: ts.SynthesizedComment[] | undefined;
    let trailing: ts.SynthesizedComment[] | undefined;
    if (emitNode) {
      for (const key in emitNode) {
        if (key === 'leadingComments') leading = emitNode.leadingComments;
        else if (key === 'trailingComments') trailing = emitNode.trailingComments;
        else if (!(key === 'flags' && !emitNode.flags)) throw new Unsupported(`emit node ${key}`);
      }
    }
    if (leading) {
      for (const c of leading) {
        if (c.hasLeadingNewline || c.kind === K.SingleLineCommentTrivia) writer.writeLine();
        writeComment(c);
        if (c.hasTrailingNewLine || c.kind === K.SingleLineCommentTrivia) writer.writeLine();
        else write(' ');
      }
    }
    emitKind(node);
    if (trailing) {
      for (const c of trailing) {
        if (!writer.isAtStartOfLine()) write(' ');
        writeComment(c);
        if (c.hasTrailingNewLine) writer.writeLine();
      }
    }
  }

  function emitKind(node: ts.Node): void {
    switch (node.kind) {
      case K.Identifier: {
        const id = node as ts.Identifier;
        if ((id as { typeArguments?: unknown }).typeArguments !== undefined) throw new Unsupported('identifier type arguments');
        write(api.idText(id));
        return;
      }
      case K.StringLiteral:
        if ((node as { textSourceNode?: unknown }).textSourceNode !== undefined) throw new Unsupported('string literal from a node');
        write(internals.getLiteralText(node, undefined, 0));
        return;
      case K.NumericLiteral:
        write(internals.getLiteralText(node, undefined, 0));
        return;
      case K.PrefixUnaryExpression: {
        const unary = node as ts.PrefixUnaryExpression;
        if (unary.operand.kind === K.PrefixUnaryExpression) throw new Unsupported('nested prefix operator');
        write(api.tokenToString(unary.operator)!);
        emit(unary.operand);
        return;
      }
      case K.InterfaceDeclaration: {
        const decl = node as ts.InterfaceDeclaration;
        if (decl.typeParameters || decl.heritageClauses) throw new Unsupported('generic or extending interface');
        modifiers(decl);
        write('interface');
        write(' ');
        emit(decl.name);
        write(' ');
        write('{');
        list(decl.members, INTERFACE_MEMBERS);
        write('}');
        return;
      }
      case K.TypeAliasDeclaration: {
        const decl = node as ts.TypeAliasDeclaration;
        if (decl.typeParameters) throw new Unsupported('generic type alias');
        modifiers(decl);
        write('type');
        write(' ');
        emit(decl.name);
        write(' ');
        write('=');
        write(' ');
        emit(decl.type);
        write(';');
        return;
      }
      case K.PropertySignature: {
        const prop = node as ts.PropertySignature;
        modifiers(prop);
        emit(prop.name);
        if (prop.questionToken) emit(prop.questionToken);
        typeAnnotation(prop.type);
        write(';');
        return;
      }
      case K.IndexSignature: {
        const index = node as ts.IndexSignatureDeclaration;
        modifiers(index);
        list(index.parameters, INDEX_SIGNATURE_PARAMETERS);
        typeAnnotation(index.type);
        write(';');
        return;
      }
      case K.Parameter: {
        const param = node as ts.ParameterDeclaration;
        if (param.initializer) throw new Unsupported('parameter initializer');
        modifiers(param);
        if (param.dotDotDotToken) emit(param.dotDotDotToken);
        emit(param.name);
        if (param.questionToken) emit(param.questionToken);
        typeAnnotation(param.type);
        return;
      }
      case K.TypeLiteral:
        write('{');
        list((node as ts.TypeLiteralNode).members, TYPE_LITERAL_MEMBERS);
        write('}');
        return;
      case K.ArrayType:
        emit((node as ts.ArrayTypeNode).elementType);
        write('[');
        write(']');
        return;
      case K.TupleType:
        write('[');
        list((node as ts.TupleTypeNode).elements, TUPLE_ELEMENTS);
        write(']');
        return;
      case K.UnionType:
        list((node as ts.UnionTypeNode).types, UNION_MEMBERS);
        return;
      case K.IntersectionType:
        list((node as ts.IntersectionTypeNode).types, INTERSECTION_MEMBERS);
        return;
      case K.ParenthesizedType:
        write('(');
        emit((node as ts.ParenthesizedTypeNode).type);
        write(')');
        return;
      case K.TypeOperator: {
        const op = node as ts.TypeOperatorNode;
        write(api.tokenToString(op.operator)!);
        write(' ');
        emit(op.type);
        return;
      }
      case K.IndexedAccessType: {
        const access = node as ts.IndexedAccessTypeNode;
        emit(access.objectType);
        write('[');
        emit(access.indexType);
        write(']');
        return;
      }
      case K.TypeReference: {
        const ref = node as ts.TypeReferenceNode;
        if (ref.typeName.kind !== K.Identifier) throw new Unsupported('qualified type name');
        emit(ref.typeName);
        list(ref.typeArguments, TYPE_ARGUMENTS);
        return;
      }
      case K.LiteralType:
        emit((node as ts.LiteralTypeNode).literal);
        return;
      case K.RestType:
        write('...');
        emit((node as ts.RestTypeNode).type);
        return;
      case K.OptionalType:
        emit((node as ts.OptionalTypeNode).type);
        write('?');
        return;
      case K.StringKeyword:
      case K.NumberKeyword:
      case K.BooleanKeyword:
      case K.BigIntKeyword:
      case K.UnknownKeyword:
      case K.AnyKeyword:
      case K.NeverKeyword:
      case K.NullKeyword:
      case K.UndefinedKeyword:
      case K.ObjectKeyword:
      case K.TrueKeyword:
      case K.FalseKeyword:
      case K.ExportKeyword:
      case K.ReadonlyKeyword:
      case K.QuestionToken:
      case K.DotDotDotToken:
        write(api.tokenToString(node.kind)!);
        return;
      default:
        throw new Unsupported(K[node.kind]);
    }
  }

  // emitSourceFile: a line (none at the start), then the statements as a multi-line list.
  writer.writeLine();
  if (statements.length > 0) {
    writer.writeLine();
    for (let i = 0; i < statements.length; i++) {
      if (i > 0) writer.writeLine();
      const at = writer.mark();
      try {
        emit(statements[i]!);
      } catch (error) {
        if (!(error instanceof Unsupported)) throw error;
        writer.restart(at);
        writer.rawWrite(printStatement(statements[i]!));
      }
    }
    writer.writeLine();
  }
  return writer.text();
}
