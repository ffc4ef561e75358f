/**
 * The schema job, second step (worker/schema-job.ts): the ts-morph passes over the openapi-typescript output.
 *
 * The file is parsed once; every pass reads that parse and returns text edits,
 * which are applied together (see passes/pass.ts for why).
 */
import { createWrappedNode, Node, ts, type PropertySignature, type SourceFile } from 'ts-morph';
import { startWithDoc } from '../lib/ts-doc.js';
import { REPORT_PARSE, type ParsedReportSource } from './api-symbols.js';
import type { Outline, SchemaOutline } from './outline.js';
import type { JsonObject } from '../lib/openapi.js';
import { countAtMost } from '../lib/sorted.js';
import { binaryTypesPass } from '../passes/binary-types.js';
import { booleanDiscriminatorPass } from '../passes/boolean-discriminator.js';
import { namedTypesPass } from '../passes/named-types.js';
import { readableAliasesPass } from '../passes/readable-aliases.js';
import { recursiveUnionsPass } from '../passes/recursive-unions.js';
import { SCHEMA_TYPES, type Pass, type TextEdit, type TextMove } from '../passes/pass.js';

/** The registry, in order: a pass sees the facts of the passes before it. */
export const PASSES: ReadonlyArray<[string, Pass]> = [
  ['boolean-discriminator', booleanDiscriminatorPass],
  ['readable-aliases', readableAliasesPass],
  ['named-types', namedTypesPass],
  ['recursive-unions', recursiveUnionsPass],
  ['binary-types', binaryTypesPass],
];

export interface PostprocessOutput {
  text: string;
  warnings: string[];
  facts: Record<string, unknown>;
  /**
   * `text` as already parsed, for the API report (stages/api-report.ts):
   * this stage's parse of the openapi-typescript output plus a parse of what
   * the passes appended, and the outline of the interfaces that parse skipped.
   * Present only when the passes' other edits cannot change the report (see
   * reportParts); otherwise the report parses `text`.
   */
  reportParts?: ParsedReportSource | undefined;
}

export function runPasses(
  schemaText: string,
  document: JsonObject,
  takenNames: ReadonlySet<string> = new Set(),
  recordedAliases: ReadonlyMap<string, string> = new Map(),
  outline: Outline = { interfaces: new Map(), schemas: [] },
): PostprocessOutput {
  // What no pass reads of the outlined interfaces and schema types is cut from the text the passes parse: the outline stands in (stages/outline.ts).
  const keep = new Map<string, Set<string> | 'all'>();
  for (const [, pass] of PASSES) {
    for (const { name, members } of pass.reads?.(document) ?? []) {
      const kept = keep.get(name);
      if (!members || kept === 'all') keep.set(name, 'all');
      else keep.set(name, new Set([...(kept ?? []), ...members]));
    }
  }
  const plan = new Map<string, ReadonlySet<string>>();
  for (const name of outline.interfaces.keys()) {
    const kept = keep.get(name);
    if (kept !== 'all') plan.set(name, kept ?? new Set());
  }
  const keptSchemas = keep.get(SCHEMA_TYPES);
  const schemaCut = keptSchemas === 'all' ? undefined : { schemas: outline.schemas, kept: keptSchemas ?? new Set<string>() };
  const { text: parseText, cuts } = cutInterfaces(schemaText, plan, schemaCut);
  const cutOutlined = [...new Set(cuts.map((cut) => cut.name))].filter((name) => outline.interfaces.has(name));
  // Parsed without JSDoc (lib/ts-doc.ts), then handed to ts-morph to walk.
  const parsed = ts.createSourceFile('/schema.ts', parseText, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, ts.ScriptKind.TS);
  const sourceFile = createWrappedNode(parsed) as SourceFile;
  const facts: Record<string, unknown> = {};
  const cutSchemas = new Set(cuts.filter((cut) => cut.name === SCHEMA_TYPES).map((cut) => cut.key));
  const hiddenTypeNames = new Set([
    ...cutOutlined.flatMap((name) => outline.interfaces.get(name)!.typeNames),
    ...outline.schemas.filter((schema) => cutSchemas.has(schema.key)).flatMap((schema) => schema.typeNames),
  ]);
  const at = uncutter(cuts);
  const source = (start: number, end: number) => schemaText.slice(at(start), at(end));
  const ctx = { sourceFile, source, document, schemas: schemaMembers(sourceFile), takenNames, recordedAliases, hiddenTypeNames, facts };
  const edits: TextEdit[] = [];
  const moves: TextMove[] = [];
  const warnings: string[] = [];
  for (const [, pass] of PASSES) {
    const result = pass(ctx);
    edits.push(...result.edits);
    moves.push(...(result.moves ?? []));
    warnings.push(...result.warnings);
    Object.assign(facts, result.facts);
  }
  // The passes' offsets are in the parsed text; the edits apply to the whole file.
  const { text, appended } = applyEditsAndMoves(
    schemaText,
    edits.map((e) => ({ ...e, start: at(e.start), end: at(e.end) })),
    moves.map((m) => ({ ...m, start: at(m.start), end: at(m.end) })),
  );
  // The report reads a moved schema's declaration by its kind, name and origin comment alone (api-symbols.ts):
  // each move is parsed as its stub (else with `{}` for its type), not the hundreds of KB of types and docs they carry.
  const movesAsParsed = moves.map((m) => m.stub ?? m.render('{}')).join('');
  const parts = reportParts(
    sourceFile,
    ctx.schemas,
    [...edits, ...moves.map((m) => ({ start: m.start, end: m.end, text: m.replacement }))],
    text.slice(0, text.length - appended) + movesAsParsed,
    movesAsParsed.length,
  );
  const outlined = new Map(cutOutlined.map((name) => [name, outline.interfaces.get(name)!.members]));
  return { text, warnings, facts, reportParts: parts && { parts, outlined } };
}

