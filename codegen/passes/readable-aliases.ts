/**
 * Readable names for `components["schemas"]`, which named-types declares.
 *
 * openapi-typescript keeps schema keys as they are, and some vendors' keys are
 * machine-made (`egp_api_backend__server__…__ApplicationSpecResponse`). Every
 * schema gets a name (the `aliases` fact, recorded in manifest.json), claimed
 * in this order:
 *
 * 1. the name the previous generate gave the schema (its manifest.json): once
 *    generated, a name survives regeneration, whatever the vendor adds around
 *    it; a removed schema frees its name;
 * 2. its key, when the key is already a clean identifier (document order;
 *    distinct keys cannot collide), or its PascalCase when the key is reserved
 *    (`putBranch`, also a wrapper's name → `PutBranch`);
 * 3. PascalCase of its `title` (without one, of the key's last segment:
 *    `pkg__module__Name`, `com.example.Name` → `Name`). A name
 *    derived by several schemas, or taken, is qualified by the key segments
 *    before it that tell the schemas apart (`…__application_models__X` and
 *    `…__application_models_no_gen__X` → `ApplicationModelsX`,
 *    `ApplicationModelsNoGenX`): computed from the group alone, so it does
 *    not depend on document order, and a warning lists what was qualified.
 *
 * A name that is reserved, or still taken after that, is reported and not
 * emitted (the schema stays inline): never silently overwritten or suffixed.
 * Such a schema is recorded as well (`unnamedSchemas`), and a regenerate over
 * that record leaves it inline again (step 3).
 */
import { Node, ts, type SourceFile } from 'ts-morph';
import { isSafeIdentifier, jsString, pascalCase } from '../lib/escape.js';
import { componentSchemas, SCHEMA_EXPORTS, type JsonObject } from '../lib/openapi.js';
import type { Pass } from './pass.js';

interface Candidate {
  key: string;
  alias: string;
  /** The alias is the key itself (else it is derived: see derivedName). */
  clean: boolean;
}

export const readableAliasesPass: Pass = ({ sourceFile, document, schemas, takenNames, recordedAliases, hiddenTypeNames }) => {
  const warnings: string[] = [];
  const reserved = reservedNames(sourceFile);
  for (const name of [...takenNames, ...hiddenTypeNames]) reserved.add(name);
  const usable = (name: string) => !reserved.has(name) && isSafeIdentifier(name) && !TYPE_KEYWORDS.has(name);
  /** name → schema key */
  const claimed = new Map<string, string>();

  /** Schema key → the name it asks for (its clean key or derivedName; '' when none), in document order. */
  const wanted = new Map<string, string>();
  const candidates: Candidate[] = [];
  for (const [key, schema] of componentSchemas(document)) {
    if (!schemas.has(key)) continue;
    const clean = isCleanKey(key);
    const alias = clean ? key : derivedName(key, schema);
    wanted.set(key, alias);
    // 1. The recorded name, when it is still free to use.
    const recorded = recordedAliases.get(key);
    if (recorded !== undefined && usable(recorded) && !claimed.has(recorded)) claimed.set(recorded, key);
    else if (alias) candidates.push({ key, alias, clean });
    else warnings.push(`readable aliases: schema ${jsString(key)} has no name to derive an alias from`);
  }
  const claim = (c: Candidate, name: string): boolean => {
    if (!usable(name) || claimed.has(name)) return false;
    claimed.set(name, c.key);
    return true;
  };

  // 2. Clean keys; one that is reserved (`putBranch`, a wrapper's name) tries its PascalCase.
  for (const c of candidates) {
    if (!c.clean || claim(c, c.alias)) continue;
    const owner = claimed.get(c.alias);
    if (!owner && claim(c, pascalCase(c.alias))) continue;
    warnings.push(
      owner
        ? `readable aliases: ${c.alias} for schema ${jsString(c.key)} is taken by schema ${jsString(owner)}; not emitted`
        : `readable aliases: ${c.alias} for schema ${jsString(c.key)} is reserved (a top-level, referenced or wrapper name); not emitted`,
    );
  }

  // 3. Derived names, by group: the schemas deriving the name that have none
  // yet. A schema the last generate left without a name (manifest.json's
  // `unnamedSchemas`) is tried as a first generate tried it, against every
  // schema deriving the name, also those that kept theirs: it fails again, so
  // a regenerate over its own output is a fixed point, instead of taking the
  // plain name its group gave up.
  const named = new Set(claimed.values());
  const derivers = new Map<string, Candidate[]>();
  for (const [key, alias] of wanted) {
    if (alias && !isCleanKey(key)) derivers.set(alias, [...(derivers.get(alias) ?? []), { key, alias, clean: false }]);
  }
  for (const [alias, all] of derivers) {
    const open = all.filter((c) => !named.has(c.key));
    for (const c of open) {
      const group = recordedAliases.get(c.key) === '' ? all : open;
      if (group.length === 1 && claim(c, alias)) continue;
      if (qualifiers(c, group).some((q) => claim(c, q))) continue;
      const why = group.length > 1 ? `derived from ${group.length} schemas` : 'taken or reserved';
      warnings.push(`readable aliases: ${alias} for schema ${jsString(c.key)} is ${why} and no qualified name is free; not emitted`);
    }
  }

  const nameOf = new Map([...claimed].map(([name, key]) => [key, name]));
  warnings.push(...qualifiedWarnings(wanted, nameOf, claimed));
  // In the document order of the schemas (the manifest lists them so).
  const aliases = Object.fromEntries([...wanted.keys()].flatMap((key) => (nameOf.has(key) ? [[nameOf.get(key)!, key]] : [])));
  // Recorded too (readManifest), so that the next generate keeps them unnamed (step 3).
  const unnamedSchemas = [...wanted.keys()].filter((key) => !nameOf.has(key));
  return { edits: [], warnings, facts: { aliases, ...(unnamedSchemas.length ? { unnamedSchemas } : {}) } };
};

