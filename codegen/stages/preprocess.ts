/**
 * The config's preprocessors, run once for both lint and bundle.
 *
 * Redocly's lintDocument and bundleDocument each run the preprocessors on the
 * document they are given (a resolve pass, a walk, another resolve pass):
 * twice per api in this pipeline. Here they run
 * once, on the loaded document, the way both functions run them (the same
 * rule instantiation as Redocly's initRules, the same walk); lint and bundle
 * then get the preprocessed document and a copy of the config with the
 * preprocessors off. The result is the same document and the same problems,
 * in the same order (preprocessor problems first, as lint reports them).
 */
import {
  Config,
  detectSpec,
  getMajorSpecVersion,
  resolveDocument,
  type BaseResolver,
  type Document,
  type NormalizedProblem,
  type ResolvedRefMap,
} from '@redocly/openapi-core';
import type { JsonObject } from '../lib/openapi.js';
import { bundleCheck } from './bundle-check.js';
import { lintCrash, ruleVisitors, specTypes, walkVisitors } from './lint.js';
import type { LoadedSpec } from './load.js';

export interface PreprocessedSpec extends LoadedSpec {
  /** The preprocessors' problems (lint reports them first). */
  problems: NormalizedProblem[];
  /** The config with the preprocessors off: they ran once, here. */
  config: Config;
  /** Whether bundling could change the preprocessed document (otherwise a copy is the bundle). */
  needsBundle: boolean;
  /** The preprocessed document as JSON text, when the bundle check made it. */
  json?: string | undefined;
  /**
   * The `$ref`s the preprocessors' walk resolved, when no bundle is needed:
   * lint walks with them if they still hold for the preprocessed document
   * (stages/lint.ts, refsStillHold) rather than resolving it again.
   */
  resolvedRefs?: ResolvedRefMap | undefined;
}

/**
 * Runs the config's preprocessors once, in place, for both lint and bundle
 * (runPreprocessors, below), and on the same walk finds whether bundling could
 * change the result.
 */
export async function preprocessSpec(spec: LoadedSpec, options: { bundleCheck?: boolean } = {}): Promise<PreprocessedSpec> {
  const { document, input, resolver } = spec;
  const config = withoutPreprocessors(input.config);
  const check = options.bundleCheck === false || hasDecorators(config, document) ? undefined : bundleCheck(document.source, document.parsed);
  // A rule or preprocessor that throws on a malformed spec: see lintCrash.
  const { problems, resolvedRefs } = await runPreprocessors(document, input.config, resolver, check?.visitor).catch(async (error: unknown) => {
    throw await lintCrash(error, input, document);
  });
  const json = check ? JSON.stringify(document.parsed) : undefined;
  const needsBundle = !check || !json || check.bundleChanges(document.parsed as JsonObject, json);
  return { ...spec, problems, config, needsBundle, json, resolvedRefs: needsBundle ? undefined : resolvedRefs };
}

/**
 * Runs the enabled preprocessors on `document` in place; returns their
 * problems (as lint reports them) and the refs the walk resolved (none when
 * there was no walk). `alsoVisit` walks along, read-only (the bundle check):
 * with it the walk is made even when no preprocessor is on.
 */
export async function runPreprocessors(
  document: Document,
  config: Config,
  resolver: BaseResolver,
  alsoVisit?: Record<string, unknown>,
): Promise<{ problems: NormalizedProblem[]; resolvedRefs?: ResolvedRefMap }> {
  const specVersion = detectSpec(document.parsed);
  const types = specTypes(config, specVersion);
  const visitors = ruleVisitors(config, specVersion, 'preprocessors');
  if (visitors.length === 0 && !alsoVisit) return { problems: [] };
  if (alsoVisit) visitors.push({ severity: 'error', ruleId: 'codegen/bundle-check', visitor: alsoVisit } as (typeof visitors)[number]);
  const resolvedRefs = await resolveDocument({ rootDocument: document, rootType: types.Root!, externalRefResolver: resolver });
  return { problems: walkVisitors(document, config, specVersion, types, visitors, resolvedRefs), resolvedRefs };
}

/** A copy of `config` (an api's config, from forAlias) with every preprocessor off. */
export function withoutPreprocessors(config: Config): Config {
  const copy = new Config(config.resolvedConfig, {
    ...(config.configPath !== undefined ? { configPath: config.configPath } : {}),
    ...(config.document !== undefined ? { document: config.document } : {}),
    ...(config.resolvedRefMap !== undefined ? { resolvedRefMap: config.resolvedRefMap } : {}),
    ...(config._alias !== undefined ? { alias: config._alias } : {}),
    plugins: config.plugins,
    ignore: config.ignore,
  });
  copy.skipPreprocessors([...new Set(Object.values(copy.preprocessors).flatMap((byId) => Object.keys(byId)))]);
  return copy;
}

/** Whether the config turns on any decorator for this spec version (then a bundle differs from its input). */
export function hasDecorators(config: Config, document: Document): boolean {
  const specVersion = detectSpec(document.parsed);
  return config
    .getRulesForSpecVersion(getMajorSpecVersion(specVersion))
    .some((ruleset) => Object.keys(ruleset).some((ruleId) => config.getDecoratorSettings(ruleId, specVersion).severity !== 'off'));
}
