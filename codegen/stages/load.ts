/**
 * The first stage of a run: read and parse the api's root spec through a
 * resolver confined to what the spec may read (lib/spec-resolver.ts: the
 * config's and the root spec's folders, the allowed remote hosts, the
 * limits). The same resolver, with its cache of read and parsed files, serves
 * the preprocessors and lint; refs are read as they are met.
 */
import { existsSync, statSync } from 'node:fs';
import { detectSpec, type Config, type Document } from '@redocly/openapi-core';
import { PipelineError } from '../lib/errors.js';
import { firstLine } from '../lib/escape.js';
import { SpecResolver, type SpecAccess } from '../lib/spec-resolver.js';

export interface SpecInput {
  api: string;
  /** Absolute path of the api's root spec file. */
  root: string;
  /** The api's Redocly config (`config.forAlias(api)`). */
  config: Config;
  /** How a path is shown to the user (relative to the working directory). */
  display: (absPath: string) => string;
  /** What the spec may read: folders, remote hosts, limits (lib/spec-resolver.ts). */
  access: Omit<SpecAccess, 'display'>;
}

/** The spec as loaded: Redocly's document and the resolver that read it (lint reuses its cache). */
export interface LoadedSpec {
  input: SpecInput;
  document: Document;
  resolver: SpecResolver;
}

/** Reads and parses the root spec (refs are read as they are met, confined by `access`). */
export async function loadSpec(input: SpecInput): Promise<LoadedSpec> {
  const { root, display, api } = input;
  if (!existsSync(root) || !statSync(root).isFile()) {
    throw new PipelineError(`${display(root)}: spec file not found (root of api "${api}")`);
  }
  const resolver = newResolver(input);
  let loaded: Document | Error;
  try {
    loaded = await resolver.resolveDocument(null, root, true);
  } catch (error) {
    loaded = error as Error; // a YAML syntax error is thrown, a read error returned
  }
  if (loaded instanceof Error) throw documentError(loaded, root, display);
  checkIsOpenApi3(loaded, display);
  return { input, document: loaded, resolver };
}

/** A resolver confined to what the spec may read; each Redocly call that reads files gets one. */
export function newResolver(input: SpecInput, config: Config = input.config): SpecResolver {
  return new SpecResolver({ ...input.access, display: input.display }, config.resolve);
}

/** Redocly throws (rather than reports) on some $ref shapes, e.g. `Self-referencing circular pointer`. */
export function resolveError(error: unknown, root: string, display: (p: string) => string): Error {
  if (error instanceof PipelineError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PipelineError(`${display(root)}: cannot resolve the spec's $refs: ${firstLine(message)}`);
}

function documentError(error: Error, root: string, display: (p: string) => string): PipelineError {
  // A limit or a refusal (lib/spec-resolver.ts): already one line naming the file.
  if (error instanceof PipelineError) return error;
  const e = error as Error & { mark?: { line: number; column: number }; source?: { absoluteRef?: string }; originalError?: Error };
  const file = display(e.source?.absoluteRef ?? root);
  const inner = e.originalError ?? e;
  const mark = (inner as { mark?: { line: number; column: number } }).mark ?? e.mark;
  if (mark) {
    const reason = ((inner as { reason?: string }).reason ?? firstLine(inner.message)).replace(/\s+in ".*$/, '');
    return new PipelineError(`${file}:${mark.line + 1}:${mark.column + 1}: YAML syntax error: ${reason}`);
  }
  if ((inner as NodeJS.ErrnoException).code === 'ENOENT') return new PipelineError(`${file}: file not found`);
  return new PipelineError(`${file}: cannot read spec: ${firstLine(inner.message)}`);
}

function checkIsOpenApi3(document: Document, display: (p: string) => string): void {
  const file = display(document.source.absoluteRef);
  const parsed = document.parsed as unknown;
  if (parsed === null || parsed === undefined || parsed === '') throw new PipelineError(`${file}: the file is empty`);
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new PipelineError(`${file}: not an OpenAPI document (expected a mapping at the top level)`);
  }
  const version = (parsed as { openapi?: unknown; swagger?: unknown }).openapi;
  if ((parsed as { swagger?: unknown }).swagger !== undefined) {
    throw new PipelineError(`${file}: Swagger 2.0 is not supported; convert it to OpenAPI 3.x first (e.g. swagger2openapi)`);
  }
  if (typeof version !== 'string' || !/^3\.[012]\./.test(version)) {
    throw new PipelineError(
      `${file}: not an OpenAPI 3.0/3.1/3.2 document (${version === undefined ? 'no "openapi" field' : `openapi: ${JSON.stringify(version)}`})`,
    );
  }
  try {
    detectSpec(parsed);
  } catch (error) {
    throw new PipelineError(`${file}: ${firstLine((error as Error).message)}`);
  }
}
