/**
 * Self-referencing union schemas become recursive type aliases.
 *
 * openapi-typescript writes a schema such as a JSON value
 * (`anyOf: [string, number, …, array of itself, map of itself]`) as
 * `Json: string | … | components["schemas"]["Json"][] | { [key: string]: components["schemas"]["Json"] }`,
 * which tsc rejects: a property's type cannot refer to itself through an
 * indexed access (TS2502, openapi-ts/openapi-typescript#1603). TypeScript does
 * allow a recursive *type alias*, so the union moves into a module-local alias
 * that refers to itself by name, and the schema property points at it:
 * `Json: $Json_Json;` … `type $Json_Json = string | … | $Json_Json[] | …`.
 * The `$` prefix keeps the alias apart from every name our other passes and
 * wrappers export. Only direct self-reference through a union is rewritten,
 * and only for a schema without a readable name (named-types declares the
 * others, and there the union refers to itself by that name).
 */
import { Node } from 'ts-morph';
import { jsString } from '../lib/escape.js';
import type { Pass, TextEdit } from './pass.js';

export const recursiveUnionsPass: Pass = ({ schemas, sourceFile, facts }) => {
  const edits: TextEdit[] = [];
  const aliases: string[] = [];
  const rewritten: string[] = [];
  // Schemas with a readable name are declared under it by named-types, which refers to itself by that name.
  const named = new Set(Object.values((facts.aliases ?? {}) as Record<string, string>));
  for (const [name, member] of schemas) {
    if (named.has(name)) continue;
    const typeNode = member.getTypeNode();
    if (!typeNode || !Node.isUnionTypeNode(typeNode)) continue;
    const selfRef = `components["schemas"][${jsString(name)}]`;
    const text = typeNode.getText();
    if (!text.includes(selfRef)) continue;
    const alias = `$${name.replace(/[^\p{ID_Continue}$]/gu, '_')}_${rewritten.length}`;
    edits.push({ start: typeNode.getStart(), end: typeNode.getEnd(), text: alias });
    aliases.push(`type ${alias} = ${text.split(selfRef).join(alias)};\n`);
    rewritten.push(name);
  }
  if (aliases.length) {
    const end = sourceFile.getEnd();
    edits.push({
      start: end,
      end,
      text: `\n// Self-referencing union schemas, as recursive type aliases (tsc rejects them inline: TS2502).\n${aliases.join('')}`,
    });
  }
  return { edits, warnings: [], facts: { recursiveUnions: rewritten } };
};