/** A part of the text the passes' parse does without, and where it was. */
export interface Cut {
  /** The interface it is from (`paths`, `operations`), or SCHEMA_TYPES for a schema's type, SCHEMA_DOCS for its doc comment. */
  name: string;
  /** The schema's key, for a schema's type or doc comment. */
  key?: string;
  /** Where it was, in the shortened text. */
  at: number;
  /** Its length. */
  length: number;
  /** The length of what stands in its place (`{}` for a schema's type, `/** *\/` for a doc comment; 0: nothing). */
  standIn: number;
}

/**
 * `text` without what no pass reads:
 * - of each top-level `export interface <name> { … }` that `plan` names,
 *   every member but those kept (by key; none kept: the whole body).
 *   openapi-typescript prints an interface's members four spaces in, each with
 *   its doc comment, and the body ends at the first line that is a lone `}`;
 *   an interface not found that way, or without a member to be kept, is left
 *   whole;
 * - with `schemas`, the type of every `components["schemas"]` member not
 *   `kept` that is a type literal, replaced by `{}`, and every member's doc
 *   comment by `/** *\/`, when the members found in the text are the
 *   outline's.
 * Also where each cut was (`at`, in the shortened text, in order).
 */
export function cutInterfaces(
  text: string,
  plan: ReadonlyMap<string, ReadonlySet<string>>,
  schemas?: { schemas: readonly SchemaOutline[]; kept: ReadonlySet<string> },
): { text: string; cuts: Cut[] } {
  const ranges: Array<{ name: string; key?: string; start: number; end: number; standIn: string }> = [];
  for (const [name, kept] of plan) {
    const body = interfaceBody(text, name);
    if (!body) continue;
    if (kept.size === 0) {
      ranges.push({ name, start: body.start, end: body.end, standIn: '' });
      continue;
    }
    const members = memberChunks(text, body.start, body.end, 4);
    if ([...kept].some((key) => !members.some((m) => m.key === key))) continue;
    for (const m of members) if (!kept.has(m.key)) ranges.push({ name, start: m.start, end: m.end, standIn: '' });
  }
  if (schemas) ranges.push(...schemaTypeRanges(text, schemas.schemas, schemas.kept));
  ranges.sort((a, b) => a.start - b.start);
  // Neighbouring members cut from one interface are one cut (fewer offsets to map back).
  const merged: typeof ranges = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.name === r.name && last.end === r.start && !last.standIn && !r.standIn) last.end = r.end;
    else merged.push({ ...r });
  }
  let out = '';
  let cursor = 0;
  let removed = 0;
  const cuts = merged.map(({ name, key, start, end, standIn }) => {
    out += text.slice(cursor, start) + standIn;
    cursor = end;
    const cut: Cut = { name, ...(key !== undefined ? { key } : {}), at: start - removed, length: end - start, standIn: standIn.length };
    removed += end - start - standIn.length;
    return cut;
  });
  return { text: out + text.slice(cursor), cuts };
}

/** `[start, end)` of the members of `export interface <name> {\n … \n}` as openapi-typescript prints it. */
function interfaceBody(text: string, name: string): { start: number; end: number } | undefined {
  const head = `export interface ${name} {\n`;
  const at = text.startsWith(head) ? 0 : text.indexOf(`\n${head}`) + 1;
  if (at === 0 && !text.startsWith(head)) return undefined;
  const start = at + head.length;
  const end = text.indexOf('\n}\n', start - 1) + 1;
  return end > 0 ? { start, end } : undefined;
}

