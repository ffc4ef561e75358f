/**
 * What the runtime may learn about where it runs, without Node's types (the
 * package type-checks with `types: []` and runs in browsers): environment
 * variables when `process` exists, whether this looks like a browser page,
 * and a runtime name for `User-Agent` where the runtime lets us set it.
 */
import { VERSION } from './version.js';

type ProcessLike = { env?: Record<string, string | undefined>; versions?: Record<string, string | undefined>; version?: string };

function processObject(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

/** The variable's value, trimmed; `undefined` when unset, empty, or there is no `process` (browsers). */
export function readEnv(name: string): string | undefined {
  const value = processObject()?.env?.[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A browser page (or a worker-less DOM): `window` and `document` both exist. */
export function isBrowser(): boolean {
  const g = globalThis as { window?: unknown; document?: unknown };
  return typeof g.window === 'object' && g.window !== null && typeof g.document === 'object' && g.document !== null;
}

/**
 * `vendor-api-clients/<version> <runtime>/<version>`, or `undefined` in a
 * browser, where `User-Agent` is the browser's own (Fetch lists it among the
 * headers a page may not set; Chromium drops it).
 */
export function userAgent(): string | undefined {
  if (isBrowser()) return undefined;
  const g = globalThis as { Deno?: { version?: { deno?: string } }; Bun?: { version?: string } };
  const versions = processObject()?.versions;
  let runtime: string | undefined;
  if (g.Deno?.version?.deno) runtime = `deno/${g.Deno.version.deno}`;
  else if (versions?.bun) runtime = `bun/${versions.bun}`;
  else if (versions?.node) runtime = `node/${versions.node}`;
  return runtime ? `vendor-api-clients/${VERSION} ${runtime}` : `vendor-api-clients/${VERSION}`;
}
