/**
 * manifest.json, one per api: what was generated (files, operations and their
 * wrapper names, the facts the stages report) and the names later runs must
 * keep. Written by the pipeline (manifestJson), read back by the next run
 * (readManifest: recorded wrapper and alias names) and by api-diff.
 */
import { PipelineError } from './lib/errors.js';
import { isSafeIdentifier } from './lib/escape.js';
import type { HeaderInfo } from './lib/header.js';
import { NAME_SOURCES, reserved, type NameSource, type RecordedName } from './lib/naming.js';
import type { WrappersOutput } from './stages/wrappers.js';
import type { SchemaJobResult } from './worker/protocol.js';

/** What a previous manifest.json records (see readManifest). */
export interface ManifestRecord {
  /** Wrapper names by `METHOD /path`. */
  wrappers: Map<string, RecordedName>;
  /** Schema alias names (passes/readable-aliases.ts) by schema key; '' for a schema recorded without one (`unnamedSchemas`). */
  aliases: Map<string, string>;
}

/**
 * The names recorded in a previous manifest.json: `operations[].wrapper` keyed
 * by `METHOD /path`, and `aliases` (alias → schema key) keyed by schema key.
 * The file is committed and may have been edited by hand: an entry whose name
 * is not a usable identifier is ignored (that operation or schema is named
 * afresh); anything else malformed is an error.
 */
export function readManifest(text: string, where: string): ManifestRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PipelineError(`${where}: not valid JSON (${(error as Error).message}); restore it from git, or delete it to name every operation afresh`);
  }
  const { operations, aliases, unnamedSchemas } = (parsed ?? {}) as { operations?: unknown; aliases?: unknown; unnamedSchemas?: unknown };
  if (!Array.isArray(operations)) throw new PipelineError(`${where}: no "operations" list; restore it from git, or delete it to name every operation afresh`);
  const wrappers = new Map<string, RecordedName>();
  for (const entry of operations as Array<Record<string, unknown>>) {
    const { wrapper, method, path, nameFrom } = entry ?? {};
    if (typeof wrapper !== 'string' || typeof method !== 'string' || typeof path !== 'string') continue;
    if (!isSafeIdentifier(wrapper) || reserved(wrapper)) continue;
    wrappers.set(`${method.toUpperCase()} ${path}`, {
      name: wrapper,
      nameFrom: typeof nameFrom === 'string' && NAME_SOURCES.has(nameFrom) ? (nameFrom as NameSource) : 'summary',
    });
  }
  const aliasKeys = new Map<string, string>();
  if (aliases !== null && typeof aliases === 'object' && !Array.isArray(aliases)) {
    for (const [name, key] of Object.entries(aliases)) {
      if (typeof key === 'string' && isSafeIdentifier(name) && !aliasKeys.has(key)) aliasKeys.set(key, name);
    }
  }
  // Schemas the last generate left without a name: '' (readable-aliases keeps them so).
  if (Array.isArray(unnamedSchemas)) for (const key of unnamedSchemas) if (typeof key === 'string' && !aliasKeys.has(key)) aliasKeys.set(key, '');
  return { wrappers, aliases: aliasKeys };
}


/** manifest.json's text for one api. */
export function manifestJson(info: HeaderInfo, w: WrappersOutput, processed: SchemaJobResult): string {
  const manifest = {
    generated: 'GENERATED FILE: do not edit. Regenerate with `npm run generate`.',
    api: info.api,
    source: info.source,
    specSha256: info.specSha256,
    tools: info.tools,
    files: ['openapi.yaml', 'schema.ts', 'operations.ts', 'index.ts', 'testing.ts', 'api-report.md'],
    operationCount: w.operations.length,
    operations: w.operations.map((op) => ({
      wrapper: op.name,
      nameFrom: op.nameFrom,
      method: op.method.toUpperCase(),
      path: op.path,
      operationId: typeof op.operation.operationId === 'string' ? op.operation.operationId : null,
      ...(op.vendorOperationId !== op.operation.operationId ? { vendorOperationId: op.vendorOperationId } : {}),
    })),
    ...w.facts,
    ...processed.facts,
    warnings: processed.warnings,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
