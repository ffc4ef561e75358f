/**
 * The plugin as the project's redocly.yaml loads it (codegen/redocly-plugin/index.js
 * registers every preprocessor and decorator): the Redocly CLI agrees with the
 * pipeline on the project's own config.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../support/run-cli.js';

describe('the project config', () => {
  it('`npx redocly lint` (the CLI, no arguments) passes, as the library lint does inside generate', () => {
    const r = spawnSync(join(REPO, 'node_modules/.bin/redocly'), ['lint'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toContain('specs/scale-gp.yaml: validated');
    expect(out).toContain('specs/launchdarkly.yaml: validated');
  });

  it('the bundled spec is what the pipeline wrote (generated/*/openapi.yaml parses to an OpenAPI 3.x document of its root spec\'s version)', () => {
    const config = parse(readFileSync(join(REPO, 'redocly.yaml'), 'utf8')) as { apis: Record<string, { root: string }> };
    for (const [api, { root }] of Object.entries(config.apis)) {
      const doc = parse(readFileSync(join(REPO, 'generated', api, 'openapi.yaml'), 'utf8'));
      // the version line of the root spec (YAML or JSON), without parsing a vendor's whole spec again
      const version = /^\s*"?openapi"?\s*:\s*"?'?([\d.]+)/m.exec(readFileSync(join(REPO, root), 'utf8'))?.[1];
      expect(doc.openapi, api).toMatch(/^3\.[01]\.\d+$/);
      expect(doc.openapi, api).toBe(version);
    }
  });
});
