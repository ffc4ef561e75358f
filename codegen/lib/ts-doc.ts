import { ts } from 'ts-morph';

/**
 * Where `node` starts with its doc comments: the first `/** … *\/` comment
 * before it, as TypeScript's `getStart(sourceFile, true)` finds it, but
 * from the text. The schema file is parsed without JSDoc (stages/passes.ts:
 * the passes never read tags, and skipping them halves the parse), so
 * there are no JSDoc nodes to start from.
 */
export function startWithDoc(node: ts.Node, sourceFile: ts.SourceFile): number {
  const text = sourceFile.text;
  // TypeScript's own test for a JSDoc comment (getJSDocCommentRanges): `/**`, not `/**/`.
  const doc = ts.getLeadingCommentRanges(text, node.pos)?.find((r) => text.startsWith('/**', r.pos) && text.charCodeAt(r.pos + 3) !== 0x2f);
  return doc ? doc.pos : node.getStart(sourceFile);
}
