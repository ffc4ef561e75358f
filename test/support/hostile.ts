/**
 * Hostile strings and the checks that spec text stayed text (marker and fuzz tests).
 */
import ts from 'typescript';

/** Hostile strings; each ends up around a marker `PWNED_<n>`. */
export const PAYLOADS: Array<(marker: string) => string> = [
  (m) => `*/ ${m}(); /*`,
  (m) => `"; ${m}(); "`,
  (m) => `'; ${m}(); '`,
  (m) => `\`; ${m}(); \``,
  (m) => `\${${m}()}`,
  (m) => `\n ${m}(); \u2028 ${m}(); \u2029`,
  (m) => `\\"; ${m}(); //`,
  (m) => `\r\n*/\r\n${m}();\r\n/*`,
  (m) => `\u0001\u0007\u001b\u007f*/ ${m}(); /*`,
  (m) => `</script><!-- */ ${m}(); -->`,
  (m) => `\\u002A/ ${m}(); /* \\x2a/`,
  (m) => `**/${m}/**`,
  (m) => `@type {X} */ ${m}(); /** @see`,
  (m) => `}; ${m}(); {`,
  (m) => `\u2029*/\u2028${m}()`,
  (m) => `\n@deprecated ${m}\n@type {${m}} ${m}`,
];

/** Problems of one generated .ts file: parse errors, and markers that became identifiers. */
export function codeProblems(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  for (const d of (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics) {
    const { line, character } = sf.getLineAndCharacterOfPosition(d.start ?? 0);
    problems.push(`${file}:${line + 1}:${character + 1}: parse error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  const visit = (node: ts.Node): void => {
    // A property key in a type (`path: { PWNED_1: string }`) is data the spec named, not code: a path
    // template `{PWNED_1}` legitimately declares a path parameter of that name (OpenAPI §Path Templating).
    const isTypeKey = node.parent !== undefined && ts.isPropertySignature(node.parent) && node.parent.name === node;
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && /^PWNED_/.test(node.text) && !isTypeKey) {
      const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      problems.push(`${file}:${line + 1}:${character + 1}: spec text became code: identifier ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

/**
 * JSDoc tags the generator and openapi-typescript write; any other tag in a
 * generated file was forged by spec text. TypeScript starts a tag at any `@`
 * after whitespace, not only at the start of a line.
 */
const DOC_TAGS = new Set(['description', 'default', 'example', 'deprecated', 'constant', 'enum', 'param', 'returns']);
/** Tags the generator writes with its own text: spec text inside one means spec text started it. */
const OWN_TEXT_TAGS = new Set(['deprecated', 'param', 'returns']);

/** Spec text that starts a doc-comment line with `@tag` forges a tag (`@deprecated`, `@type {…}`): editors show it as one. */
export function forgedDocTags(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const visit = (node: ts.Node): void => {
    for (const doc of (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
      for (const tag of doc.tags ?? []) {
        const comment = ts.getTextOfJSDocComment(tag.comment) ?? '';
        if (!DOC_TAGS.has(tag.tagName.text) || (OWN_TEXT_TAGS.has(tag.tagName.text) && comment.includes('PWNED'))) {
          const { line } = sf.getLineAndCharacterOfPosition(tag.getStart(sf));
          problems.push(`${file}:${line + 1}: forged JSDoc tag @${tag.tagName.text} ${comment.slice(0, 40)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

