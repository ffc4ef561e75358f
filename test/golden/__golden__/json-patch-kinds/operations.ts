/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: json-patch-kinds
 * source: json-patch-kinds.yaml
 * bundled spec sha256: 1b0d1eed5d597964ffdf4d13e2ad4e82073e2dd74f93044a96b126fa9008485d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { components, paths } from "./schema.js";

/** A client of "JSON Patch kinds" for the free functions (`createJsonPatchKindsApiClient`); a client of another api is not one. */
export interface JsonPatchKindsApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "JSON Patch kinds";
}

/** A pointer (RFC 6901) that `patchFlag` may change in `Flag`, what it returns (`${number}`: an array index, `${string}`: a map key). */
export type PatchFlagPatchPointer =
  | "/name"
  | "/description"
  | "/kind"
  | "/tags"
  | `/tags/${number}`
  | "/environments"
  | `/environments/${string}`
  | `/environments/${string}/on`
  | `/environments/${string}/rules`
  | `/environments/${string}/rules/${number}`
  | `/environments/${string}/rules/${number}/variation`
  | `/environments/${string}/rules/${number}/clause`
  | `/environments/${string}/rules/${number}/clause/attribute`
  | `/environments/${string}/rules/${number}/clause/clauses`
  | `/environments/${string}/rules/${number}/clause/clauses/${number}`
  | `/environments/${string}/rules/${number}/clause/clauses/${number}/${string}`
  | "/settings"
  | "/settings/a~1b"
  | "/settings/til~0de"
  | "/custom"
  | `/custom/${string}`;
/**
 * One operation (RFC 6902 §4) of a patch for `patchFlag`, checked against `Flag`, what it returns: `add`, `replace`, `remove`, `move` and `copy` on the pointers of `PatchFlagPatchPointer`,
 * `test` also on the fields that cannot be changed; `value` has the type at its pointer, `remove` takes none (and only where a value may be absent).
 * For a pointer the spec does not describe: `{ op, path: uncheckedPointer("/…"), value }`.
 */
