/**
 * The api-diff report as Markdown (for a PR comment or the job summary) or as
 * JSON (the same content as data). Pure: a report in, text out.
 *
 * The Markdown fits a PR comment (GitHub holds 65,536 characters) whatever the
 * change: the summary first, then every breaking change, then the other
 * changes while they fit, each cut section ending in "N more". The full
 * report is the same renderer without the cap (`--output`), or the JSON.
 */
import type { ApiDiff, Change } from './diff.js';
import { cell, codeSpan } from '../lib/markdown.js';

export interface Report {
  /** What the working tree is compared with, e.g. `origin/main (1a2b3c4)`. */
  base: string;
  /** What is compared, e.g. `working tree`. */
  head: string;
  apis: ApiDiff[];
}

export interface Summary {
  breaking: number;
  nonBreaking: number;
  apis: number;
  changedApis: number;
}

/** A distinct change: the change, every place it reaches, and the exports that come or go with it. */
export interface ChangeGroup {
  change: Change;
  places: Change[];
  /** Exports added or removed as part of this change (`partOf`), listed under it and not counted. */
  parts: Change[];
}

/**
 * One change, wherever it shows: a change to a component schema (`Pet.name`)
 * reached from several operations counts once and is listed with every place
 * it reaches; a change without a schema subject (a parameter, a body, a
 * response, an operation) is one per operation; an export that is `partOf`
 * an operation or symbol added or removed with it is listed under that one.
 */
export function groupChanges(changes: Change[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of changes) {
    if (c.partOf !== undefined) continue;
    const key = JSON.stringify(c.subject ? [c.severity, c.rule, c.subject, c.message, c.operation === null ? c.location : ''] : [c.severity, c.rule, c.operation, c.location, c.message]);
    const g = groups.get(key);
    if (g) g.places.push(c);
    else groups.set(key, { change: c, places: [c], parts: [] });
  }
  const list = [...groups.values()];
  const owners = new Map<string, ChangeGroup>();
  for (const g of list) {
    const c = g.change;
    if (c.rule === 'operation-added' || c.rule === 'operation-removed') owners.set(`${c.rule === 'operation-added' ? '+' : '-'}${c.operation}`, g);
    // a rename: the old name's exports go, the new name's come
    else if (c.rule === 'wrapper-renamed' || c.rule === 'operation-id-changed') owners.set(`+${c.operation}`, g).set(`-${c.operation}`, g);
    else if (c.rule === 'type-renamed') owners.set(`+type ${c.subject}`, g).set(`-type ${c.subject}`, g);
    // by name: an alias in one file can be part of a member in another (`partOf` names no file)
    else if (c.rule === 'export-added' || c.rule === 'export-removed') owners.set(`${c.rule === 'export-added' ? '+' : '-'}${c.subject}`, g);
  }
  for (const c of changes) {
    if (c.partOf === undefined) continue;
    const sign = c.rule === 'export-added' ? '+' : '-';
    const owner = owners.get(`${sign}${c.partOf}`);
    if (owner) owner.parts.push(c);
    else list.push({ change: c, places: [c], parts: [] }); // not expected: counted by itself rather than lost
  }
  return list;
}

export function summarize(report: Report): Summary {
  const all = report.apis.flatMap((a) => groupChanges(a.changes).map((g) => g.change));
  return {
    breaking: all.filter((c) => c.severity === 'breaking').length,
    nonBreaking: all.filter((c) => c.severity === 'non-breaking').length,
    apis: report.apis.length,
    changedApis: report.apis.filter((a) => a.status !== 'unchanged').length,
  };
}

export function hasBreaking(report: Report): boolean {
  return report.apis.some((a) => a.changes.some((c) => c.severity === 'breaking'));
}

export function renderJson(report: Report): string {
  return `${JSON.stringify({ base: report.base, head: report.head, summary: summarize(report), apis: report.apis }, null, 2)}\n`;
}

/** What GitHub holds in one issue or PR comment. */
export const COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** At most this many characters (default COMMENT_LIMIT); `Infinity` for the full report. */
  maxChars?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Places and listed exports shown per row; a cell's text is cut beyond MAX_CELL characters. */
const MAX_PLACES = 5;
const MAX_PARTS = 20;
const MAX_CELL = 600;
const MORE_HINT = 'the full report: `npm run api-diff -- --output <file>` or `--json` (in CI: the api-diff artifact)';
const TABLE_HEAD = ['| schema or symbol | change | where |', '|---|---|---|'];

