/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: launchdarkly
 * source: specs/launchdarkly.yaml
 * bundled spec sha256: 53d7e484ebb78900488d69d720c1cca5aea30bd01c76b2ba7284db75b0dc9f88
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $testing from "../../src/testing.js";
import type * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export { FakeError, dropConnection } from "../../src/testing.js";
export type { FakeContext, FakeOptions, FakeReply } from "../../src/testing.js";

/** Each operation of "LaunchDarkly REST API" as the fake sees it: the wrapper's argument, and the responses the spec declares. */
export interface LaunchDarklyFakeOperations {
  /** `PATCH /api/v2/applications/{applicationKey}` */
  patchApplication: $testing.FakeOperation<$operations.PatchApplicationArgs, paths["/api/v2/applications/{applicationKey}"]["patch"]>;
}

/** A fake of "LaunchDarkly REST API": `fetch` for the client, the calls it received (`calls.<wrapper>`), `use` to add handlers. */
export type LaunchDarklyFake = $testing.Fake<LaunchDarklyFakeOperations>;

/** Handlers by wrapper name: the wrapper's argument in, `{ status, body }` typed by the spec's response for that status out. */
export type LaunchDarklyFakeHandlers = $testing.FakeHandlers<LaunchDarklyFakeOperations>;

const routes: Readonly<Record<keyof LaunchDarklyFakeOperations, $testing.FakeRoute>> = {
  patchApplication: { method: "PATCH", path: "/api/v2/applications/{applicationKey}" },
};

// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.
const examples: Readonly<Partial<Record<keyof LaunchDarklyFakeOperations, readonly [number, string?]>>> = {};

/**
 * A fake of "LaunchDarkly REST API" for tests, in-process: pass `fake.fetch` as the client's `fetch` option
 * (`createLaunchDarklyClient({ apiKey: "test", fetch: fake.fetch })`), or `fake.mswHandlers(http)` to MSW.
 * Each handler answers one operation: `createLaunchDarklyFake({ patchApplication: (args) => ({ status: 200, body: … }) })`;
 * a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec's example answers where there is one).
 */
export function createLaunchDarklyFake(handlers: LaunchDarklyFakeHandlers = {}, options: $testing.FakeOptions = {}): LaunchDarklyFake {
  return $testing.createFake<LaunchDarklyFakeOperations>({ name: "LaunchDarkly REST API", factory: "createLaunchDarklyFake", routes, examples }, handlers, options);
}
