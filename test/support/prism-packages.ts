/**
 * Prism's packages, resolved from the location of `@stoplight/prism-cli` (the
 * declared devDependency, pinned exactly), so that the mock server and the
 * sampler keep working if npm stops hoisting Prism's own dependencies.
 */
import { createRequire } from 'node:module';

/** `require` as @stoplight/prism-http-server and as @stoplight/prism-http resolve modules. */
export function prismRequire(): { fromServer: NodeJS.Require; fromHttp: NodeJS.Require } {
  const fromHere = createRequire(import.meta.url);
  const fromCli = createRequire(fromHere.resolve('@stoplight/prism-cli/package.json'));
  const fromServer = createRequire(fromCli.resolve('@stoplight/prism-http-server/package.json'));
  const fromHttp = createRequire(fromServer.resolve('@stoplight/prism-http/package.json'));
  return { fromServer, fromHttp };
}