interface Section {
  heading: string[];
  rows: string[];
  what: string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxChars = options.maxChars ?? COMMENT_LIMIT;
  const s = summarize(report);
  const out: string[] = [`## API changes: ${codeSpan(report.base)} → ${report.head}`, ''];
  const unchanged = report.apis.filter((a) => a.status === 'unchanged').map((a) => a.api);
  if (s.changedApis === 0) {
    out.push(report.apis.length ? `No changes to the generated apis (${unchanged.join(', ')}).` : 'No generated apis found.');
    return `${out.join('\n')}\n`;
  }
  const verdict = s.breaking ? `**${plural(s.breaking, 'breaking change')}**` : '**No breaking changes**';
  out.push(`${verdict}, ${s.nonBreaking} non-breaking, in ${plural(s.changedApis, 'api')}${unchanged.length ? ` (unchanged: ${unchanged.join(', ')})` : ''}.`);
  out.push('', '<sub>Breaking: code written against the old generated package can stop compiling or misbehave. Rules: docs/reviewing-spec-changes.md, "What breaks: the rules".</sub>');

  const changed = report.apis.filter((a) => a.status !== 'unchanged');
  const grouped = new Map(changed.map((a) => [a, groupChanges(a.changes)]));
  out.push('', '| api | breaking | non-breaking | operations |', '|---|--:|--:|---|');
  for (const api of changed) {
    const groups = grouped.get(api)!;
    const breaking = groups.filter((g) => g.change.severity === 'breaking').length;
    const status = api.status === 'added' ? ' (new api)' : api.status === 'removed' ? ' (api removed)' : '';
    const ops = api.operations;
    out.push(`| ${cell(api.api)}${status} | ${breaking} | ${groups.length - breaking} | ${ops.added.length} added, ${ops.removed.length} removed, ${ops.changed.length} changed |`);
  }

  const sections: Section[] = [];
  for (const [title, severity] of [['Breaking changes', 'breaking'], ['Other changes', 'non-breaking']] as const) {
    const withRows = changed.map((api) => ({ api, groups: grouped.get(api)!.filter((g) => g.change.severity === severity) })).filter((x) => x.groups.length);
    withRows.forEach(({ api, groups }, i) => {
      sections.push({
        heading: [...(i === 0 ? ['', `### ${title}`] : []), '', `#### ${cell(api.api)}`, '', ...TABLE_HEAD],
        rows: [...groups.filter((g) => g.change.operation !== null), ...groups.filter((g) => g.change.operation === null)].map(row),
        what: severity === 'breaking' ? 'breaking' : 'non-breaking',
      });
    });
  }

  // The budget: every later section's heading and "more" line is reserved before a row is added.
  // Breaking changes take what they need, in order; the other changes share what is left, api by api.
  const size = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  const moreLine = (n: number, what: string) => `| … | ${plural(n, `more ${what} change`)}: ${MORE_HINT} | |`;
  const reserve = sections.map((sec) => size(sec.heading) + moreLine(999_999, sec.what).length + 1);
  let used = size(out);
  sections.forEach((sec, i) => {
    out.push(...sec.heading);
    used += size(sec.heading);
    const later = reserve.slice(i + 1).reduce((a, b) => a + b, 0) + moreLine(999_999, sec.what).length + 1;
    const sharing = sec.what === 'breaking' ? 1 : sections.slice(i).filter((x) => x.what === sec.what).length;
    const allowance = (maxChars - used - later) / sharing;
    let shown = 0;
    let taken = 0;
    for (const r of sec.rows) {
      if (taken + r.length + 1 > allowance) break;
      out.push(r);
      taken += r.length + 1;
      shown++;
    }
    used += taken;
    if (shown < sec.rows.length) {
      const line = moreLine(sec.rows.length - shown, sec.what);
      out.push(line);
      used += line.length + 1;
    }
  });
  const text = `${out.join('\n')}\n`;
  if (text.length <= maxChars) return text;
  // Only when the summary table alone is too long (thousands of apis): cut at a line.
  const note = `\n… cut at ${maxChars} characters: ${MORE_HINT}\n`;
  const cut = text.slice(0, Math.max(0, maxChars - note.length));
  return `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`;
}

/** One row per distinct change: subject, change (with the exports it adds or removes), and where. */
function row({ change: c, places, parts }: ChangeGroup): string {
  const where =
    c.operation === null
      ? [codeSpan(c.location)]
      : places.map((p) => `${codeSpan(p.operation!)}${p.location === 'operation' ? '' : ` ${p.location}`}`);
  const shownPlaces = where.length > MAX_PLACES ? [...where.slice(0, MAX_PLACES), `and ${where.length - MAX_PLACES} more`] : where;
  let change = `${clip(c.message)} <sub>${c.rule}</sub>`;
  for (const [rule, label] of [['export-removed', 'exports removed'], ['export-added', 'exports added']] as const) {
    const names = parts.filter((p) => p.rule === rule).map((p) => codeSpan(p.subject));
    if (!names.length) continue;
    const shown = names.length > MAX_PARTS ? [...names.slice(0, MAX_PARTS), `and ${names.length - MAX_PARTS} more`] : names;
    change += `<br>${label}: ${shown.join(', ')}`;
  }
  const subject = c.subject ? codeSpan(clip(c.subject)) : '';
  return `| ${cell(subject)} | ${cell(change)} | ${cell(shownPlaces.join('<br>'))} |`;
}

function clip(text: string): string {
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}
