/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: json-patch-kinds
 * source: json-patch-kinds.yaml
 * bundled spec sha256: 1b0d1eed5d597964ffdf4d13e2ad4e82073e2dd74f93044a96b126fa9008485d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $testing from "../../../../src/testing.js";
import type * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export { FakeError, dropConnection } from "../../../../src/testing.js";
export type { FakeContext, FakeOptions, FakeReply } from "../../../../src/testing.js";

/** Each operation of "JSON Patch kinds" as the fake sees it: the wrapper's argument, and the responses the spec declares. */
export interface JsonPatchKindsFakeOperations {
  /** `PATCH /flags/{key}` */
  patchFlag: $testing.FakeOperation<$operations.PatchFlagArgs, paths["/flags/{key}"]["patch"]>;
  /** `GET /widgets/{id}` */
  getWidget: $testing.FakeOperation<$operations.GetWidgetArgs, paths["/widgets/{id}"]["get"]>;
  /** `PATCH /widgets/{id}` */
  patchWidget: $testing.FakeOperation<$operations.PatchWidgetArgs, paths["/widgets/{id}"]["patch"]>;
  /** `PATCH /notes/{id}` */
  patchNote: $testing.FakeOperation<$operations.PatchNoteArgs, paths["/notes/{id}"]["patch"]>;
  /** `PATCH /things/{id}` */
  updateThing: $testing.FakeOperation<$operations.UpdateThingArgs, paths["/things/{id}"]["patch"]>;
  /** `PATCH /labels/{id}` */
  patchLabel: $testing.FakeOperation<$operations.PatchLabelArgs, paths["/labels/{id}"]["patch"]>;
  /** `PATCH /orphans/{id}` */
  patchOrphan: $testing.FakeOperation<$operations.PatchOrphanArgs, paths["/orphans/{id}"]["patch"]>;
}

/** A fake of "JSON Patch kinds": `fetch` for the client, the calls it received (`calls.<wrapper>`), `use` to add handlers. */
export type JsonPatchKindsFake = $testing.Fake<JsonPatchKindsFakeOperations>;

/** Handlers by wrapper name: the wrapper's argument in, `{ status, body }` typed by the spec's response for that status out. */
export type JsonPatchKindsFakeHandlers = $testing.FakeHandlers<JsonPatchKindsFakeOperations>;

const routes: Readonly<Record<keyof JsonPatchKindsFakeOperations, $testing.FakeRoute>> = {
  patchFlag: { method: "PATCH", path: "/flags/{key}" },
  getWidget: { method: "GET", path: "/widgets/{id}" },
  patchWidget: { method: "PATCH", path: "/widgets/{id}", request: [["application/json-patch+json", "json"]] },
  patchNote: { method: "PATCH", path: "/notes/{id}" },
  updateThing: { method: "PATCH", path: "/things/{id}" },
  patchLabel: { method: "PATCH", path: "/labels/{id}" },
  patchOrphan: { method: "PATCH", path: "/orphans/{id}" },
};

// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.
const examples: Readonly<Partial<Record<keyof JsonPatchKindsFakeOperations, readonly [number, string?]>>> = {
  patchWidget: [204],
  patchNote: [200, "{}"],
  patchOrphan: [204],
};

/**
 * A fake of "JSON Patch kinds" for tests, in-process: pass `fake.fetch` as the client's `fetch` option
 * (`createJsonPatchKindsClient({ apiKey: "test", fetch: fake.fetch })`), or `fake.mswHandlers(http)` to MSW.
 * Each handler answers one operation: `createJsonPatchKindsFake({ patchFlag: (args) => ({ status: 200, body: … }) })`;
 * a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec's example answers where there is one).
 */
export function createJsonPatchKindsFake(handlers: JsonPatchKindsFakeHandlers = {}, options: $testing.FakeOptions = {}): JsonPatchKindsFake {
  return $testing.createFake<JsonPatchKindsFakeOperations>({ name: "JSON Patch kinds", factory: "createJsonPatchKindsFake", routes, examples }, handlers, options);
}
