/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: media-kinds
 * source: media-kinds.yaml
 * bundled spec sha256: e608f4b057f279052f48d99ee66acc6c0d2e2abf17e027cef401e8a8d095b0e8
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { paths } from "./schema.js";

export type UploadArgs = $runtime.OperationArgs<paths["/upload"]["post"]>;
export type UploadResult = $runtime.OperationResult<paths["/upload"]["post"]>;

/**
 * Upload files
 *
 * multipart/form-data with a file, an array of files, a JSON part, a typed part and plain fields.
 *
 * `POST /upload`
 */
export function upload(client: $runtime.ApiClient<paths>, args: UploadArgs, options?: $runtime.CallOptions): Promise<UploadResult> {
  return $runtime.callOperation(client, "post", "/upload", [], args, options, { request: [{ type: "multipart/form-data", kind: "multipart", encoding: { "image": { contentType: "image/png" }, "meta": { contentType: "application/json" } } }] });
}

export type SubmitFormArgs = $runtime.OperationArgs<paths["/forms"]["post"]>;
export type SubmitFormResult = $runtime.OperationResult<paths["/forms"]["post"]>;

/**
 * Submit a form
 *
 * `POST /forms`
 */
export function submitForm(client: $runtime.ApiClient<paths>, args: SubmitFormArgs, options?: $runtime.CallOptions): Promise<SubmitFormResult> {
  return $runtime.callOperation(client, "post", "/forms", [], args, options, { request: [{ type: "application/x-www-form-urlencoded", kind: "form", encoding: { "address": { style: "deepObject", explode: true }, "tags": { style: "form", explode: false } } }] });
}

export type GetBlobArgs = $runtime.OperationArgs<paths["/blobs/{name}"]["get"]>;
export type GetBlobResult = $runtime.WithData<$runtime.OperationResult<paths["/blobs/{name}"]["get"]>, Blob>;

/**
 * Read raw bytes
 *
 * `GET /blobs/{name}`
 */
export function getBlob(client: $runtime.ApiClient<paths>, args: GetBlobArgs, options: $runtime.CallOptions & $runtime.AsStream): Promise<$runtime.WithData<$runtime.OperationResult<paths["/blobs/{name}"]["get"]>, ReadableStream<Uint8Array>>>;
/**
 * Read raw bytes
 *
 * `GET /blobs/{name}`
 */
export function getBlob(client: $runtime.ApiClient<paths>, args: GetBlobArgs, options?: $runtime.CallOptions): Promise<GetBlobResult>;
export function getBlob(client: $runtime.ApiClient<paths>, args: GetBlobArgs, options?: $runtime.CallOptions & Partial<$runtime.AsStream>): Promise<GetBlobResult | $runtime.WithData<$runtime.OperationResult<paths["/blobs/{name}"]["get"]>, ReadableStream<Uint8Array>>> {
  return $runtime.callOperation(client, "get", "/blobs/{name}", ["name"], args, options, { response: "blob" });
}

export type PutBlobArgs = $runtime.OperationArgs<paths["/blobs/{name}"]["put"]>;
export type PutBlobResult = $runtime.OperationResult<paths["/blobs/{name}"]["put"]>;

/**
 * Store raw bytes
 *
 * `PUT /blobs/{name}`
 */
export function putBlob(client: $runtime.ApiClient<paths>, args: PutBlobArgs, options?: $runtime.CallOptions): Promise<PutBlobResult> {
  return $runtime.callOperation(client, "put", "/blobs/{name}", ["name"], args, options, { request: [{ type: "application/octet-stream", kind: "binary" }] });
}

export type CreateNoteArgs = $runtime.WithBodyChoice<$runtime.OperationArgs<paths["/notes"]["post"]>, paths["/notes"]["post"], "application/json">;
export type CreateNoteResult = $runtime.OperationResult<paths["/notes"]["post"]>;

/**
 * Create a note
 *
 * JSON by default; also plain text or a form.
 *
 * `POST /notes`
 */
export function createNote(client: $runtime.ApiClient<paths>, args: CreateNoteArgs, options?: $runtime.CallOptions): Promise<CreateNoteResult> {
  return $runtime.callOperation(client, "post", "/notes", [], args, options, { request: [{ type: "application/json", kind: "json" }, { type: "text/plain", kind: "text" }, { type: "application/x-www-form-urlencoded", kind: "form" }] });
}

export type MergeNoteArgs = $runtime.OperationArgs<paths["/notes"]["patch"]>;
export type MergeNoteResult = $runtime.OperationResult<paths["/notes"]["patch"]>;

/**
 * Merge-patch a note
 *
 * `PATCH /notes`
 */
export function mergeNote(client: $runtime.ApiClient<paths>, args: MergeNoteArgs, options?: $runtime.CallOptions): Promise<MergeNoteResult> {
  return $runtime.callOperation(client, "patch", "/notes", [], args, options, { request: [{ type: "application/merge-patch+json", kind: "json" }] });
}

export type RenderArgs = $runtime.OperationArgs<paths["/render"]["post"]>;
export type RenderResult = $runtime.OperationResult<paths["/render"]["post"]>;

/**
 * Render markdown
 *
 * `POST /render`
 */
export function render(client: $runtime.ApiClient<paths>, args: RenderArgs, options?: $runtime.CallOptions): Promise<RenderResult> {
  return $runtime.callOperation(client, "post", "/render", [], args, options, { request: [{ type: "text/markdown", kind: "text" }], response: "text" });
}

export type StreamEventsArgs = $runtime.OperationArgs<paths["/events"]["get"]>;
export type StreamEventsResult = $runtime.WithData<$runtime.OperationResult<paths["/events"]["get"]>, ReadableStream<Uint8Array>>;

/**
 * Server-sent events
 *
 * `GET /events`
 */
export function streamEvents(client: $runtime.ApiClient<paths>, args: StreamEventsArgs = {}, options?: $runtime.CallOptions): Promise<StreamEventsResult> {
  return $runtime.callOperation(client, "get", "/events", [], args, options, { response: "stream" });
}