export type PatchFlagPatchOperation =
  | { op: "test"; path: "/key"; value: components["schemas"]["Flag"]["key"] }
  | { op: "add" | "replace" | "test"; path: "/name"; value: components["schemas"]["Flag"]["name"] }
  | { op: "add" | "replace" | "test"; path: "/description"; value: Exclude<components["schemas"]["Flag"]["description"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/kind"; value: components["schemas"]["Flag"]["kind"] }
  | { op: "add" | "replace" | "test"; path: "/tags"; value: components["schemas"]["Flag"]["tags"] }
  | { op: "add" | "replace" | "test"; path: `/tags/${number}`; value: components["schemas"]["Flag"]["tags"][number] }
  | { op: "add"; path: "/tags/-"; value: components["schemas"]["Flag"]["tags"][number] }
  | { op: "add" | "replace" | "test"; path: "/environments"; value: Exclude<components["schemas"]["Flag"]["environments"], undefined> }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}`; value: components["schemas"]["FlagConfig"] }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/on`; value: components["schemas"]["FlagConfig"]["on"] }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules`; value: Exclude<components["schemas"]["FlagConfig"]["rules"], undefined> }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}`; value: components["schemas"]["Rule"] }
  | { op: "add"; path: `/environments/${string}/rules/-`; value: components["schemas"]["Rule"] }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}/variation`; value: components["schemas"]["Rule"]["variation"] }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}/clause`; value: components["schemas"]["Clause"] }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}/clause/attribute`; value: Exclude<components["schemas"]["Clause"]["attribute"], undefined> }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}/clause/clauses`; value: Exclude<components["schemas"]["Clause"]["clauses"], undefined> }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}/clause/clauses/${number}`; value: components["schemas"]["Clause"] }
  | { op: "add"; path: `/environments/${string}/rules/${number}/clause/clauses/-`; value: components["schemas"]["Clause"] }
  | { op: "add" | "replace" | "test"; path: `/environments/${string}/rules/${number}/clause/clauses/${number}/${string}`; value: unknown }
  | { op: "add" | "replace" | "test"; path: "/settings"; value: Exclude<components["schemas"]["Flag"]["settings"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/settings/a~1b"; value: Exclude<NonNullable<components["schemas"]["Flag"]["settings"]>["a/b"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/settings/til~0de"; value: Exclude<NonNullable<components["schemas"]["Flag"]["settings"]>["til~de"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/custom"; value: Exclude<components["schemas"]["Flag"]["custom"], undefined> }
  | { op: "add" | "replace" | "test"; path: `/custom/${string}`; value: unknown }
  | { op: "test"; path: "/_version"; value: components["schemas"]["Flag"]["_version"] }
  | { op: "test"; path: "/_links"; value: Exclude<components["schemas"]["Flag"]["_links"], undefined> }
  | { op: "remove"; path: 
    | "/description"
    | `/tags/${number}`
    | "/environments"
    | `/environments/${string}`
    | `/environments/${string}/rules`
    | `/environments/${string}/rules/${number}`
    | `/environments/${string}/rules/${number}/clause`
    | `/environments/${string}/rules/${number}/clause/attribute`
    | `/environments/${string}/rules/${number}/clause/clauses`
    | `/environments/${string}/rules/${number}/clause/clauses/${number}`
    | `/environments/${string}/rules/${number}/clause/clauses/${number}/${string}`
    | "/settings"
    | "/settings/a~1b"
    | "/settings/til~0de"
    | "/custom"
    | `/custom/${string}` }
  | { op: "move" | "copy"; from: PatchFlagPatchPointer; path: PatchFlagPatchPointer }
  | $runtime.UncheckedPatchOperation;
/** A JSON Patch document (RFC 6902) for `patchFlag`: its operations are applied in order to `Flag`. */
export type PatchFlagPatch = PatchFlagPatchOperation[];
/** The body of `patchFlag`: `PatchWithComment` with `patch` a `PatchFlagPatch`. */
export type PatchFlagBody = Omit<components["schemas"]["PatchWithComment"], "patch"> & { patch: PatchFlagPatch };

/** The argument of `patchFlag`: the path parameter `key`, `query`, `headers` and `body` as the spec declares them. */
export type PatchFlagArgs = $runtime.WithBody<$runtime.OperationArgs<paths["/flags/{key}"]["patch"]>, PatchFlagBody>;
/** What `patchFlag` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchFlagResult = $runtime.OperationResult<paths["/flags/{key}"]["patch"]>;
/**
 * Whether `error` is an `ApiError` thrown by `patchFlag` with a status its spec declares (400);
 * with a status, only that one. Then `error.body` has the declared type.
 */
export const isPatchFlagError: $runtime.OperationErrorGuard<paths["/flags/{key}"]["patch"]> = $runtime.operationErrorGuard("PATCH /flags/{key}", [400]);

/**
 * Update a flag (JSON Patch inside an object, with a comment)
 *
 * `PATCH /flags/{key}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchFlag(client: JsonPatchKindsApiClient, args: PatchFlagArgs, options?: $runtime.CallOptions): Promise<PatchFlagResult> {
  return $runtime.callOperation(client, "patch", "/flags/{key}", args, options);
}

/** The argument of `getWidget`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type GetWidgetArgs = $runtime.OperationArgs<paths["/widgets/{id}"]["get"]>;
/** What `getWidget` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type GetWidgetResult = $runtime.OperationResult<paths["/widgets/{id}"]["get"]>;

/**
 * Get a widget
 *
 * `GET /widgets/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function getWidget(client: JsonPatchKindsApiClient, args: GetWidgetArgs, options?: $runtime.CallOptions): Promise<GetWidgetResult> {
  return $runtime.callOperation(client, "get", "/widgets/{id}", args, options);
}

/** A pointer (RFC 6901) that `patchWidget` may change in `Widget`, what `GET /widgets/{id}` returns (`${number}`: an array index, `${string}`: a map key). */
export type PatchWidgetPatchPointer =
  | "/name"
  | "/size";
/**
 * One operation (RFC 6902 §4) of a patch for `patchWidget`, checked against `Widget`, what `GET /widgets/{id}` returns: `add`, `replace`, `remove`, `move` and `copy` on the pointers of `PatchWidgetPatchPointer`,
 * `test` also on the fields that cannot be changed; `value` has the type at its pointer, `remove` takes none (and only where a value may be absent).
 * For a pointer the spec does not describe: `{ op, path: uncheckedPointer("/…"), value }`.
 */
