/**
 * Prints openapi-typescript's top-level nodes: the text its `astToString`
 * gives (a printer with LF line ends and comments kept, printing a source file
 * of those statements), through a text writer that skips work TypeScript's
 * own does on every write.
 *
 * TypeScript's writer (createTextWriter) finds the line starts of every string
 * it is given, allocating an array each time, to keep its line count and the
 * column of the last line: on a full vendor spec that is hundreds of
 * thousands of writes, most of them a token with no line break, and 40 % of
 * the printer's time. This writer does the same bookkeeping only for a string
 * that holds a line break, and is otherwise TypeScript's writer line for line
 * (typescript.js `createTextWriter`); the printer is TypeScript's, given the
 * writer through `writeFile`, the method its own `printFile` calls with its
 * writer. The text is the same (test/codegen/types-stage.test.ts compares it
 * with astToString's on every spec it generates); where a TypeScript version
 * lacks `writeFile`, astToString prints.
 */
import ts from 'typescript';
import { astToString } from 'openapi-typescript/dist/lib/ts.mjs';

/** TypeScript's EmitTextWriter (internal): what its printer calls on a writer. */
interface EmitTextWriter {
  write(s: string): void;
  rawWrite(s: string): void;
  writeLiteral(s: string): void;
  writeLine(force?: boolean): void;
  increaseIndent(): void;
  decreaseIndent(): void;
  getIndent(): number;
  getTextPos(): number;
  getLine(): number;
  getColumn(): number;
  getText(): string;
  isAtStartOfLine(): boolean;
  hasTrailingComment(): boolean;
  hasTrailingWhitespace(): boolean;
  clear(): void;
  writeKeyword(s: string): void;
  writeOperator(s: string): void;
  writeParameter(s: string): void;
  writeProperty(s: string): void;
  writePunctuation(s: string): void;
  writeSpace(s: string): void;
  writeStringLiteral(s: string): void;
  writeSymbol(s: string, symbol: unknown): void;
  writeTrailingSemicolon(s: string): void;
  writeComment(s: string): void;
}

/** TypeScript's internal helpers the writer uses, as its own writer does. */
interface Internals {
  computeLineStarts(text: string): number[];
  getIndentString(level: number): string;
  isWhiteSpaceLike(ch: number): boolean;
}

type WritingPrinter = ts.Printer & { writeFile?: (file: ts.SourceFile, writer: EmitTextWriter, sourceMap: undefined) => void };

/** The statements as openapi-typescript's astToString prints them. */
export function printStatements(statements: readonly ts.Node[]): string {
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false }) as WritingPrinter;
  const internals = ts as unknown as Partial<Internals>;
  if (!printer.writeFile || !hasInternals(internals)) return astToString([...statements]);
  const file = ts.createSourceFile('openapi-ts.ts', '', ts.ScriptTarget.ESNext, false, ts.ScriptKind.TS);
  (file as { statements: ts.NodeArray<ts.Node> }).statements = ts.factory.createNodeArray(statements);
  const writer = textWriter('\n', internals);
  printer.writeFile(file, writer, undefined);
  return writer.getText();
}

/** Whether this TypeScript has what the writer needs (test/codegen/types-stage.test.ts checks ts-morph's). */
export function canPrintWithOwnWriter(api: typeof ts): boolean {
  return typeof (api.createPrinter() as WritingPrinter).writeFile === 'function' && hasInternals(api as unknown as Partial<Internals>);
}

function hasInternals(internals: Partial<Internals>): internals is Internals {
  return (['computeLineStarts', 'getIndentString', 'isWhiteSpaceLike'] as const).every((name) => typeof internals[name] === 'function');
}

/** A line break as TypeScript's isLineBreak has it. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** TypeScript's createTextWriter, but a string without a line break costs no line-start scan. */
function textWriter(newLine: string, internals: Internals): EmitTextWriter {
  let output = '';
  let indent = 0;
  let lineStart = true;
  let lineCount = 0;
  let linePos = 0;
  let trailingComment = false;

  function updateLineCountAndPosFor(s: string): void {
    if (!LINE_BREAK.test(s)) {
      lineStart = false;
      return;
    }
    const starts = internals.computeLineStarts(s);
    lineCount += starts.length - 1;
    linePos = output.length - s.length + starts[starts.length - 1]!;
    lineStart = linePos - output.length === 0;
  }
  function writeText(s: string): void {
    if (s && s.length) {
      if (lineStart) {
        s = internals.getIndentString(indent) + s;
        lineStart = false;
      }
      output += s;
      updateLineCountAndPosFor(s);
    }
  }
  function write(s: string): void {
    if (s) trailingComment = false;
    writeText(s);
  }
  function clear(): void {
    output = '';
    indent = 0;
    lineStart = true;
    lineCount = 0;
    linePos = 0;
    trailingComment = false;
  }
  return {
    write,
    rawWrite(s) {
      if (s !== undefined) {
        output += s;
        updateLineCountAndPosFor(s);
        trailingComment = false;
      }
    },
    writeLiteral(s) {
      if (s && s.length) write(s);
    },
    writeLine(force) {
      if (!lineStart || force) {
        output += newLine;
        lineCount++;
        linePos = output.length;
        lineStart = true;
        trailingComment = false;
      }
    },
    increaseIndent: () => void indent++,
    decreaseIndent: () => void indent--,
    getIndent: () => indent,
    getTextPos: () => output.length,
    getLine: () => lineCount,
    getColumn: () => (lineStart ? indent * internals.getIndentString(1).length : output.length - linePos),
    getText: () => output,
    isAtStartOfLine: () => lineStart,
    hasTrailingComment: () => trailingComment,
    hasTrailingWhitespace: () => !!output.length && internals.isWhiteSpaceLike(output.charCodeAt(output.length - 1)),
    clear,
    writeKeyword: write,
    writeOperator: write,
    writeParameter: write,
    writeProperty: write,
    writePunctuation: write,
    writeSpace: write,
    writeStringLiteral: write,
    writeSymbol: (s) => write(s),
    writeTrailingSemicolon: write,
    writeComment(s) {
      if (s) trailingComment = true;
      writeText(s);
    },
  };
}
