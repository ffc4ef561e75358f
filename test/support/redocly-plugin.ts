/**
 * The vendor-quirks Redocly plugin on inline YAML, the way Redocly tests its
 * own rules: a config with the repo's plugin and the given preprocessors and
 * decorators, then lint (problems as `<ruleId> <pointer>`, all of them and the
 * errors alone) and bundle.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFromString, lintFromString, loadConfig } from '@redocly/openapi-core';
import { REPO, tempDir } from './run-cli.js';

export interface PluginConfig {
  extends?: string[];
  preprocessors?: Record<string, unknown>;
  decorators?: Record<string, unknown>;
}

/** A config with the plugin (`extends` default: Redocly's `recommended`). */
export async function pluginConfig(config: PluginConfig = {}) {
  const dir = tempDir('plugin-test-');
  const path = join(dir, 'redocly.yaml');
  writeFileSync(path, JSON.stringify({ extends: ['recommended'], plugins: [join(REPO, 'codegen/redocly-plugin/index.js')], ...config }));
  return loadConfig({ configPath: path });
}

/** Lint and bundle of `source` with `preprocessors` switched on (or a whole plugin config). */
export async function lintAndBundle(source: string, preprocessors: Record<string, unknown>, config: PluginConfig = {}) {
  const loaded = await pluginConfig({ preprocessors, ...config });
  const problems = await lintFromString({ source, absoluteRef: '/spec.yaml', config: loaded });
  const { bundle } = await bundleFromString({ source, absoluteRef: '/spec.yaml', config: loaded });
  const format = (p: (typeof problems)[number]) => `${p.ruleId} ${p.location[0]?.pointer}`;
  return { problems: problems.map(format), errors: problems.filter((p) => p.severity === 'error').map(format), bundled: bundle.parsed as any };
}

/** A valid OpenAPI 3.1 document around `body` (`paths:` and `components:`). */
export const spec = (body: string) => `openapi: 3.1.0
info: { title: t, version: '1', license: { name: MIT, url: 'https://example.com' } }
servers: [{ url: 'https://example.com' }]
security: []
${body}`;