export type PatchWidgetPatchOperation =
  | { op: "test"; path: "/id"; value: components["schemas"]["Widget"]["id"] }
  | { op: "add" | "replace" | "test"; path: "/name"; value: components["schemas"]["Widget"]["name"] }
  | { op: "add" | "replace" | "test"; path: "/size"; value: Exclude<components["schemas"]["Widget"]["size"], undefined> }
  | { op: "test"; path: "/owner"; value: Exclude<components["schemas"]["Widget"]["owner"], undefined> }
  | { op: "remove"; path: "/size" }
  | { op: "move" | "copy"; from: PatchWidgetPatchPointer; path: PatchWidgetPatchPointer }
  | $runtime.UncheckedPatchOperation;
/** A JSON Patch document (RFC 6902) for `patchWidget`: its operations are applied in order to `Widget`. */
export type PatchWidgetPatch = PatchWidgetPatchOperation[];

/** The argument of `patchWidget`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type PatchWidgetArgs = $runtime.WithBody<$runtime.OperationArgs<paths["/widgets/{id}"]["patch"]>, PatchWidgetPatch>;
/** What `patchWidget` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchWidgetResult = $runtime.OperationResult<paths["/widgets/{id}"]["patch"]>;

/**
 * Update a widget (application/json-patch+json, no response body)
 *
 * `PATCH /widgets/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchWidget(client: JsonPatchKindsApiClient, args: PatchWidgetArgs, options?: $runtime.CallOptions): Promise<PatchWidgetResult> {
  return $runtime.callOperation(client, "patch", "/widgets/{id}", args, options, { request: [{ type: "application/json-patch+json", kind: "json" }] });
}

/** A pointer (RFC 6901) that `patchNote` may change in `Note` (x-codegen.jsonPatch) (`${number}`: an array index, `${string}`: a map key). */
export type PatchNotePatchPointer =
  | "/title"
  | "/tags"
  | `/tags/${number}`
  | `/sections/${number}/heading`;
/**
 * One operation (RFC 6902 §4) of a patch for `patchNote`, checked against `Note` (x-codegen.jsonPatch): `add`, `replace`, `remove`, `move` and `copy` on the pointers of `PatchNotePatchPointer`,
 * `test` also on the fields that cannot be changed; `value` has the type at its pointer, `remove` takes none (and only where a value may be absent).
 * For a pointer the spec does not describe: `{ op, path: uncheckedPointer("/…"), value }`.
 */
