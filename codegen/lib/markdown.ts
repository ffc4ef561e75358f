/** Markdown helpers shared by the api report and the api-diff renderer. */

/** A Markdown code span: fenced by more backticks than any run inside it. */
export function codeSpan(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Text for a Markdown table cell: one line, `|` escaped (GitHub honours `\|` inside code spans too). */
export function cell(text: string): string {
  if (!text.includes('|') && !text.includes('\n')) return text;
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
