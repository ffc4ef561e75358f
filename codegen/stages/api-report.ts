/**
 * The public surface of one generated api: every exported symbol of its `.ts`
 * files with its kind and a one-line signature, as stable Markdown
 * (`apiReport`) or data (`apiSymbols`, which api-diff compares between two
 * versions).
 *
 * The listing of a parsed file is api-symbols.ts (it loads TypeScript); this
 * module renders symbols and lists what the generator writes, without it.
 *
 * Rules, so the listing is stable and reviewable line by line:
 * - files in name order; within a file, symbols in name order (code-point
 *   order, not locale);
 * - signatures are printed from the syntax tree (comments dropped, whitespace
 *   collapsed to one line); function overloads are listed, not the
 *   implementation; a parameter with a default is shown optional;
 * - members of exported interfaces and object-literal type aliases are listed
 *   by name, two levels deep (`paths["/x"].patch`, `components.schemas.Foo`),
 *   as kind `member` without a signature, and `never` members are skipped:
 *   what each schema contains is the spec diff's job (it knows the direction
 *   data flows); this listing says which names exist;
 * - for the same reason, a schema's declaration (passes/named-types.ts, which
 *   writes the line comment `// components["schemas"]["<key>"]` above it) is
 *   listed without members or body: `interface Name (components["schemas"]["<key>"])`.
 */
import { cell, codeSpan } from '../lib/markdown.js';

export type SymbolKind =
  | 'interface'
  | 'type'
  | 'function'
  | 'const'
  | 'let'
  | 'var'
  | 'class'
  | 'enum'
  | 'namespace'
  | 're-export'
  | 'default'
  | 'member';

export interface ApiSymbol {
  /** The file as keyed in the input map. */
  file: string;
  /** The exported name; for members the access path (`paths["/x"].patch`). */
  name: string;
  kind: SymbolKind;
  /** One line; '' for members. */
  signature: string;
}

/** Initializers longer than this are cut in a signature. */
const MAX_INITIALIZER = 300;

/**
 * The Markdown listing of symbols in report order (files in code-point order,
 * each file's symbols as `SymbolList` orders them): what `apiReport` prints,
 * for symbols that come from the generator itself rather than from a parse.
 */
export function renderApiReport(symbols: readonly ApiSymbol[], options: { title?: string } = {}): string {
  const lines = [
    `# ${options.title ?? 'Public API'}`,
    '',
    'Every exported symbol of the generated files with its kind and signature; members of exported',
    'interfaces by name, two levels deep. `npm run api-diff` compares this list between two commits.',
  ];
  const byFile = new Map<string, ApiSymbol[]>();
  for (const s of symbols) {
    const list = byFile.get(s.file);
    if (list) list.push(s);
    else byFile.set(s.file, [s]);
  }
  for (const file of [...byFile.keys()].sort(byCodePoint)) {
    lines.push('', `## ${file}`, '', '| symbol | kind | signature |', '|---|---|---|');
    for (const s of byFile.get(file)!) lines.push(`| ${cell(codeSpan(s.name))} | ${s.kind} | ${s.signature ? cell(codeSpan(s.signature)) : ''} |`);
  }
  if (byFile.size === 0) lines.push('', 'No exported symbols.');
  return `${lines.join('\n')}\n`;
}

/**
 * One file's exported symbols in report order: top-level symbols by name,
 * each followed by its members by name. Signatures are taken as given (one
 * line: `oneLine` makes text the way the printer's is made).
 */
export class SymbolList {
  private readonly top: Array<{ symbol: ApiSymbol; members: ApiSymbol[] }> = [];
  constructor(readonly file: string) {}

  add(name: string, kind: SymbolKind, signature: string, members: ApiSymbol[] = []): void {
    this.top.push({ symbol: { file: this.file, name, kind, signature }, members });
  }

  /** Members of `parent` by name (`parent.name`, or `parent["name"]` when not an identifier), in report order. */
  members(parent: string, names: readonly string[]): ApiSymbol[] {
    return names
      .map((n) => access(parent, { text: n, identifier: /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(n) }))
      .sort(byCodePoint)
      .map((name) => ({ file: this.file, name, kind: 'member' as const, signature: '' }));
  }

  symbols(): ApiSymbol[] {
    return [...this.top].sort((a, b) => byCodePoint(a.symbol.name, b.symbol.name)).flatMap((t) => [t.symbol, ...t.members]);
  }
}

export function access(parent: string, name: { text: string; identifier: boolean }): string {
  return name.identifier ? `${parent}.${name.text}` : `${parent}[${JSON.stringify(name.text)}]`;
}

/** One line; the printer's `{ a: 1; }` / `{ a: 1, }` become `{ a: 1 }`. */
export function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[;,] \}/g, ' }')
    .trim();
}

export function truncate(text: string, max = MAX_INITIALIZER): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
