import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO } from './run-cli.js';

/** A ```ts block of README.md or docs/*.md. */
export interface DocBlock {
  /** `README.md`, `docs/generating.md`, … */
  file: string;
  /** Line of the opening fence (1-based). */
  line: number;
  /** The words after `ts` on the fence: `example`, `full-spec`, or none. */
  tags: string[];
  code: string;
}

/** The Markdown files whose ```ts blocks are checked: README.md and every docs/*.md. */
export function docFiles(): string[] {
  const docs = readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/**
 * Every fenced ```ts block (a fence at the start of a line, `ts` then optional
 * tags) of README.md and docs/*.md, in file order. Blocks in other languages
 * (```text, ```sh, ```yaml) are not code to check.
 */
export function docBlocks(): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const file of docFiles()) {
    const text = readFileSync(join(REPO, file), 'utf8');
    for (const m of text.matchAll(/^```ts([^\S\n][^\n]*)?\n([\s\S]*?)^```[^\S\n]*$/gm)) {
      blocks.push({
        file,
        line: text.slice(0, m.index).split('\n').length,
        tags: (m[1] ?? '').trim().split(/\s+/).filter(Boolean),
        code: m[2]!,
      });
    }
  }
  return blocks;
}

/**
 * Type-checks the ```ts blocks of README.md and docs/*.md under --strict
 * against the package's subpaths in `root` (a checkout: its generated/ and
 * src/), as a consumer imports them, together with `extraFiles` (more type
 * tests on the same program: one compile). Blocks tagged `full-spec` need the
 * client generated from the vendors' full specs: they are checked only when
 * `fullSpec` is set (test/flow/pull-generate.test.ts). Returns the blocks
 * checked and the diagnostics, each prefixed with the block's file and line.
 */
export function readmeExampleDiagnostics(
  root = REPO,
  extraFiles: string[] = [],
  { fullSpec = false }: { fullSpec?: boolean } = {},
): { blocks: number; diagnostics: string[] } {
  const blocks = docBlocks().filter((b) => fullSpec || !b.tags.includes('full-spec'));
  const dir = join(root, 'test/.tmp/doc-blocks');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const origin = new Map<string, DocBlock>();
  const files = blocks.map((block, i) => {
    const file = join(dir, `${block.file.replace(/[/.]/g, '-')}-${i}.ts`);
    writeFileSync(file, `${block.code}\nexport {};\n`);
    origin.set(file, block);
    return file;
  });
  const program = ts.createProgram([...files, ...extraFiles], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(REPO, 'node_modules/@types')],
    // The package's subpaths, as consumers import them.
    baseUrl: root,
    paths: {
      'vendor-api-clients/scale-gp': ['generated/scale-gp/index.ts'],
      'vendor-api-clients/scale-gp/testing': ['generated/scale-gp/testing.ts'],
      'vendor-api-clients/launchdarkly': ['generated/launchdarkly/index.ts'],
      'vendor-api-clients/launchdarkly/testing': ['generated/launchdarkly/testing.ts'],
      'vendor-api-clients/runtime': ['src/index.ts'],
    },
    allowImportingTsExtensions: false,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const block = d.file ? origin.get(d.file.fileName) : undefined;
    if (!block || d.start === undefined) return message;
    // The block's first code line is the line after its fence.
    const line = block.line + 1 + d.file!.getLineAndCharacterOfPosition(d.start).line;
    return `${block.file}:${line}: ${message}`;
  });
  return { blocks: blocks.length, diagnostics };
}
