/**
 * Every schema with a readable name becomes a top-level declaration under it.
 *
 * openapi-typescript writes each schema inline, as the type of its
 * `components["schemas"]` member. An inline object type has no name, so the
 * editor's quick info, signature help and the compiler's errors print it
 * expanded (35 lines for Scale GP's `ApplicationSpecResponse`), and a type
 * alias of an indexed access does not change that (openapi-ts/openapi-typescript
 * issues 1187 and 2022). A declaration does: the schema's type moves to
 * `export interface <Name> { … }` (an object type) or `export type <Name> = …`
 * (anything else), under the name readable-aliases chose (its `aliases` fact),
 * with the member's doc comment, and the member becomes `"<key>": <Name>`, so
 * the vendor's key stays reachable through `components` and every
 * `components["schemas"][…]` type still means the same type. Inside the
 * declarations, references to named schemas are written by name
 * (`detail?: ValidationError[]`), which also makes a self-referencing union a
 * recursive type alias (recursive-unions handles the schemas without a name).
 * A schema without a readable name stays inline.
 *
 * The type moves with whatever other passes edited inside it (a TextMove), so
 * the boolean discriminators' literals are kept exactly.
 */
import { ts } from 'ts-morph';
import { jsString } from '../lib/escape.js';
import { startWithDoc } from '../lib/ts-doc.js';
import type { Pass, TextEdit, TextMove } from './pass.js';

/** `components["schemas"]["<key>"]`, the key a JSON string as openapi-typescript writes it. */
const SCHEMA_REF = /components\["schemas"\]\[("(?:[^"\\\n]|\\.)*")\]/g;

export const namedTypesPass: Pass = ({ sourceFile, source, schemas, facts }) => {
  const aliases = (facts.aliases ?? {}) as Record<string, string>;
  const nameOf = new Map(Object.entries(aliases).map(([name, key]) => [key, name]));
  const sf = sourceFile.compilerNode;
  const text = sf.text;
  const byName = (moved: string) =>
    moved.replace(SCHEMA_REF, (ref, literal: string) => {
      const name = nameOf.get(JSON.parse(literal) as string);
      return name ?? ref;
    });

  const edits: TextEdit[] = [];
  const moves: TextMove[] = [];
  for (const [key, member] of schemas) {
    const name = nameOf.get(key);
    const type = member.compilerNode.type;
    if (!name || !type) continue;
    const docStart = startWithDoc(member.compilerNode, sf);
    const nameStart = member.compilerNode.name.getStart(sf);
    const indent = /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', docStart - 1) + 1, docStart))![0];
    const dedent = (s: string) => (indent ? s.split(`\n${indent}`).join('\n') : s);
    const doc = docStart < nameStart ? `${dedent(source(docStart, nameStart)).trimEnd()}\n` : '';
    if (doc) edits.push({ start: docStart, end: nameStart, text: '' });
    const isObject = ts.isTypeLiteralNode(type);
    const heading = moves.length ? '' : `\n// The schemas under their readable names; components["schemas"] refers to them.\n`;
    // Which member each declaration is (for reviewers and the API report); a comment, so never in a hover.
    const origin = `// components["schemas"][${jsString(key)}]\n`;
    moves.push({
      start: type.getStart(sf),
      end: type.getEnd(),
      replacement: name,
      render: (moved) =>
        `${heading}${origin}${doc}${isObject ? `export interface ${name} ` : `export type ${name} = `}${byName(dedent(moved))}${isObject ? '' : ';'}\n`,
      stub: `${heading}${origin}${isObject ? `export interface ${name} {}` : `export type ${name} = {};`}\n`,
    });
  }
  return { edits, moves, warnings: [] };
};