export type PatchNotePatchOperation =
  | { op: "add" | "replace" | "test"; path: "/title"; value: components["schemas"]["Note"]["title"] }
  | { op: "test"; path: "/body"; value: Exclude<components["schemas"]["Note"]["body"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/tags"; value: Exclude<components["schemas"]["Note"]["tags"], undefined> }
  | { op: "add" | "replace" | "test"; path: `/tags/${number}`; value: NonNullable<components["schemas"]["Note"]["tags"]>[number] }
  | { op: "add"; path: "/tags/-"; value: NonNullable<components["schemas"]["Note"]["tags"]>[number] }
  | { op: "test"; path: "/sections"; value: Exclude<components["schemas"]["Note"]["sections"], undefined> }
  | { op: "test"; path: `/sections/${number}`; value: NonNullable<components["schemas"]["Note"]["sections"]>[number] }
  | { op: "add" | "replace" | "test"; path: `/sections/${number}/heading`; value: Exclude<NonNullable<components["schemas"]["Note"]["sections"]>[number]["heading"], undefined> }
  | { op: "test"; path: `/sections/${number}/text`; value: Exclude<NonNullable<components["schemas"]["Note"]["sections"]>[number]["text"], undefined> }
  | { op: "remove"; path: 
    | "/tags"
    | `/tags/${number}`
    | `/sections/${number}/heading` }
  | { op: "move" | "copy"; from: PatchNotePatchPointer; path: PatchNotePatchPointer }
  | $runtime.UncheckedPatchOperation;
/** A JSON Patch document (RFC 6902) for `patchNote`: its operations are applied in order to `Note` (x-codegen.jsonPatch). */
export type PatchNotePatch = PatchNotePatchOperation[];

/** The argument of `patchNote`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type PatchNoteArgs = $runtime.WithBody<$runtime.OperationArgs<paths["/notes/{id}"]["patch"]>, PatchNotePatch>;
/** What `patchNote` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchNoteResult = $runtime.OperationResult<paths["/notes/{id}"]["patch"]>;

/**
 * Update a note (the pointers narrowed by x-codegen)
 *
 * `PATCH /notes/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchNote(client: JsonPatchKindsApiClient, args: PatchNoteArgs, options?: $runtime.CallOptions): Promise<PatchNoteResult> {
  return $runtime.callOperation(client, "patch", "/notes/{id}", args, options);
}

/** The argument of `updateThing`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type UpdateThingArgs = $runtime.OperationArgs<paths["/things/{id}"]["patch"]>;
/** What `updateThing` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type UpdateThingResult = $runtime.OperationResult<paths["/things/{id}"]["patch"]>;

/**
 * Update a thing (a partial object, not JSON Patch)
 *
 * `PATCH /things/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function updateThing(client: JsonPatchKindsApiClient, args: UpdateThingArgs, options?: $runtime.CallOptions): Promise<UpdateThingResult> {
  return $runtime.callOperation(client, "patch", "/things/{id}", args, options);
}

/** A pointer (RFC 6901) that `patchLabel` may change in the resource, what it returns (`${number}`: an array index, `${string}`: a map key). */
export type PatchLabelPatchPointer =
  | "/name"
  | "/color"
  | "/meta"
  | "/meta/owner";
/**
 * One operation (RFC 6902 §4) of a patch for `patchLabel`, checked against the resource, what it returns: `add`, `replace`, `remove`, `move` and `copy` on the pointers of `PatchLabelPatchPointer`,
 * `test` also on the fields that cannot be changed; `value` has the type at its pointer, `remove` takes none (and only where a value may be absent).
 * For a pointer the spec does not describe: `{ op, path: uncheckedPointer("/…"), value }`.
 */
export type PatchLabelPatchOperation =
  | { op: "add" | "replace" | "test"; path: "/name"; value: paths["/labels/{id}"]["patch"]["responses"][200]["content"]["application/json"]["name"] }
  | { op: "add" | "replace" | "test"; path: "/color"; value: Exclude<paths["/labels/{id}"]["patch"]["responses"][200]["content"]["application/json"]["color"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/meta"; value: Exclude<paths["/labels/{id}"]["patch"]["responses"][200]["content"]["application/json"]["meta"], undefined> }
  | { op: "add" | "replace" | "test"; path: "/meta/owner"; value: Exclude<NonNullable<paths["/labels/{id}"]["patch"]["responses"][200]["content"]["application/json"]["meta"]>["owner"], undefined> }
  | { op: "remove"; path: 
    | "/color"
    | "/meta"
    | "/meta/owner" }
  | { op: "move" | "copy"; from: PatchLabelPatchPointer; path: PatchLabelPatchPointer }
  | $runtime.UncheckedPatchOperation;
/** A JSON Patch document (RFC 6902) for `patchLabel`: its operations are applied in order to the resource. */
export type PatchLabelPatch = PatchLabelPatchOperation[];
/** The body of `patchLabel`: `body` with `operations` a `PatchLabelPatch`. */
export type PatchLabelBody = Omit<NonNullable<paths["/labels/{id}"]["patch"]["requestBody"]>["content"]["application/json"], "operations"> & { operations: PatchLabelPatch };

/** The argument of `patchLabel`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type PatchLabelArgs = $runtime.WithBody<$runtime.OperationArgs<paths["/labels/{id}"]["patch"]>, PatchLabelBody>;
/** What `patchLabel` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchLabelResult = $runtime.OperationResult<paths["/labels/{id}"]["patch"]>;

/**
 * Update a label (an inline body with the patch in it, an inline response)
 *
 * `PATCH /labels/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchLabel(client: JsonPatchKindsApiClient, args: PatchLabelArgs, options?: $runtime.CallOptions): Promise<PatchLabelResult> {
  return $runtime.callOperation(client, "patch", "/labels/{id}", args, options);
}

/** The argument of `patchOrphan`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type PatchOrphanArgs = $runtime.OperationArgs<paths["/orphans/{id}"]["patch"]>;
/** What `patchOrphan` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchOrphanResult = $runtime.OperationResult<paths["/orphans/{id}"]["patch"]>;

/**
 * Update an orphan (nothing says what it patches)
 *
 * `PATCH /orphans/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchOrphan(client: JsonPatchKindsApiClient, args: PatchOrphanArgs, options?: $runtime.CallOptions): Promise<PatchOrphanResult> {
  return $runtime.callOperation(client, "patch", "/orphans/{id}", args, options);
}
