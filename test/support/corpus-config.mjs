/**
 * The project's own redocly.yaml, pointed at the vendors' full public specs in
 * ../shared/corpus/ (not committed). Nothing else changes: same rules, plugin,
 * preprocessors, decorators and x-codegen settings, so the bench and the tests
 * run the full specs exactly as `npm run specs:pull && npm run generate` would.
 * Plain JavaScript, so that bench/run.mjs (plain Node) imports it too;
 * `node bench/corpus-config.mjs` prints the path of the derived config.
 *
 * The copy (comments dropped) is written to a temporary folder, with every
 * path in it (plugins, roots) made absolute.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = join(REPO, '../shared/corpus');

/** api in redocly.yaml → its full spec in the corpus folder. */
export const CORPUS_SPECS = {
  'scale-gp': 'scale-gp.full.openapi.json',
  launchdarkly: 'launchdarkly.full.openapi.json',
};

/**
 * Writes `<dir>/redocly.yaml`: `config` (default: the repo's redocly.yaml) with
 * each api's `root` replaced by `roots[api]` and relative paths made absolute.
 * Apis without an entry in `roots` keep their (absolute) root. Returns the path.
 */
export function writeConfigWithRoots(
  /** @type {Record<string, string>} */ roots,
  /** @type {string} */ dir,
  config = join(REPO, 'redocly.yaml'),
) {
  /** @type {{ plugins?: string[], apis: Record<string, { root: string }> }} */
  const parsed = parse(readFileSync(config, 'utf8'));
  const absolute = (/** @type {string} */ p) => (isAbsolute(p) ? p : resolve(dirname(config), p));
  if (parsed.plugins) parsed.plugins = parsed.plugins.map(absolute);
  for (const [api, entry] of Object.entries(parsed.apis)) entry.root = absolute(roots[api] ?? entry.root);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'redocly.yaml');
  writeFileSync(out, stringify(parsed));
  return out;
}

/** The repo's redocly.yaml with every api's root pointed at its full spec in `corpus`. */
export function corpusConfig(dir = defaultDir(), corpus = CORPUS) {
  const roots = Object.fromEntries(Object.entries(CORPUS_SPECS).map(([api, file]) => [api, join(corpus, file)]));
  return writeConfigWithRoots(roots, dir);
}

/** One folder per checkout: its plugin path is in the copy. */
function defaultDir() {
  return join(tmpdir(), `vendor-api-clients-corpus-${createHash('sha256').update(REPO).digest('hex').slice(0, 12)}`);
}
