/**
 * Boolean discriminators become boolean literal unions.
 *
 * OpenAPI mapping keys are strings, so openapi-typescript types a discriminator
 * property with the mapping key (`restore: "False"` / `restore: "True"`, both
 * required, doc lines "(enum property replaced by openapi-typescript)" and
 * `@enum {string}`). When the member schemas declare that property as a boolean
 * (`const`, a one-value `enum`, or `type: boolean` with a key that spells a
 * boolean), the payload carries `true`/`false`, not those strings.
 *
 * For every schema with a `discriminator` (members from `mapping`, `oneOf` and
 * `anyOf`), each member's property becomes `true`/`false`, optional exactly
 * where the member schema does not require it, and its doc comment is rebuilt
 * from the spec. Generic: any property name, any key spelling, any vendor.
 * String discriminators are left as openapi-typescript produced them.
 */
import { Node, type PropertySignature, type TypeNode } from 'ts-morph';
import { docComment, jsString, type DocTag } from '../lib/escape.js';
import { startWithDoc } from '../lib/ts-doc.js';
import { booleanFromKey, isBooleanSchema, literalOf } from '../lib/boolean-schema.js';
import { componentSchemas, deref, isObject, oncePerDocument, schemaNameOf, type Json, type JsonObject } from '../lib/openapi.js';
import { SCHEMA_TYPES, type InterfaceRead, type Pass, type PassContext, type PassResult, type TextEdit } from './pass.js';

type BoolValue = true | false | 'boolean';

interface Target {
  member: string;
  property: string;
  value: BoolValue;
  required: boolean;
  schema: JsonObject;
  via: string;
}

export const booleanDiscriminatorPass: Pass = Object.assign(booleanDiscriminators, {
  /** The member schemas whose discriminator property becomes a boolean. */
  reads: (document: JsonObject): InterfaceRead[] => [...allTargets(document).targets.values()].map((t) => ({ name: SCHEMA_TYPES, members: [t.member] })),
});

/** Every boolean discriminator target, by member and property, and the warnings about them. */
const allTargets = oncePerDocument((document): { targets: Map<string, Target>; warnings: string[] } => {
  const targets = new Map<string, Target>();
  const warnings: string[] = [];
  for (const [name, schema] of componentSchemas(document)) {
    const disc = schema.discriminator;
    if (!isObject(disc) || typeof disc.propertyName !== 'string') continue;
    for (const target of booleanTargets(document, name, schema, disc.propertyName, isObject(disc.mapping) ? disc.mapping : {})) {
      const key = `${target.member}\u0000${target.property}`;
      const previous = targets.get(key);
      if (previous && previous.value !== target.value) {
        warnings.push(
          `boolean discriminator: schema ${jsString(target.member)} is mapped to ${String(previous.value)} by ${jsString(previous.via)} and to ${String(target.value)} by ${jsString(target.via)}; typed as boolean`,
        );
        previous.value = 'boolean';
        continue;
      }
      if (!previous) targets.set(key, target);
    }
  }
  return { targets, warnings };
});

function booleanDiscriminators({ document, schemas }: PassContext): PassResult {
  const { targets, warnings } = allTargets(document);
  const result: PassResult = { edits: [], warnings: [...warnings], facts: {} };
  const converted: string[] = [];

  for (const target of targets.values()) {
    const edit = editFor(target, schemas.get(target.member));
    if (!edit) {
      result.warnings.push(
        `boolean discriminator: no property ${jsString(target.property)} in the generated type of schema ${jsString(target.member)}; left as generated`,
      );
      continue;
    }
    result.edits.push(edit);
    converted.push(`${target.member}.${target.property}: ${String(target.value)}${target.required ? '' : ' (optional)'}`);
  }
  result.facts = { booleanDiscriminators: converted };
  return result;
}

