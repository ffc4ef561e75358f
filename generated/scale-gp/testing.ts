/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: scale-gp
 * source: specs/scale-gp.yaml
 * bundled spec sha256: 944e018ce98d141f96a2946aeffc51da5d8c96e00aec27aa59ff6af017ad4ede
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $testing from "../../src/testing.js";
import type * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export { FakeError, dropConnection } from "../../src/testing.js";
export type { FakeContext, FakeOptions, FakeReply } from "../../src/testing.js";

/** Each operation of "EGP API V4" as the fake sees it: the wrapper's argument, and the responses the spec declares. */
export interface ScaleGpFakeOperations {
  /** `PATCH /v4/application-specs/{application_spec_id}` */
  updateApplicationSpec: $testing.FakeOperation<$operations.UpdateApplicationSpecArgs, paths["/v4/application-specs/{application_spec_id}"]["patch"]>;
}

/** A fake of "EGP API V4": `fetch` for the client, the calls it received (`calls.<wrapper>`), `use` to add handlers. */
export type ScaleGpFake = $testing.Fake<ScaleGpFakeOperations>;

/** Handlers by wrapper name: the wrapper's argument in, `{ status, body }` typed by the spec's response for that status out. */
export type ScaleGpFakeHandlers = $testing.FakeHandlers<ScaleGpFakeOperations>;

const routes: Readonly<Record<keyof ScaleGpFakeOperations, $testing.FakeRoute>> = {
  updateApplicationSpec: { method: "PATCH", path: "/v4/application-specs/{application_spec_id}" },
};

// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.
const examples: Readonly<Partial<Record<keyof ScaleGpFakeOperations, readonly [number, string?]>>> = {};

/**
 * A fake of "EGP API V4" for tests, in-process: pass `fake.fetch` as the client's `fetch` option
 * (`createScaleGpClient({ apiKey: "test", fetch: fake.fetch })`), or `fake.mswHandlers(http)` to MSW.
 * Each handler answers one operation: `createScaleGpFake({ updateApplicationSpec: (args) => ({ status: 200, body: … }) })`;
 * a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec's example answers where there is one).
 */
export function createScaleGpFake(handlers: ScaleGpFakeHandlers = {}, options: $testing.FakeOptions = {}): ScaleGpFake {
  return $testing.createFake<ScaleGpFakeOperations>({ name: "EGP API V4", factory: "createScaleGpFake", routes, examples }, handlers, options);
}
