/**
 * What `generate` prints about warnings by default: one line per rule with its
 * count and the first warning as an example, instead of every line (the full
 * vendor specs give hundreds, most of them one rule). `--verbose` prints every
 * line. Pure: warning lines in, lines to print out.
 */

export interface WarningGroup {
  /** The Redocly rule (`spec-ref-siblings`) or our pass (`readable-aliases`). */
  rule: string;
  count: number;
  /** The first warning of the rule, as printed with --verbose. */
  example: string;
}

/** What a pass's warnings mean for the output, where the rule name alone does not say it. */
const CONSEQUENCE: Record<string, string> = {
  'readable-aliases': 'aliases not emitted',
  'readable-aliases-qualified': 'names qualified by their schema keys',
};

/**
 * The rule a warning line belongs to. Lint warnings read
 * `file:line:col: warning <rule>: …` (see stages/lint.ts formatProblem); the
 * passes' read `readable aliases: …`; anything else (openapi-typescript's own
 * messages) is `other`.
 */
export function warningRule(line: string): string {
  const lint = /(?:^|: )warning ([\w./-]+): /.exec(line);
  if (lint) return lint[1]!;
  const pass = /^([a-z][a-z ]*[a-z]): /.exec(line);
  return pass ? pass[1]!.replace(/ /g, '-') : 'other';
}

/** Warnings grouped by rule, most frequent first (ties by rule name). */
export function groupWarnings(lines: readonly string[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const line of lines) {
    const rule = warningRule(line);
    const g = groups.get(rule);
    if (g) g.count++;
    else groups.set(rule, { rule, count: 1, example: line });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** `3 warnings` / `no warnings`: for one-line messages. */
export function warningCount(count: number): string {
  return count ? plural(count, 'warning') : 'no warnings';
}

/**
 * The summary for one api: a heading line, then one indented line per rule
 * (`  59 no-illogical-composition-keywords, e.g. <first warning>`). Empty when
 * there are no warnings.
 */
export function summariseWarnings(api: string, lines: readonly string[]): string[] {
  if (!lines.length) return [];
  const groups = groupWarnings(lines);
  return [
    `${api}: ${plural(lines.length, 'warning')} of ${plural(groups.length, 'rule')} (--verbose prints every one):`,
    ...groups.map((g) => `  ${g.count} ${g.rule}${CONSEQUENCE[g.rule] ? ` (${CONSEQUENCE[g.rule]})` : ''}, e.g. ${g.example}`),
  ];
}