/**
 * One warning per name that some schema was not given as it derives it (its
 * clean key, or PascalCase of its title or key): `readable aliases qualified:
 * ApplicationSpecResponse (derived by 2 schemas) → ApplicationModelsApplicationSpecResponse`.
 * Made from the final names alone, so a regenerate that keeps the recorded
 * names warns the same (and writes the same manifest.json).
 */
function qualifiedWarnings(
  wanted: ReadonlyMap<string, string>,
  nameOf: ReadonlyMap<string, string>,
  claimed: ReadonlyMap<string, string>,
): string[] {
  const byAlias = new Map<string, string[]>(); // wanted name → keys wanting it
  for (const [key, name] of wanted) if (name) byAlias.set(name, [...(byAlias.get(name) ?? []), key]);
  const out: string[] = [];
  for (const [name, keys] of byAlias) {
    const renamed = keys.map((k) => nameOf.get(k)).filter((n): n is string => n !== undefined && n !== name);
    if (!renamed.length) continue;
    const why = keys.length > 1 ? `derived by ${keys.length} schemas` : claimed.has(name) ? `taken by schema ${jsString(claimed.get(name)!)}` : 'reserved';
    out.push(`readable aliases qualified: ${name} (${why}) → ${renamed.join(', ')}`);
  }
  return out;
}

/** PascalCase of the title, else of the key's last segment, else of the key. */
function derivedName(key: string, schema: JsonObject): string {
  const title = typeof schema.title === 'string' ? schema.title : '';
  return pascalCase(title) || pascalCase(key.split(KEY_SEPARATOR).filter(Boolean).pop() ?? '') || pascalCase(key);
}

/** Key separators of machine-made schema keys (`pkg__module__Name`, `com.example.Name`, `a/b/Name`). */
const KEY_SEPARATOR = /__|[./:]/;

/**
 * The qualified names to try for `c` in its group, shortest first: the key's
 * segments before the name, one more each time, as PascalCase in front of the
 * derived name. The shortest is the first whose words no other member of the
 * group shares at that length (a lone member takes one segment), so the
 * result depends on the group alone.
 */
function qualifiers(c: Candidate, group: Candidate[]): string[] {
  const prefixOf = (cand: Candidate) => {
    const segments = cand.key.split(KEY_SEPARATOR).filter(Boolean);
    if (segments.length && pascalCase(segments[segments.length - 1]!) === cand.alias) segments.pop();
    return segments;
  };
  const mine = prefixOf(c);
  const others = group.filter((o) => o !== c).map(prefixOf);
  const at = (segments: string[], n: number) => pascalCase(segments.slice(-n).join(' '));
  const names: string[] = [];
  for (let n = 1; n <= mine.length; n++) {
    const q = at(mine, n);
    if (q && (names.length || others.every((o) => at(o, n) !== q))) names.push(`${q}${c.alias}`);
  }
  return names;
}

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
