/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: media-kinds
 * source: media-kinds.yaml
 * bundled spec sha256: 27d8cb2b66c42130f4e9293fdc4a524354e0b5b9ba5d1facdc89faaa528be35d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { paths } from "./schema.js";

/** A client of "Media kinds" for the free functions (`createMediaKindsApiClient`); a client of another api is not one. */
export interface MediaKindsApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "Media kinds";
}

/** The argument of `upload`: `query`, `headers` and `body` as the spec declares them. */
export type UploadArgs = $runtime.OperationArgs<paths["/upload"]["post"]>;
/** What `upload` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type UploadResult = $runtime.OperationResult<paths["/upload"]["post"]>;

/**
 * Upload files
 *
 * multipart/form-data with a file, an array of files, a JSON part, a typed part and plain fields.
 *
 * `POST /upload`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function upload(client: MediaKindsApiClient, args: UploadArgs, options?: $runtime.CallOptions): Promise<UploadResult> {
  return $runtime.callOperation(client, "post", "/upload", args, options, { request: [{ type: "multipart/form-data", kind: "multipart", encoding: { "image": { contentType: "image/png" }, "meta": { contentType: "application/json" } } }] });
}

/** The argument of `submitForm`: `query`, `headers` and `body` as the spec declares them. */
export type SubmitFormArgs = $runtime.OperationArgs<paths["/forms"]["post"]>;
/** What `submitForm` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type SubmitFormResult = $runtime.OperationResult<paths["/forms"]["post"]>;

/**
 * Submit a form
 *
 * `POST /forms`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function submitForm(client: MediaKindsApiClient, args: SubmitFormArgs, options?: $runtime.CallOptions): Promise<SubmitFormResult> {
  return $runtime.callOperation(client, "post", "/forms", args, options, { request: [{ type: "application/x-www-form-urlencoded", kind: "form", encoding: { "address": { style: "deepObject", explode: true }, "tags": { style: "form", explode: false } } }] });
}

/** The argument of `getBlob`: the path parameter `name`, `query`, `headers` and `body` as the spec declares them. */
export type GetBlobArgs = $runtime.OperationArgs<paths["/blobs/{name}"]["get"]>;
/** What `getBlob` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type GetBlobResult = $runtime.WithData<$runtime.OperationResult<paths["/blobs/{name}"]["get"]>, Blob>;
/**
 * Whether `error` is an `ApiError` thrown by `getBlob` with a status its spec declares (404);
 * with a status, only that one. Then `error.body` has the declared type.
 */
export const isGetBlobError: $runtime.OperationErrorGuard<paths["/blobs/{name}"]["get"]> = $runtime.operationErrorGuard("GET /blobs/{name}", [404]);

/**
 * Read raw bytes
 *
 * `GET /blobs/{name}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function getBlob(client: MediaKindsApiClient, args: GetBlobArgs, options: $runtime.CallOptions & $runtime.AsStream): Promise<$runtime.WithData<$runtime.OperationResult<paths["/blobs/{name}"]["get"]>, ReadableStream<Uint8Array>>>;
/**
 * Read raw bytes
 *
 * `GET /blobs/{name}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function getBlob(client: MediaKindsApiClient, args: GetBlobArgs, options?: $runtime.CallOptions): Promise<GetBlobResult>;
export function getBlob(client: MediaKindsApiClient, args: GetBlobArgs, options?: $runtime.CallOptions & Partial<$runtime.AsStream>): Promise<GetBlobResult | $runtime.WithData<$runtime.OperationResult<paths["/blobs/{name}"]["get"]>, ReadableStream<Uint8Array>>> {
  return $runtime.callOperation(client, "get", "/blobs/{name}", args, options, { response: "blob" });
}

/** The argument of `putBlob`: the path parameter `name`, `query`, `headers` and `body` as the spec declares them. */
export type PutBlobArgs = $runtime.OperationArgs<paths["/blobs/{name}"]["put"]>;
/** What `putBlob` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PutBlobResult = $runtime.OperationResult<paths["/blobs/{name}"]["put"]>;

/**
 * Store raw bytes
 *
 * `PUT /blobs/{name}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function putBlob(client: MediaKindsApiClient, args: PutBlobArgs, options?: $runtime.CallOptions): Promise<PutBlobResult> {
  return $runtime.callOperation(client, "put", "/blobs/{name}", args, options, { request: [{ type: "application/octet-stream", kind: "binary" }] });
}

/** The argument of `createNote`: `query`, `headers` and `body` as the spec declares them. */
export type CreateNoteArgs = $runtime.WithBodyChoice<$runtime.OperationArgs<paths["/notes"]["post"]>, paths["/notes"]["post"], "application/json">;
/** What `createNote` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type CreateNoteResult = $runtime.OperationResult<paths["/notes"]["post"]>;

/**
 * Create a note
 *
 * JSON by default; also plain text or a form.
 *
 * `POST /notes`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function createNote(client: MediaKindsApiClient, args: CreateNoteArgs, options?: $runtime.CallOptions): Promise<CreateNoteResult> {
  return $runtime.callOperation(client, "post", "/notes", args, options, { request: [{ type: "application/json", kind: "json" }, { type: "text/plain", kind: "text" }, { type: "application/x-www-form-urlencoded", kind: "form" }] });
}

/** The argument of `mergeNote`: `query`, `headers` and `body` as the spec declares them. */
export type MergeNoteArgs = $runtime.OperationArgs<paths["/notes"]["patch"]>;
/** What `mergeNote` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type MergeNoteResult = $runtime.OperationResult<paths["/notes"]["patch"]>;

/**
 * Merge-patch a note
 *
 * `PATCH /notes`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function mergeNote(client: MediaKindsApiClient, args: MergeNoteArgs, options?: $runtime.CallOptions): Promise<MergeNoteResult> {
  return $runtime.callOperation(client, "patch", "/notes", args, options, { request: [{ type: "application/merge-patch+json", kind: "json" }] });
}

/** The argument of `render`: `query`, `headers` and `body` as the spec declares them. */
export type RenderArgs = $runtime.OperationArgs<paths["/render"]["post"]>;
/** What `render` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type RenderResult = $runtime.OperationResult<paths["/render"]["post"]>;

/**
 * Render markdown
 *
 * `POST /render`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function render(client: MediaKindsApiClient, args: RenderArgs, options?: $runtime.CallOptions): Promise<RenderResult> {
  return $runtime.callOperation(client, "post", "/render", args, options, { request: [{ type: "text/markdown", kind: "text" }], response: "text" });
}

/** The argument of `streamEvents`: `query`, `headers` and `body` as the spec declares them. */
export type StreamEventsArgs = $runtime.OperationArgs<paths["/events"]["get"]>;
/** What `streamEvents` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type StreamEventsResult = $runtime.WithData<$runtime.OperationResult<paths["/events"]["get"]>, ReadableStream<Uint8Array>>;

/**
 * Server-sent events
 *
 * `GET /events`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function streamEvents(client: MediaKindsApiClient, args: StreamEventsArgs = {}, options?: $runtime.CallOptions): Promise<StreamEventsResult> {
  return $runtime.callOperation(client, "get", "/events", args, options, { response: "stream" });
}
