/**
 * The bundle: Redocly's bundle of a copy of the preprocessed spec (decorators
 * and the bundler change what they bundle; lint must see the spec as
 * written plus the preprocessors), or just the copy when the bundle check
 * (bundle-check.ts, on the preprocessors' walk) found nothing it would change.
 */
import { bundle, type Document } from '@redocly/openapi-core';
import { PipelineError } from '../lib/errors.js';
import type { JsonObject } from '../lib/openapi.js';
import { formatProblem } from './lint.js';
import { newResolver, resolveError } from './load.js';
import type { PreprocessedSpec } from './preprocess.js';

export interface BundledSpec {
  /** The bundled OpenAPI document: the pipeline's own copy. */
  document: JsonObject;
  /** `document` as JSON text. */
  json: string;
  /** Every file the spec was read from (root and external refs). */
  files: string[];
}

/**
 * The bundle, as a new document: Redocly's bundle of a copy, or just the copy
 * when the bundle check found nothing to change. That copy is the preprocessed
 * spec's JSON text parsed again (2–3× faster than structuredClone, on the
 * path to the schema job): the very document the schema job parses from the
 * same text, so openapi.yaml and the wrappers see what the types were made
 * from even where JSON cannot hold a value (a YAML `.nan` becomes `null`, `-0`
 * becomes `0`, in both).
 */
export async function bundleSpec(spec: PreprocessedSpec): Promise<BundledSpec> {
  const { document, input } = spec;
  if (!spec.needsBundle && spec.json !== undefined) {
    return { document: JSON.parse(spec.json) as JsonObject, json: spec.json, files: [input.root] };
  }
  const copy = { source: document.source, parsed: structuredClone(document.parsed) } as Document;
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    // A resolver of its own: bundling changes the documents it resolves.
    result = await bundle({ doc: copy, config: spec.config, externalRefResolver: newResolver(input), dereference: false });
  } catch (error) {
    throw resolveError(error, input.root, input.display);
  }
  const bundleErrors = result.problems.filter((p) => p.severity === 'error');
  if (bundleErrors.length > 0) {
    const lines = bundleErrors.map((p) => formatProblem(p, input.display));
    throw new PipelineError(`${lines[0]} (while bundling)`, lines.slice(1));
  }
  const bundled = result.bundle.parsed as JsonObject;
  return {
    document: bundled,
    json: JSON.stringify(bundled),
    files: [input.root, ...[...result.fileDependencies].filter((f) => f !== input.root)].sort(),
  };
}
