/**
 * Raw bytes get the types the wire carries, not `string`.
 *
 * openapi-typescript types `type: string, format: binary` (and OpenAPI 3.1's
 * `contentMediaType` without `contentEncoding`) as `string`, but no string
 * reaches the server as a file: the runtime (src/body.ts) sends a `Blob`'s
 * bytes, and a string would go as text. So, walking the spec and the parsed
 * schema.ts side by side:
 * - a binary schema in a multipart body (a field, an array of files, also
 *   through `$ref`s) becomes `Blob` (a `File` is one), keeping `| null`; in a
 *   JSON body it stays `string`, which is what JSON carries;
 * - a whole binary response body becomes `Blob`;
 * - a whole request body in a binary media type (codegen/lib/media.ts:
 *   `application/octet-stream`, `image/png`, `*\/*`, …) becomes
 *   `Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>`;
 * - a `text/event-stream` response becomes the `ReadableStream<Uint8Array>`
 *   the runtime hands over (it does not parse events).
 * Only nodes found at the spec's own position are edited, so a description
 * or a name that says "binary" changes nothing. `$ref`s are followed by
 * editing the referenced component once, where openapi-typescript wrote it.
 */
import { Node, type InterfaceDeclaration, type TypeNode } from 'ts-morph';
import { jsString } from '../lib/escape.js';
import { isBinarySchema, mediaKind } from '../lib/media.js';
import { deref, isObject, oncePerDocument, operationsOf, schemaNameOf, type JsonObject } from '../lib/openapi.js';
import { SCHEMA_TYPES, type InterfaceRead, type Pass, type PassContext, type PassResult, type TextEdit } from './pass.js';

const BLOB = 'Blob';
const BINARY_BODY = 'Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>';
const EVENT_STREAM = 'ReadableStream<Uint8Array>';

export const binaryTypesPass: Pass = Object.assign(binaryTypes, {
  /**
   * The operations with bytes in a body written inline: `operations[id]`, or
   * `paths[path]` for one without an operationId; and the schemas with bytes
   * that a multipart body reaches.
   */
  reads: (document: JsonObject): InterfaceRead[] => [
    ...bytesIn(document).inline.map((op) =>
      typeof op.operation.operationId === 'string' ? { name: 'operations', members: [op.operation.operationId] } : { name: 'paths', members: [op.path] },
    ),
    ...bytesIn(document).schemas.map((key) => ({ name: SCHEMA_TYPES, members: [key] })),
  ],
});

