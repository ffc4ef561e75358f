/**
 * Readable aliases for `components["schemas"]`.
 *
 * openapi-typescript keeps schema keys as they are, and some vendors' keys are
 * machine-made (`egp_api_backend__server__…__ApplicationSpecResponse`). Every
 * schema gets an exported alias: its key when the key is already a clean
 * identifier, otherwise PascalCase of its `title` (or of the key when there is
 * no title). Clean keys claim their names first, in document order; a derived
 * name that is taken, reserved, or wanted by two schemas is reported and not
 * emitted, never silently overwritten or suffixed.
 */
import { Node, ts, type SourceFile } from 'ts-morph';
import { docComment, isSafeIdentifier, jsString, pascalCase } from '../lib/escape.js';
import { componentSchemas, SCHEMA_EXPORTS, type JsonObject } from '../lib/openapi.js';
import type { Pass } from './types.js';

interface Candidate {
  key: string;
  alias: string;
  schema: JsonObject;
  /** `clean-key`: the key itself; `title`/`key`: PascalCase of the title or key. */
  from: 'clean-key' | 'title' | 'key';
}

export const readableAliasesPass: Pass = ({ sourceFile, document, schemas, takenNames }) => {
  const warnings: string[] = [];
  const reserved = reservedNames(sourceFile);
  for (const name of takenNames) reserved.add(name);
  const candidates: Candidate[] = [];
  for (const [key, schema] of componentSchemas(document)) {
    if (!schemas.has(key)) continue;
    if (isCleanKey(key)) {
      candidates.push({ key, alias: key, schema, from: 'clean-key' });
      continue;
    }
    const title = typeof schema.title === 'string' ? schema.title : '';
    const alias = pascalCase(title) || pascalCase(key);
    if (alias) candidates.push({ key, alias, schema, from: title ? 'title' : 'key' });
    else warnings.push(`readable aliases: schema ${jsString(key)} has no name to derive an alias from`);
  }

  // Clean keys first (distinct keys cannot collide), then derived names.
  const claimed = new Map<string, Candidate>();
  const derivedCount = new Map<string, number>();
  const derived = candidates.filter((c) => c.from !== 'clean-key');
  for (const c of derived) derivedCount.set(c.alias, (derivedCount.get(c.alias) ?? 0) + 1);
  const ordered = [...candidates.filter((c) => c.from === 'clean-key'), ...derived];
  for (const c of ordered) {
    const owner = claimed.get(c.alias);
    if (reserved.has(c.alias) || !isSafeIdentifier(c.alias) || TYPE_KEYWORDS.has(c.alias)) {
      warnings.push(`readable aliases: ${c.alias} for schema ${jsString(c.key)} is reserved (a top-level, referenced or wrapper name); not emitted`);
    } else if (owner) {
      warnings.push(`readable aliases: ${c.alias} for schema ${jsString(c.key)} is taken by schema ${jsString(owner.key)}; not emitted`);
    } else if ((derivedCount.get(c.alias) ?? 0) > 1) {
      warnings.push(`readable aliases: ${c.alias} is derived from ${derivedCount.get(c.alias)} schemas, including ${jsString(c.key)}; not emitted`);
    } else {
      claimed.set(c.alias, c);
    }
  }
  const accepted = candidates.filter((c) => claimed.get(c.alias) === c);

  const lines = accepted.map((c) => {
    const description = typeof c.schema.description === 'string' ? c.schema.description : undefined;
    const doc = docComment(description ? [description] : c.from === 'clean-key' ? [] : [`Schema ${c.key}`]);
    return `${doc}export type ${c.alias} = components["schemas"][${jsString(c.key)}];\n`;
  });
  const text = lines.length
    ? `\n// Readable names for components["schemas"]: the schema key, or its title where the key is machine-made.\n${lines.join('')}`
    : '';
  const end = sourceFile.getEnd();
  return {
    edits: text ? [{ start: end, end, text }] : [],
    warnings,
    facts: { aliases: Object.fromEntries(accepted.map((c) => [c.alias, c.key])) },
  };
};

/** TypeScript's predefined type names: valid identifiers, but not type alias names (TS2457). */
const TYPE_KEYWORDS = new Set(['any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'void', 'undefined', 'intrinsic']);

/** A key is used as-is when it is an identifier a person would write. */
function isCleanKey(key: string): boolean {
  return isSafeIdentifier(key) && !key.includes('__') && /^[A-Za-z]/.test(key);
}

/** Names an alias must not take: top-level declarations and every type name the file refers to. */
function reservedNames(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>(SCHEMA_EXPORTS);
  for (const statement of sourceFile.getStatements()) {
    if (Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement)) names.add(statement.getName());
  }
  // Walk the compiler's own nodes: wrapping every node of a large file in ts-morph objects is slow.
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node)) names.add(node.typeName.getText().split('.')[0]!);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile.compilerNode);
  return names;
}