/**
 * The object types of `components["schemas"]`' members not `kept`, each with
 * `{}` to stand in. Members are printed eight spaces in, each ending in `;`
 * on the line before the next member (or its doc comment) or before `    };`.
 * None when the members found are not the outline's, key for key.
 */
function schemaTypeRanges(text: string, schemas: readonly SchemaOutline[], kept: ReadonlySet<string>) {
  const components = interfaceBody(text, 'components');
  if (!components || schemas.length === 0) return [];
  const open = '    schemas: {\n';
  const at = text.startsWith(open, components.start) ? components.start : text.indexOf(`\n${open}`, components.start) + 1;
  if (at <= 0 || at >= components.end) return [];
  const start = at + open.length;
  const end = text.indexOf('\n    };\n', start - 1) + 1;
  if (end <= 0 || end > components.end) return [];
  const members = memberChunks(text, start, end, 8);
  if (members.length !== schemas.length || members.some((m, i) => m.key !== schemas[i]!.key)) return [];
  const ranges: Array<{ name: string; key: string; start: number; end: number; standIn: string }> = [];
  members.forEach((m, i) => {
    const { key, literal } = schemas[i]!;
    // The member's doc comment (`/**` eight spaces in, `*/` ending the line before the member): read through PassContext.source.
    const docStart = m.start + 8;
    const docEnd = m.headerAt - 1;
    if (docStart < docEnd && text.startsWith('/**', docStart) && text.indexOf('*/', docStart + 3) === docEnd - 2 && docEnd - docStart > DOC_STAND_IN.length) {
      ranges.push({ name: SCHEMA_DOCS, key, start: docStart, end: docEnd, standIn: DOC_STAND_IN });
    }
    const typeEnd = m.end - 2;
    if (kept.has(key) || !literal || !text.startsWith('{', m.typeStart) || !text.startsWith('};\n', typeEnd - 1)) return;
    ranges.push({ name: SCHEMA_TYPES, key, start: m.typeStart, end: typeEnd, standIn: '{}' });
  });
  return ranges;
}

/** What the cut of a schema member's doc comment is named, and what stands in for it. */
const SCHEMA_DOCS = 'components.schemas docs';
const DOC_STAND_IN = '/** */';

/**
 * The members of the type body `text[start, end)`, printed `indent` spaces in:
 * each from its doc comment (if any) to the next member, with where its first
 * line is and where its type starts (after `key: `).
 */
function memberChunks(text: string, start: number, end: number, indent: 4 | 8): Array<{ key: string; start: number; end: number; headerAt: number; typeStart: number }> {
  const chunks: Array<{ key: string; start: number; end: number; headerAt: number; typeStart: number }> = [];
  const header = indent === 4 ? MEMBER_HEADER : SCHEMA_MEMBER_HEADER;
  const doc = `${' '.repeat(indent)}/**`;
  let docAt: number | undefined;
  for (let line = start; line < end; line = text.indexOf('\n', line) + 1 || end) {
    if (text.charCodeAt(line + indent) === 32) continue; // deeper than a member's first line
    if (text.startsWith(doc, line)) docAt ??= line;
    const found = header.exec(text.slice(line, text.indexOf('\n', line)));
    if (!found) continue;
    const from = docAt ?? line;
    docAt = undefined;
    if (chunks.length) chunks[chunks.length - 1]!.end = from;
    chunks.push({ key: memberKey(found[1]!), start: from, end, headerAt: line, typeStart: line + found[0].length });
  }
  return chunks;
}

/** A key as written: a string literal's value (as written when JSON cannot read it: then no member matches), or the identifier. */
function memberKey(written: string): string {
  if (!written.startsWith('"')) return written;
  try {
    return JSON.parse(written) as string;
  } catch {
    return written;
  }
}

/** A member's first line, four spaces in: its key (a JSON string or an identifier), optional, then its type. */
const MEMBER_HEADER = /^ {4}("(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*)\??: /;
/** The same, eight spaces in (a member of `components["schemas"]`). */
const SCHEMA_MEMBER_HEADER = /^ {8}("(?:[^"\\]|\\.)*"|[A-Za-z_$][\w$]*)\??: /;

/**
 * Positions in the text cutInterfaces shortened, in the text it was cut from:
 * the start of a stand-in is the start of what it stands for, its end that
 * end. (A binary search: a large spec has thousands of cuts and of positions.)
 */
