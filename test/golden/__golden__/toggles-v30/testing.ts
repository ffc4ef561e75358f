/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: toggles-v30
 * source: toggles-v30.yaml
 * bundled spec sha256: 611a16a30ab824400a458b94b38981b8f7794adfeccbf2b06b9744de2d3caed9
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $testing from "../../../../src/testing.js";
import type * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export { FakeError, dropConnection } from "../../../../src/testing.js";
export type { FakeContext, FakeOptions, FakeReply } from "../../../../src/testing.js";

/** Each operation of "Toggles (boolean discriminator fixture, 3.0)" as the fake sees it: the wrapper's argument, and the responses the spec declares. */
export interface TogglesV30FakeOperations {
  /** `POST /toggles` */
  setToggle: $testing.FakeOperation<$operations.SetToggleArgs, paths["/toggles"]["post"]>;
}

/** A fake of "Toggles (boolean discriminator fixture, 3.0)": `fetch` for the client, the calls it received (`calls.<wrapper>`), `use` to add handlers. */
export type TogglesV30Fake = $testing.Fake<TogglesV30FakeOperations>;

/** Handlers by wrapper name: the wrapper's argument in, `{ status, body }` typed by the spec's response for that status out. */
export type TogglesV30FakeHandlers = $testing.FakeHandlers<TogglesV30FakeOperations>;

const routes: Readonly<Record<keyof TogglesV30FakeOperations, $testing.FakeRoute>> = {
  setToggle: { method: "POST", path: "/toggles" },
};

// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.
const examples: Readonly<Partial<Record<keyof TogglesV30FakeOperations, readonly [number, string?]>>> = {
  setToggle: [204],
};

/**
 * A fake of "Toggles (boolean discriminator fixture, 3.0)" for tests, in-process: pass `fake.fetch` as the client's `fetch` option
 * (`createTogglesV30Client({ apiKey: "test", fetch: fake.fetch })`), or `fake.mswHandlers(http)` to MSW.
 * Each handler answers one operation: `createTogglesV30Fake({ setToggle: (args) => ({ status: 200, body: … }) })`;
 * a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec's example answers where there is one).
 */
export function createTogglesV30Fake(handlers: TogglesV30FakeHandlers = {}, options: $testing.FakeOptions = {}): TogglesV30Fake {
  return $testing.createFake<TogglesV30FakeOperations>({ name: "Toggles (boolean discriminator fixture, 3.0)", factory: "createTogglesV30Fake", routes, examples }, handlers, options);
}
