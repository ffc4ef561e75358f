/**
 * Escaping for text that travels from a spec (untrusted) into generated files.
 * Everything our generator copies into a comment, a string literal or an
 * identifier goes through one of these, so spec text never becomes code.
 */

/** Characters that end a line for JavaScript or YAML, plus other controls. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g;

/** A JavaScript/TypeScript string literal (double-quoted, all controls escaped). */
export function jsString(text: string): string {
  // JSON.stringify escapes quotes, backslashes and C0 controls; U+2028/9 are
  // legal in JSON but we escape them too so the output is plain ASCII-safe.
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * Text safe inside a JSDoc block: `*\/` cannot close the comment, `@` after a
 * line start or whitespace cannot forge a tag (`\@`), controls and line
 * separators are replaced.
 * Newlines are kept as separate lines (the caller prefixes ` * `).
 */
export function docLines(text: string): string[] {
  // Each step only where it can change something: every description of a spec passes here.
  let lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  lines = lines.replace(CONTROL, (c) => (c === '\u2028' || c === '\u2029' ? '\n' : ' '));
  if (lines.includes('*/')) lines = lines.replace(/\*\//g, '*\\/');
  return lines.split('\n').map((line) => {
    const trimmed = line.trimEnd(); // the white space `\s` matches, as /\s+$/ would remove
    // TypeScript reads `@` at a line start or after whitespace as a tag: escape it.
    return trimmed.includes('@') ? trimmed.replace(/(^|\s)@/g, '$1\\@') : trimmed;
  });
}

/** A JSDoc tag we write ourselves (trusted), optionally followed by untrusted text. */
export interface DocTag {
  tag: `@${string}`;
  text?: string;
}

/** A JSDoc block from untrusted text lines and our own tags. */
export function docComment(lines: Array<string | DocTag>, indent = ''): string {
  const body = lines.flatMap((l) => {
    if (typeof l === 'string') return docLines(l);
    const [first = '', ...rest] = docLines(l.text ?? '');
    return [`${l.tag}${first ? ` ${first}` : ''}`, ...rest];
  });
  while (body.length && body[body.length - 1] === '') body.pop();
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

/** One line of text safe inside a `#` YAML comment or a `//` line comment. */
export function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(CONTROL, ' ');
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'implements interface let package private protected public static yield await arguments eval undefined NaN Infinity'
  ).split(' '),
);

/** True when `name` is a valid identifier that is not a reserved word. */
export function isSafeIdentifier(name: string): boolean {
  return /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u.test(name) && !RESERVED.has(name);
}

/** Words of a free-form name: `egp_api__ApplicationSpec-V2 x` → [egp, api, Application, Spec, V2, x]. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

const upperFirst = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** `application spec response` → `ApplicationSpecResponse`; always a valid identifier or ''. */
export function pascalCase(text: string): string {
  const name = words(text).map(upperFirst).join('');
  if (!name) return '';
  return /^\p{ID_Start}/u.test(name) ? name : `_${name}`;
}

/** `Update Application Spec` → `updateApplicationSpec`; always a valid identifier or ''. */
export function camelCase(text: string): string {
  const ws = words(text);
  if (ws.length === 0) return '';
  const [first, ...rest] = ws;
  const name = first!.toLowerCase() + rest.map(upperFirst).join('');
  return /^\p{ID_Start}/u.test(name) ? name : `_${name}`;
}

/** The first line of a message, trimmed. */
export function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