function uncutter(cuts: readonly Cut[]): (position: number) => number {
  // The cuts are in order: where each one's shift starts to apply, and the shift so far.
  const from = cuts.map((cut) => cut.at + cut.standIn);
  const shift: number[] = [0];
  for (const cut of cuts) shift.push(shift[shift.length - 1]! + cut.length - cut.standIn);
  return (position) => position + shift[countAtMost(from, (i) => from[i]!, position)]!;
}

/**
 * The API report lists top-level symbols with signatures and interface
 * members by name two levels deep (`components.schemas.Foo`), skipping
 * members typed `never`. Edits strictly inside the type of such a schema
 * member (the passes' rewrites) leave that listing as it is, unless they turn
 * the type into `never` or out of it; insertions at the end of the file add
 * whole statements. When every edit is one of those, the report is this
 * parse plus a parse of the appended text (`text`'s last part: the edits
 * appended, then `moved` characters of moved declarations, given as their
 * stubs, without the types and docs the report does not read), and the
 * 1–2 MB file of a large spec is not parsed a second time. test/codegen asserts both ways
 * agree.
 */
export function reportParts(
  sourceFile: SourceFile,
  schemas: Map<string, PropertySignature>,
  edits: TextEdit[],
  text: string,
  moved = 0,
): ts.SourceFile[] | undefined {
  const end = sourceFile.getEnd();
  const sf = sourceFile.compilerNode;
  const ranges = [...schemas.values()].flatMap((member) => {
    const type = member.compilerNode.type;
    const docStart = startWithDoc(member.compilerNode, sf);
    const nameStart = member.compilerNode.name.getStart(sf);
    // The member's doc comment (comments are not in the report), then its type.
    const doc = docStart < nameStart ? [{ start: docStart, end: nameStart, never: false, comment: true }] : [];
    return [...doc, ...(type ? [{ start: type.getStart(sf), end: type.getEnd(), never: type.kind === ts.SyntaxKind.NeverKeyword, comment: false }] : [])];
  });
  let appended = moved;
  for (const edit of edits) {
    if (edit.start === end && edit.end === end) {
      appended += edit.text.length;
      continue;
    }
    // A move's range may hold other edits: it counts as one edit of its whole range.
    const inside = rangeHolding(ranges, edit) ?? memberTypeAt(sourceFile.compilerNode, edit);
    if (!inside || inside.never) return undefined;
    if ('comment' in inside && inside.comment && edit.text.trim() !== '') return undefined;
    if (edit.start === inside.start && edit.end === inside.end && /^\s*never\s*$/.test(edit.text)) return undefined;
  }
  const tail = ts.createSourceFile('/schema.ts', text.slice(text.length - appended), REPORT_PARSE, true, ts.ScriptKind.TS);
  return [sourceFile.compilerNode, tail];
}

/** The range of `ranges` (in order, apart) that holds `edit`: the last starting at or before it (binary search; a file has thousands). */
function rangeHolding<R extends { start: number; end: number }>(ranges: readonly R[], edit: TextEdit): R | undefined {
  const range = ranges[countAtMost(ranges, (i) => ranges[i]!.start, edit.start) - 1];
  return range && edit.end <= range.end ? range : undefined;
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

/**
 * `edits` applied, then every move: its range (edits inside included) is
 * replaced by its replacement and its rendered text appended at the end.
 * `appended` is the length of that appended text.
 */
export function applyEditsAndMoves(text: string, edits: TextEdit[], moves: TextMove[]): { text: string; appended: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const edited = applyEdits(text, sorted);
  if (moves.length === 0) return { text: edited, appended: 0 };
  // Offset of the original text → offset of `edited`: shifted by every edit that ends at or before it.
  const ends = sorted.map((e) => e.end);
  const shift: number[] = [0];
  for (const e of sorted) shift.push(shift[shift.length - 1]! + e.text.length - (e.end - e.start));
  const at = (offset: number): number => offset + shift[countAtMost(ends, (i) => ends[i]!, offset)]!;
  let out = '';
  let tail = '';
  let cursor = 0;
  let editedCursor = 0;
  for (const move of [...moves].sort((a, b) => a.start - b.start)) {
    if (move.start < cursor || sorted.some((e) => (e.start < move.start && e.end > move.start) || (e.start < move.end && e.end > move.end))) {
      throw new Error(`internal: a ts-morph move at offset ${move.start} overlaps another edit`);
    }
    const start = at(move.start);
    const end = at(move.end);
    out += edited.slice(editedCursor, start) + move.replacement;
    tail += move.render(edited.slice(start, end));
    cursor = move.end;
    editedCursor = end;
  }
  out += edited.slice(editedCursor);
  return { text: out + tail, appended: tail.length };
}