/** The members of one discriminated schema whose discriminator property is boolean. */
function booleanTargets(doc: JsonObject, parent: string, schema: JsonObject, property: string, mapping: JsonObject): Target[] {
  // member name → the mapping key that selects it (implicit mapping: the schema name)
  const members = new Map<string, string>();
  for (const [key, ref] of Object.entries(mapping)) {
    const member = typeof ref === 'string' ? schemaNameOf(ref) : undefined;
    if (member && !members.has(member)) members.set(member, key);
  }
  for (const branch of [...asArray(schema.oneOf), ...asArray(schema.anyOf)]) {
    const member = isObject(branch) && typeof branch.$ref === 'string' ? schemaNameOf(branch.$ref) : undefined;
    if (member && !members.has(member)) members.set(member, member);
  }

  const found = [...members].map(([member, key]) => {
    const memberSchema = deref(doc, { $ref: `#/components/schemas/${escapePointer(member)}` });
    const declared = memberSchema ? findProperty(doc, memberSchema, property, new Set()) : undefined;
    const required = memberSchema ? isRequired(doc, memberSchema, property, new Set()) : false;
    return { member, key, declared, required };
  });
  // The discriminator is boolean when some member declares the property as a boolean.
  if (!found.some((f) => f.declared && isBooleanSchema(f.declared))) return [];

  const targets: Target[] = [];
  for (const { member, key, declared, required } of found) {
    if (declared && !isBooleanSchema(declared)) continue;
    const value = (declared && literalOf(declared)) ?? booleanFromKey(key) ?? 'boolean';
    targets.push({ member, property, value, required, schema: declared ?? {}, via: parent });
  }
  return targets;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** The property's schema as declared by the schema or its `allOf` parts (last declaration wins). */
function findProperty(doc: JsonObject, schema: JsonObject, property: string, seen: Set<JsonObject>): JsonObject | undefined {
  if (seen.has(schema)) return undefined;
  seen.add(schema);
  let found: JsonObject | undefined;
  for (const part of asArray(schema.allOf)) {
    const resolved = deref(doc, part);
    const inner = resolved && findProperty(doc, resolved, property, seen);
    if (inner) found = inner;
  }
  const own = isObject(schema.properties) ? schema.properties[property] : undefined;
  return (own !== undefined ? deref(doc, own) : undefined) ?? found;
}

function isRequired(doc: JsonObject, schema: JsonObject, property: string, seen: Set<JsonObject>): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (asArray(schema.required).includes(property)) return true;
  return asArray(schema.allOf).some((part) => {
    const resolved = deref(doc, part);
    return resolved ? isRequired(doc, resolved, property, seen) : false;
  });
}

function editFor(target: Target, member: PropertySignature | undefined): TextEdit | undefined {
  const typeNode = member?.getTypeNode();
  const prop = typeNode && findPropertyNode(typeNode, target.property);
  if (!prop) return undefined;
  const start = startWithDoc(prop.compilerNode, prop.getSourceFile().compilerNode);
  // The whitespace before the property on its line. (ts-morph's getIndentationText
  // gives the same, but walks the comments of the whole file first, on every call.)
  const text = prop.getSourceFile().getFullText();
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', start - 1) + 1, start))![0];
  const doc = docComment(docLinesFor(target.schema), indent).slice(indent.length);
  const optional = target.required ? '' : '?';
  return {
    start,
    end: prop.getEnd(),
    text: `${doc}${doc ? indent : ''}${prop.getNameNode().getText()}${optional}: ${String(target.value)};`,
  };
}

function findPropertyNode(typeNode: TypeNode, property: string): PropertySignature | undefined {
  const literals = Node.isIntersectionTypeNode(typeNode) ? typeNode.getTypeNodes() : [typeNode];
  let found: PropertySignature | undefined;
  for (const literal of literals) {
    if (!Node.isTypeLiteral(literal)) continue;
    for (const member of literal.getProperties()) {
      const nameNode = member.getNameNode();
      const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText();
      if (name === property) found = member;
    }
  }
  return found;
}

/** The doc lines openapi-typescript would have written for the untouched schema. */
function docLinesFor(schema: JsonObject): Array<string | DocTag> {
  const lines: Array<string | DocTag> = [];
  if (typeof schema.title === 'string') lines.push(schema.title);
  if (typeof schema.description === 'string') lines.push({ tag: '@description', text: schema.description });
  if (schema.default !== undefined) lines.push({ tag: '@default', text: JSON.stringify(schema.default) });
  if (schema.deprecated === true) lines.push({ tag: '@deprecated' });
  return lines;
}
