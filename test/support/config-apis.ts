import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO } from './run-cli.js';

/** The apis of the project's redocly.yaml, in order, as `npm run generate` reads them. */
export function configApis(): string[] {
  const config = parse(readFileSync(join(REPO, 'redocly.yaml'), 'utf8')) as { apis?: Record<string, unknown> };
  return Object.keys(config.apis ?? {});
}

/** The client factory an api's generated index.ts exports (from its manifest). */
export function clientFactory(api: string): string {
  const manifest = JSON.parse(readFileSync(join(REPO, 'generated', api, 'manifest.json'), 'utf8')) as { client: { factory: string } };
  return manifest.client.factory;
}