function binaryTypes({ sourceFile, document, schemas }: PassContext): PassResult {
  const edits: TextEdit[] = [];
  const changed: string[] = [];

  const replace = (node: Node, text: string, where: string) => {
    edits.push({ start: node.getStart(), end: node.getEnd(), text });
    changed.push(where);
  };

  /** Edits the `string` of every binary schema inside `schema`, whose type openapi-typescript wrote as `node`. */
  const walk = (schema: unknown, node: TypeNode | undefined, where: string, depth = 0): void => {
    if (!isObject(schema) || !node || depth > 64 || typeof schema.$ref === 'string') return;
    node = unwrap(node);
    if (isBinarySchema(schema)) {
      const strings = Node.isUnionTypeNode(node) ? node.getTypeNodes().filter((t) => t.getText() === 'string') : node.getText() === 'string' ? [node] : [];
      for (const s of strings) replace(s, BLOB, where);
      return;
    }
    if (isObject(schema.properties) && Node.isTypeLiteral(node)) {
      for (const member of node.getProperties()) {
        const nameNode = member.getNameNode();
        const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText();
        if (Object.hasOwn(schema.properties, name)) walk(schema.properties[name], member.getTypeNode(), `${where}.${name}`, depth + 1);
      }
    }
    if (isObject(schema.items)) {
      const array = Node.isUnionTypeNode(node) ? node.getTypeNodes().find((t) => Node.isArrayTypeNode(t)) : node;
      if (array && Node.isArrayTypeNode(array)) walk(schema.items, array.getElementTypeNode(), `${where}[]`, depth + 1);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      const members = schema[key];
      if (!Array.isArray(members)) continue;
      const nodes = Node.isUnionTypeNode(node) || Node.isIntersectionTypeNode(node) ? node.getTypeNodes() : [];
      if (nodes.length === members.length) members.forEach((m, i) => walk(m, nodes[i], where, depth + 1));
    }
  };

  /** `content: { "<type>": T }` of a request body (`request`) or a response. */
  const walkContent = (content: unknown, holder: TypeNode | undefined, request: boolean, where: string) => {
    if (!isObject(content)) return;
    const literal = holder && typeLiteral(holder);
    const contentNode = literal && propertyType(literal, 'content');
    if (!contentNode) return;
    for (const [type, media] of Object.entries(content)) {
      const node = propertyType(contentNode, type);
      if (!node || !isObject(media)) continue;
      const kind = mediaKind(document, type, media);
      const bare = ['string', 'unknown'].includes(unwrap(node).getText());
      if (request && kind === 'binary' && bare) replace(node, BINARY_BODY, `${where} ${type}`);
      else if (!request && kind === 'binary' && bare) replace(node, BLOB, `${where} ${type}`);
      else if (!request && kind === 'event-stream') replace(node, EVENT_STREAM, `${where} ${type}`);
      else if (kind === 'multipart') walk(media.schema, node, `${where} ${type}`);
    }
  };

  // Most schemas and operations hold no bytes: the spec is checked first, and
  // only what needs an edit is looked up in the (costlier) ts-morph tree.
  const components = isObject(document.components) ? document.components : {};
  const schemasJson = isObject(components.schemas) ? components.schemas : {};
  const withBytes = new Set(bytesIn(document).schemas);
  for (const [name, member] of schemas) {
    if (!withBytes.has(name)) continue;
    // A self-referencing union is moved whole into an alias by recursive-unions; edits must not overlap.
    const typeNode = member.getTypeNode();
    if (typeNode && Node.isUnionTypeNode(typeNode) && typeNode.getText().includes(`components["schemas"][${jsString(name)}]`)) continue;
    walk(schemasJson[name], typeNode, name);
  }
  const componentsNode = sourceFile.getInterface('components');
  for (const [section, request] of [['requestBodies', true], ['responses', false]] as const) {
    const json = components[section];
    const node = componentsNode?.getProperty(section)?.getTypeNode();
    if (!isObject(json) || !node || !Node.isTypeLiteral(node)) continue;
    for (const [name, body] of Object.entries(json)) {
      if (needsEdit(document, deref(document, body)?.content)) walkContent(deref(document, body)?.content, propertyType(node, name), request, `${section}.${name}`);
    }
  }

  let operationsNode: Map<string, TypeNode | undefined> | undefined;
  let pathsNode: Map<string, TypeNode | undefined> | undefined;
  for (const op of bytesIn(document).inline) {
    const requestContent = inlineRequestContent(op);
    const id = op.operation.operationId;
    // openapi-typescript writes an operation with an operationId into `operations`, any other inline under `paths`.
    let opNode: TypeNode | undefined;
    if (typeof id === 'string') {
      opNode = (operationsNode ??= members(sourceFile.getInterface('operations'))).get(id);
    } else {
      const item = (pathsNode ??= members(sourceFile.getInterface('paths'))).get(op.path);
      const itemLiteral = item && typeLiteral(item);
      opNode = itemLiteral && propertyType(itemLiteral, op.method);
    }
    const literal = opNode && typeLiteral(opNode);
    if (!literal) continue;
    const where = `${op.method.toUpperCase()} ${op.path}`;
    walkContent(requestContent, propertyType(literal, 'requestBody'), true, where);
    const responsesNode = propertyType(literal, 'responses');
    const responsesLiteral = responsesNode && typeLiteral(responsesNode);
    if (!responsesLiteral || !isObject(op.operation.responses)) continue;
    for (const [status, response] of Object.entries(op.operation.responses)) {
      if (!isObject(response) || typeof response.$ref === 'string') continue;
      walkContent(response.content, propertyType(responsesLiteral, status), false, `${where} ${status}`);
    }
  }
  return { edits, warnings: [], facts: changed.length ? { binaryTypes: changed } : {} };
}

/**
 * Where `document` has bytes to type: the operations with an inline body that
 * needs an edit, and the schemas with bytes (schemasWithBytes).
 */
const bytesIn = oncePerDocument((document) => ({ inline: inlineBodiesWithBytes(document), schemas: schemasWithBytes(document) }));

