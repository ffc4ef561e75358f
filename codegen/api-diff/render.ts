/**
 * The api-diff report as Markdown (for a PR comment or the job summary) or as
 * JSON (the same content as data). Pure: a report in, text out.
 */
import type { ApiDiff, Change } from './diff.js';
import { cell, codeSpan } from './markdown.js';

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

/**
 * One change, wherever it shows: a change to a component schema (`Pet.name`)
 * reached from several operations counts once and is listed with every place
 * it reaches; a change without a schema subject (a parameter, a body, a
 * response, an operation) is one per operation.
 */
export function groupChanges(changes: Change[]): Array<{ change: Change; places: Change[] }> {
  const groups = new Map<string, { change: Change; places: Change[] }>();
  for (const c of changes) {
    const key = JSON.stringify(c.subject ? [c.severity, c.rule, c.subject, c.message, c.operation === null ? c.location : ''] : [c.severity, c.rule, c.operation, c.location, c.message]);
    const g = groups.get(key);
    if (g) g.places.push(c);
    else groups.set(key, { change: c, places: [c] });
  }
  return [...groups.values()];
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

export interface MarkdownOptions {
  /** Rows per table before the rest is cut (a PR comment holds 65,536 characters). Default 200. */
  maxRows?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxRows = options.maxRows ?? 200;
  const s = summarize(report);
  const out: string[] = [`## API changes: ${codeSpan(report.base)} → ${report.head}`, ''];
  const unchanged = report.apis.filter((a) => a.status === 'unchanged').map((a) => a.api);
  if (s.changedApis === 0) {
    out.push(report.apis.length ? `No changes to the generated apis (${unchanged.join(', ')}).` : 'No generated apis found.');
    return `${out.join('\n')}\n`;
  }
  const verdict = s.breaking ? `**${plural(s.breaking, 'breaking change')}**` : '**No breaking changes**';
  out.push(`${verdict}, ${s.nonBreaking} non-breaking, in ${plural(s.changedApis, 'api')}${unchanged.length ? ` (unchanged: ${unchanged.join(', ')})` : ''}.`);
  out.push('', '<sub>Breaking: code written against the old generated package can stop compiling or misbehave. Rules: README, "Reviewing spec changes".</sub>');

  for (const api of report.apis.filter((a) => a.status !== 'unchanged')) {
    const distinct = groupChanges(api.changes).map((g) => g.change);
    const breaking = distinct.filter((c) => c.severity === 'breaking').length;
    const status = api.status === 'added' ? ' (new api)' : api.status === 'removed' ? ' (api removed)' : '';
    out.push('', `### ${api.api}${status}: ${breaking} breaking, ${distinct.length - breaking} non-breaking`, '');

    const ops = api.operations;
    out.push(`**Operations:** ${ops.added.length} added, ${ops.removed.length} removed, ${ops.changed.length} changed`);
    const opLine = (label: string, list: ApiDiff['operations']['added']) =>
      list.length ? [`- ${label}: ${list.map((o) => `${codeSpan(o.key)}${o.operationId ? ` (${codeSpan(o.operationId)})` : ''}`).join(', ')}`] : [];
    const opLines = [...opLine('added', ops.added), ...opLine('removed', ops.removed), ...opLine('changed', ops.changed)];
    if (opLines.length) out.push('', ...opLines.map(cell));

    const specChanges = api.changes.filter((c) => c.operation !== null);
    if (specChanges.length) {
      out.push('', '| class | schema | change | where |', '|---|---|---|---|');
      out.push(...limit(groupRows(specChanges), maxRows, 4));
    }
    const exportChanges = api.changes.filter((c) => c.operation === null);
    out.push('', `**Exported symbols:** ${exportChanges.length ? plural(exportChanges.length, 'change') : 'no changes'}`);
    if (exportChanges.length) {
      out.push('', '| class | symbol | change | file |', '|---|---|---|---|');
      out.push(
        ...limit(
          exportChanges.map((c) => `| ${label(c)} | ${cell(codeSpan(c.subject))} | ${cell(c.message)} <sub>${c.rule}</sub> | ${cell(codeSpan(c.location))} |`),
          maxRows,
          4,
        ),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

function label(c: Change): string {
  return c.severity === 'breaking' ? '**breaking**' : 'non-breaking';
}

/** One row per distinct change, with the places (operation + location) it reaches. */
function groupRows(changes: Change[]): string[] {
  return groupChanges(changes).map(({ change: c, places }) => {
    const where = places.map((p) => `${codeSpan(p.operation!)}${p.location === 'operation' ? '' : ` ${p.location}`}`);
    const shown = where.length > 5 ? [...where.slice(0, 5), `and ${where.length - 5} more`] : where;
    const subject = c.subject ? codeSpan(c.subject) : '';
    return `| ${label(c)} | ${cell(subject)} | ${cell(c.message)} <sub>${c.rule}</sub> | ${cell(shown.join('<br>'))} |`;
  });
}

function limit(rows: string[], max: number, columns: number): string[] {
  if (rows.length <= max) return rows;
  const more = rows.length - max;
  return [...rows.slice(0, max), `| … | ${plural(more, 'more row')}: run \`npm run api-diff -- --json\` for all |${' |'.repeat(columns - 2)}`];
}
