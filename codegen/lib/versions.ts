import { readFileSync } from 'node:fs';

/** Versions of the tools whose output lands in generated/, read from the installed packages. */
export interface ToolVersions {
  generator: string;
  'openapi-typescript': string;
  '@redocly/openapi-core': string;
  'ts-morph': string;
}

const root = new URL('../../', import.meta.url);

function versionOf(pkgDir: string): string {
  const pkg = JSON.parse(readFileSync(new URL(`${pkgDir}/package.json`, root), 'utf8')) as { version: string };
  return pkg.version;
}

let cached: ToolVersions | undefined;

export function toolVersions(): ToolVersions {
  cached ??= {
    generator: versionOf('.'),
    'openapi-typescript': versionOf('node_modules/openapi-typescript'),
    '@redocly/openapi-core': versionOf('node_modules/@redocly/openapi-core'),
    'ts-morph': versionOf('node_modules/ts-morph'),
  };
  return cached;
}

export function formatVersions(v: ToolVersions): string {
  return Object.entries(v)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
}