/** The operations with a request or response body written inline (not a `$ref`) whose type needs an edit. */
function inlineBodiesWithBytes(document: JsonObject) {
  return operationsOf(document).filter((op) => {
    const responses = isObject(op.operation.responses) ? Object.values(op.operation.responses) : [];
    return needsEdit(document, inlineRequestContent(op)) || responses.some((r) => isObject(r) && typeof r.$ref !== 'string' && needsEdit(document, r.content));
  });
}

function inlineRequestContent(op: ReturnType<typeof operationsOf>[number]): unknown {
  const body = op.operation.requestBody;
  return isObject(body) && typeof body.$ref !== 'string' ? body.content : undefined;
}

function unwrap(node: TypeNode): TypeNode {
  while (Node.isParenthesizedTypeNode(node)) node = node.getTypeNode();
  return node;
}

function typeLiteral(node: TypeNode): ReturnType<typeof asLiteral> {
  return asLiteral(unwrap(node));
}

function asLiteral(node: TypeNode) {
  return Node.isTypeLiteral(node) ? node : undefined;
}

/** The type of member `name` of a type literal (names as openapi-typescript writes them, quoted or not). */
function propertyType(literal: Node, name: string): TypeNode | undefined {
  if (!Node.isTypeLiteral(literal)) return undefined;
  for (const member of literal.getProperties()) {
    const nameNode = member.getNameNode();
    const text = Node.isStringLiteral(nameNode) || Node.isNumericLiteral(nameNode) ? String(nameNode.getLiteralValue()) : nameNode.getText();
    if (text === name) return member.getTypeNode();
  }
  return undefined;
}

/** An interface's members by name (unquoted), read once. */
function members(node: InterfaceDeclaration | undefined): Map<string, TypeNode | undefined> {
  const out = new Map<string, TypeNode | undefined>();
  for (const member of node?.getProperties() ?? []) {
    const nameNode = member.getNameNode();
    out.set(Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText(), member.getTypeNode());
  }
  return out;
}

/** The component schemas a multipart body reaches that hold a binary schema themselves: the ones edited. */
function schemasWithBytes(document: JsonObject): string[] {
  const components = isObject(document.components) ? document.components : {};
  const schemasJson = isObject(components.schemas) ? components.schemas : {};
  return [...multipartSchemas(document)].filter((name) => hasBinary(schemasJson[name]));
}

/** Whether a schema holds a binary schema, not following `$ref`s (the referenced component is edited on its own). */
function hasBinary(schema: unknown, depth = 0): boolean {
  if (!isObject(schema) || depth > 64 || typeof schema.$ref === 'string') return false;
  if (isBinarySchema(schema)) return true;
  if (isObject(schema.properties) && Object.values(schema.properties).some((s) => hasBinary(s, depth + 1))) return true;
  if (hasBinary(schema.items, depth + 1)) return true;
  return (['oneOf', 'anyOf', 'allOf'] as const).some((k) => Array.isArray(schema[k]) && (schema[k] as unknown[]).some((s) => hasBinary(s, depth + 1)));
}

/** Whether a `content` map needs an edit: a binary or event-stream media type, or a binary schema written inline. */
function needsEdit(doc: JsonObject, content: unknown): boolean {
  if (!isObject(content)) return false;
  return Object.entries(content).some(([type, media]) => {
    const kind = mediaKind(doc, type, media);
    return kind === 'binary' || kind === 'event-stream' || (kind === 'multipart' && isObject(media) && hasBinary(media.schema));
  });
}

/**
 * Component schemas reachable from a multipart body (through any `$ref`s): the
 * only place a binary property carries bytes. In a JSON body the same
 * `format: binary` arrives as a string (Scale GP's
 * `ApplicationInteractionExportResponse.content`), so it stays `string`.
 */
function multipartSchemas(doc: JsonObject): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    for (const m of JSON.stringify(node ?? null).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      const name = schemaNameOf(`#/components/schemas/${m[1]!}`);
      if (name === undefined || found.has(name)) continue;
      found.add(name);
      visit(isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas[name] : undefined);
    }
  };
  const contents = [
    ...operationsOf(doc).flatMap((op) => [deref(doc, op.operation.requestBody), ...Object.values(isObject(op.operation.responses) ? op.operation.responses : {}).map((r) => deref(doc, r))]),
  ];
  for (const holder of contents) {
    const content = holder?.content;
    if (!isObject(content)) continue;
    for (const [type, media] of Object.entries(content)) if (mediaKind(doc, type, media) === 'multipart' && isObject(media)) visit(media.schema);
  }
  return found;
}
