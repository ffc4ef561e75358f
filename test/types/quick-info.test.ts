/**
 * What a user sees in the editor, reviewed in PRs: the TypeScript language
 * service's quick info (hover) and signature help at the marked positions of
 * a consumer file (test/fixtures/quick-info/consumer.ts.txt), and the
 * compiler's message for its one deliberate error, as a snapshot. Imports go
 * to the package's subpaths as a consumer writes them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

const FILE = join(REPO, 'test/.tmp/quick-info-consumer.ts');
const source = readFileSync(join(REPO, 'test/fixtures/quick-info/consumer.ts.txt'), 'utf8');
// What completion offers while a patch is typed (a file of its own: half-typed code does not compile).
const TYPING = join(REPO, 'test/.tmp/quick-info-typing.ts');
const typing = [
  `import { createLaunchDarklyClient } from 'vendor-api-clients/launchdarkly';`,
  `const ld = createLaunchDarklyClient({ apiKey: 'k' });`,
  `void ld.patchApplication({ applicationKey: 'a', body: [{ op: 'replace', path: '' }] });`,
  `void ld.patchApplication({ applicationKey: 'a', body: [{ op: 'test', path: '' }] });`,
  `void ld.patchApplication({ applicationKey: 'a', body: [{ op: 'replace', path: '/kind', value: '' }] });`,
].join('\n');
const sources = new Map([
  [FILE, source],
  [TYPING, typing],
]);

const options: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  skipLibCheck: true,
  types: [],
  baseUrl: REPO,
  paths: {
    'vendor-api-clients/scale-gp': ['test/fixtures/seed/generated/scale-gp/index.ts'],
    'vendor-api-clients/launchdarkly': ['test/fixtures/seed/generated/launchdarkly/index.ts'],
  },
};

const host: ts.LanguageServiceHost = {
  getCompilationSettings: () => options,
  getScriptFileNames: () => [...sources.keys()],
  getScriptVersion: () => '1',
  getScriptSnapshot: (name) => {
    const text = sources.get(name) ?? ts.sys.readFile(name);
    return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
  },
  getCurrentDirectory: () => REPO,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: (name) => sources.has(name) || ts.sys.fileExists(name),
  readFile: (name) => sources.get(name) ?? ts.sys.readFile(name),
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

/** Marker name → the position right after `/*name*\/`. */
const markers = new Map([...source.matchAll(/\/\*([a-z0-9-]+)\*\//g)].map((m) => [m[1]!, m.index! + m[0].length]));
const text = (parts: ts.SymbolDisplayPart[] | undefined) => ts.displayPartsToString(parts);

function quickInfo(marker: string): { type: string; docs: string } {
  const info = service.getQuickInfoAtPosition(FILE, markers.get(marker)!);
  return { type: text(info?.displayParts), docs: text(info?.documentation) };
}

function signatureHelp(marker: string): { signature: string; docs: string } {
  const help = service.getSignatureHelpItems(FILE, markers.get(marker)!, undefined);
  const item = help?.items[help.selectedItemIndex];
  const signature = item ? text([...item.prefixDisplayParts, ...item.parameters.flatMap((p, i) => [...(i ? item.separatorDisplayParts : []), ...p.displayParts]), ...item.suffixDisplayParts]) : '';
  return { signature, docs: text(item?.documentation) };
}

const VENDOR_KEY = /egp_api_backend|__server__|components\["schemas"\]/;

describe('language service', () => {
  it('quick info of `data` names the schema, briefly, without vendor-internal keys', () => {
    for (const marker of ['sgp-data', 'ld-data']) {
      const { type } = quickInfo(marker);
      expect(type.length, `${marker}: ${type}`).toBeLessThanOrEqual(300);
      expect(type).not.toMatch(VENDOR_KEY);
    }
    expect(quickInfo('sgp-data').type).toContain('ApplicationSpecResponse');
    expect(quickInfo('ld-data').type).toContain('ApplicationRep');
  });

  it('a JSON Patch body reads as its named type; completion lists the pointers and values', () => {
    const body = quickInfo('ld-patch-body').type;
    expect(body).toBe('(property) body?: PatchApplicationPatch');
    for (const marker of ['ld-patch-op', 'ld-patch-value']) expect(quickInfo(marker).type.length).toBeLessThanOrEqual(300);
    // At each `''` of the half-typed file, in order: the pointers a replace may change (redocly.yaml:
    // LaunchDarkly's description and kind), every pointer a test may read, the values of kind.
    const offered = [...typing.matchAll(/''/g)].map((m) =>
      service
        .getCompletionsAtPosition(TYPING, m.index + 1, {})
        ?.entries.map((e) => e.name)
        .sort(),
    );
    expect(offered[0]).toEqual(['/description', '/kind']);
    expect(offered[1]).toEqual(expect.arrayContaining(['/_version', '/autoAdded', '/description', '/flags', '/key', '/kind', '/name']));
    expect(offered[2]).toEqual(['browser', 'mobile', 'server']);
  });

  it('bound methods and free functions carry the operation docs in signature help', () => {
    for (const marker of ['sgp-signature', 'sgp-free-signature']) expect(signatureHelp(marker).docs).toContain('Update Application Spec');
  });

  it('the wrong vendor client error reads in our own names', () => {
    const diagnostics = service.getSemanticDiagnostics(FILE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).not.toContain('import(');
    expect(diagnostics[0]).toContain('ScaleGpApiClient');
  });

  it('matches the snapshot of everything the markers show', async () => {
    const lines = ['# What the editor shows (test/fixtures/quick-info/consumer.ts.txt)', ''];
    for (const marker of markers.keys()) {
      if (marker === 'wrong-vendor') continue;
      const shown = marker.endsWith('signature') ? signatureHelp(marker) : quickInfo(marker);
      const main = 'signature' in shown ? shown.signature : shown.type;
      lines.push(`## ${marker}`, '', '```ts', main, '```', '', ...(shown.docs ? [shown.docs, ''] : []));
    }
    lines.push('## wrong-vendor (compiler error)', '', '```', ...service.getSemanticDiagnostics(FILE).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), '```', '');
    await expect(lines.join('\n')).toMatchFileSnapshot('./__snapshots__/quick-info.md');
  });
});
