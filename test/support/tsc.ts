import { existsSync, readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import ts from 'typescript';
import { REPO } from './run-cli.js';

/** Compiler options of a strict consumer (no Node types, exact optional properties). */
const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
};

/**
 * Diagnostics of compiling `files` as a strict consumer would. Library and
 * runtime files (TypeScript's lib.*.d.ts, node_modules, the repo's src/) are
 * parsed once and shared by every program this process creates: a fresh
 * program per generated api would otherwise re-parse lib.dom.d.ts every time.
 */
export function strictDiagnostics(files: string[]): string[] {
  return strictDiagnosticsOf(files).map((d) => d.text);
}

/** The same, with the file of each diagnostic (absolute path; undefined for global ones). */
export function strictDiagnosticsOf(files: string[]): Array<{ file: string | undefined; text: string }> {
  const program = ts.createProgram({ rootNames: files, options: STRICT, host: sharedHost() });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? resolve(d.file.fileName) : undefined,
    text: ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => REPO, getNewLine: () => '\n' }),
  }));
}

let host: ts.CompilerHost | undefined;
function sharedHost(): ts.CompilerHost {
  if (host) return host;
  const base = ts.createCompilerHost(STRICT, true);
  const shared = new Map<string, ts.SourceFile | undefined>();
  const src = join(REPO, 'src') + sep;
  const isShared = (f: string) => f.includes(`${sep}node_modules${sep}`) || f.startsWith(src);
  host = {
    ...base,
    getSourceFile(fileName, languageVersion, onError, shouldCreate) {
      if (!isShared(fileName)) return base.getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (!shared.has(fileName)) shared.set(fileName, base.getSourceFile(fileName, languageVersion, onError, shouldCreate));
      return shared.get(fileName);
    },
  };
  return host;
}

/** The `.ts` files under `dir`, sorted; none when it does not exist. */
export function tsFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
    .sort();
}
