/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: media-kinds
 * source: media-kinds.yaml
 * bundled spec sha256: 27d8cb2b66c42130f4e9293fdc4a524354e0b5b9ba5d1facdc89faaa528be35d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $testing from "../../../../src/testing.js";
import type * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export { FakeError, dropConnection } from "../../../../src/testing.js";
export type { FakeContext, FakeOptions, FakeReply } from "../../../../src/testing.js";

/** Each operation of "Media kinds" as the fake sees it: the wrapper's argument, and the responses the spec declares. */
export interface MediaKindsFakeOperations {
  /** `POST /upload` */
  upload: $testing.FakeOperation<$operations.UploadArgs, paths["/upload"]["post"]>;
  /** `POST /forms` */
  submitForm: $testing.FakeOperation<$operations.SubmitFormArgs, paths["/forms"]["post"]>;
  /** `GET /blobs/{name}` */
  getBlob: $testing.FakeOperation<$operations.GetBlobArgs, paths["/blobs/{name}"]["get"]>;
  /** `PUT /blobs/{name}` */
  putBlob: $testing.FakeOperation<$operations.PutBlobArgs, paths["/blobs/{name}"]["put"]>;
  /** `POST /notes` */
  createNote: $testing.FakeOperation<$operations.CreateNoteArgs, paths["/notes"]["post"]>;
  /** `PATCH /notes` */
  mergeNote: $testing.FakeOperation<$operations.MergeNoteArgs, paths["/notes"]["patch"]>;
  /** `POST /render` */
  render: $testing.FakeOperation<$operations.RenderArgs, paths["/render"]["post"]>;
  /** `GET /events` */
  streamEvents: $testing.FakeOperation<$operations.StreamEventsArgs, paths["/events"]["get"]>;
}

/** A fake of "Media kinds": `fetch` for the client, the calls it received (`calls.<wrapper>`), `use` to add handlers. */
export type MediaKindsFake = $testing.Fake<MediaKindsFakeOperations>;

/** Handlers by wrapper name: the wrapper's argument in, `{ status, body }` typed by the spec's response for that status out. */
export type MediaKindsFakeHandlers = $testing.FakeHandlers<MediaKindsFakeOperations>;

const routes: Readonly<Record<keyof MediaKindsFakeOperations, $testing.FakeRoute>> = {
  upload: { method: "POST", path: "/upload", kinds: { body: { "attachments": "string[]", "meta": "object", "count": "number", "public": "boolean", "labels": "string[]" } }, request: [["multipart/form-data", "multipart"]] },
  submitForm: { method: "POST", path: "/forms", kinds: { body: { "address": "object", "tags": "string[]", "colors": "string[]", "subscribed": "boolean" } }, delimited: { "tags": "," }, request: [["application/x-www-form-urlencoded", "form"]] },
  getBlob: { method: "GET", path: "/blobs/{name}", response: "blob" },
  putBlob: { method: "PUT", path: "/blobs/{name}", request: [["application/octet-stream", "binary"]] },
  createNote: { method: "POST", path: "/notes", kinds: { body: { "pinned": "boolean" } }, request: [["application/json", "json"], ["text/plain", "text"], ["application/x-www-form-urlencoded", "form"]] },
  mergeNote: { method: "PATCH", path: "/notes", request: [["application/merge-patch+json", "json"]] },
  render: { method: "POST", path: "/render", request: [["text/markdown", "text"]], response: "text" },
  streamEvents: { method: "GET", path: "/events", response: "stream" },
};

// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.
const examples: Readonly<Partial<Record<keyof MediaKindsFakeOperations, readonly [number, string?]>>> = {};

/**
 * A fake of "Media kinds" for tests, in-process: pass `fake.fetch` as the client's `fetch` option
 * (`createMediaKindsClient({ apiKey: "test", fetch: fake.fetch })`), or `fake.mswHandlers(http)` to MSW.
 * Each handler answers one operation: `createMediaKindsFake({ upload: (args) => ({ status: 200, body: … }) })`;
 * a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec's example answers where there is one).
 */
export function createMediaKindsFake(handlers: MediaKindsFakeHandlers = {}, options: $testing.FakeOptions = {}): MediaKindsFake {
  return $testing.createFake<MediaKindsFakeOperations>({ name: "Media kinds", factory: "createMediaKindsFake", routes, examples }, handlers, options);
}
