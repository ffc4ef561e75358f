// Consumer type-check cost (bench/run.mjs step 5): the same calls, once
// through our wrappers and once through bare openapi-fetch, each a file that a
// strict `tsc --noEmit` checks against the declarations (.d.ts) of one
// generated api, as the published package's consumers see it (its `exports`
// point at dist/**/*.d.ts, and `skipLibCheck` is on, as in `tsc --init`).
//
// Layout of a package folder `pkg` (made by run.mjs):
//   pkg/generated/<api>/*.ts   our output (the timed generate writes it)
//   pkg/src/*.ts               a copy of the runtime (`../../src/index.js` resolves)
//   pkg/node_modules           symlink to the repo's (openapi-fetch, typescript)
//   pkg/dts/**.d.ts            declarations emitted once from the two above (untimed)
//   pkg/consumer/wrappers.ts   (a) every wrapper called once
//   pkg/consumer/bare.ts       (b) the same operations through openapi-fetch
//   pkg/consumer/fake.ts       (c) (a), plus the api's fake with handlers for 10 operations (FAKED)
//   pkg/consumer/fake-all.ts   (d) (a), plus the api's fake with a handler for every operation
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const compilerOptions = {
  target: 'ES2022',
  lib: ['ES2023', 'DOM'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  skipLibCheck: true,
  types: [],
};

/** A fresh package folder: src/ copied from the repo, node_modules linked, an ESM package.json. */
export function preparePkg(pkg, repoRoot) {
  rmSync(pkg, { recursive: true, force: true });
  mkdirSync(pkg, { recursive: true });
  cpSync(join(repoRoot, 'src'), join(pkg, 'src'), { recursive: true });
  if (!existsSync(join(pkg, 'node_modules'))) symlinkSync(join(repoRoot, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  writeFileSync(join(pkg, 'package.json'), '{ "type": "module" }\n');
}

/**
 * A tsconfig for the generated sources of `api` (index.ts, testing.ts and what they import):
 * with `emit`, it writes their declarations to pkg/dts (and type-checks them on the way);
 * without, it is the strict `tsc --noEmit` check of the output. Returns its path.
 */
export function sourcesConfig(pkg, api, { emit }) {
  const path = join(pkg, emit ? 'tsconfig.emit.json' : 'tsconfig.check.json');
  const options = emit ? { declaration: true, emitDeclarationOnly: true, rootDir: '.', outDir: 'dts' } : { noEmit: true };
  writeFileSync(path, `${JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files: [`generated/${api}/index.ts`, `generated/${api}/testing.ts`] }, null, 2)}\n`);
  return path;
}

/** Operations a test file fakes in (c). */
export const FAKED = 10;

/** Writes the consumer files and a tsconfig for each; returns { wrappers, bare, fake, 'fake-all' } (tsconfig paths) and the operation count. */
export function writeConsumerFiles(pkg, api) {
  const manifest = JSON.parse(readFileSync(join(pkg, 'generated', api, 'manifest.json'), 'utf8'));
  const dir = join(pkg, 'consumer');
  mkdirSync(dir, { recursive: true });
  const ops = manifest.operations;
  const schema = `../dts/generated/${api}/schema.js`;

  // (a): `ops.<name>(client, args as Parameters<typeof ops.<name>>[1])`, then read `.data`.
  const a = [
    `// (a) every wrapper of ${api} (${ops.length} operations), called once.`,
    `import type { ApiClient } from '../dts/src/index.js';`,
    `import type { paths } from '${schema}';`,
    `import * as ops from '../dts/generated/${api}/operations.js';`,
    `declare const client: ApiClient<paths>;`,
    `declare const args: unknown;`,
    `export async function callAll(): Promise<unknown[]> {`,
    `  const out: unknown[] = [];`,
    ...ops.map((o) => `  out.push((await ops.${o.wrapper}(client, args as Parameters<typeof ops.${o.wrapper}>[1])).data);`),
    `  return out;`,
    `}`,
  ];
  // (b): `client.<METHOD>("<path>", init as MaybeOptionalInit<paths["<path>"], "<method>">)`, then read `.data`.
  const b = [
    `// (b) the same ${ops.length} operations through bare openapi-fetch.`,
    `import type { Client, MaybeOptionalInit } from 'openapi-fetch';`,
    `import type { paths } from '${schema}';`,
    `declare const client: Client<paths>;`,
    `declare const init: unknown;`,
    `export async function callAll(): Promise<unknown[]> {`,
    `  const out: unknown[] = [];`,
    ...ops.map((o) => {
      const path = JSON.stringify(o.path);
      const method = o.method.toLowerCase();
      return `  out.push((await client.${o.method.toUpperCase()}(${path}, init as MaybeOptionalInit<paths[${path}], ${JSON.stringify(method)}>)).data);`;
    }),
    `  return out;`,
    `}`,
  ];
  // (c) and (d): (a), and a test's fake of the same api, with a handler (its argument and reply types
  // resolved) and the recorded calls read for the first FAKED operations (a test stubs the calls its code
  // makes), or for every operation.
  const factory = `create${manifest.client.factory.replace(/^create|Client$/g, '')}Fake`;
  const withFake = (faked, label) => [
    ...a,
    `// ${label} and the fake of ${api}, with ${faked.length} handlers, as a consumer's test file has it.`,
    `import { ${factory}, dropConnection } from '../dts/generated/${api}/testing.js';`,
    `export const fake = ${factory}({`,
    ...faked.map((o) => `  ${o.wrapper}: (args) => (args === undefined ? dropConnection() : new Response(null, { status: 503 })),`),
    `});`,
    `export const recorded: number[] = [`,
    ...faked.map((o) => `  fake.calls.${o.wrapper}.length,`),
    `];`,
  ];
  const c = withFake(ops.slice(0, FAKED), '(c)');
  const d = withFake(ops, '(d)');
  writeFileSync(join(dir, 'wrappers.ts'), `${a.join('\n')}\n`);
  writeFileSync(join(dir, 'bare.ts'), `${b.join('\n')}\n`);
  writeFileSync(join(dir, 'fake.ts'), `${c.join('\n')}\n`);
  writeFileSync(join(dir, 'fake-all.ts'), `${d.join('\n')}\n`);
  const configs = {};
  for (const name of ['wrappers', 'bare', 'fake', 'fake-all']) {
    const path = join(dir, `tsconfig.${name}.json`);
    writeFileSync(path, `${JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true }, files: [`${name}.ts`] }, null, 2)}\n`);
    configs[name] = path;
  }
  return { ...configs, operationCount: ops.length };
}
