import { oneLine } from './escape.js';
import { formatVersions, type ToolVersions } from './versions.js';

export interface HeaderInfo {
  api: string;
  /** Spec path relative to the config file's folder, with `/` separators. */
  source: string;
  specSha256: string;
  tools: ToolVersions;
}

function headerLines(info: HeaderInfo): string[] {
  return [
    'GENERATED FILE: do not edit. Regenerate with `npm run generate`.',
    `api: ${info.api}`,
    `source: ${info.source}`,
    `bundled spec sha256: ${info.specSha256}`,
    `tools: ${formatVersions(info.tools)}`,
  ];
}

/** Header for a generated TypeScript file (a plain block comment: tool names such as `@redocly/…` stay as written). */
export function tsHeader(info: HeaderInfo): string {
  return `/*\n${headerLines(info)
    .map((l) => ` * ${oneLine(l).replace(/\*\//g, '*\\/')}\n`)
    .join('')} */\n`;
}

/** Header for a generated YAML file (`#` comments). */
export function yamlHeader(info: HeaderInfo): string {
  return headerLines(info)
    .map((l) => `# ${oneLine(l)}\n`)
    .join('');
}

/** Header for a generated Markdown file (an HTML comment; `--` cannot end it early). */
export function markdownHeader(info: HeaderInfo): string {
  return `<!--\n${headerLines(info)
    .map((l) => `  ${oneLine(l).replace(/--/g, '- -')}\n`)
    .join('')}-->\n\n`;
}
