/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: launchdarkly
 * source: specs/launchdarkly.yaml
 * bundled spec sha256: 53d7e484ebb78900488d69d720c1cca5aea30bd01c76b2ba7284db75b0dc9f88
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import type { components, paths } from "./schema.js";

/** A client of "LaunchDarkly REST API" for the free functions (`createLaunchDarklyApiClient`); a client of another api is not one. */
export interface LaunchDarklyApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "LaunchDarkly REST API";
}

/** A pointer (RFC 6901) that `patchApplication` may change in `ApplicationRep`, what it returns (`${number}`: an array index, `${string}`: a map key). */
export type PatchApplicationPatchPointer =
  | "/description"
  | "/kind";
/**
 * One operation (RFC 6902 §4) of a patch for `patchApplication`, checked against `ApplicationRep`, what it returns: `add`, `replace`, `remove`, `move` and `copy` on the pointers of `PatchApplicationPatchPointer`,
 * `test` also on the fields that cannot be changed; `value` has the type at its pointer, `remove` takes none (and only where a value may be absent).
 * For a pointer the spec does not describe: `{ op, path: uncheckedPointer("/…"), value }`.
 */
export type PatchApplicationPatchOperation =
  | { op: "test"; path: "/flags"; value: components["schemas"]["ApplicationFlagCollectionRep"] }
  | { op: "test"; path: "/flags/items"; value: Exclude<components["schemas"]["ApplicationFlagCollectionRep"]["items"], undefined> }
  | { op: "test"; path: `/flags/items/${number}`; value: components["schemas"]["FlagListingRep"] }
  | { op: "test"; path: `/flags/items/${number}/name`; value: components["schemas"]["FlagListingRep"]["name"] }
  | { op: "test"; path: `/flags/items/${number}/key`; value: components["schemas"]["FlagListingRep"]["key"] }
  | { op: "test"; path: `/flags/items/${number}/_links`; value: Exclude<components["schemas"]["FlagListingRep"]["_links"], undefined> }
  | { op: "test"; path: `/flags/items/${number}/_site`; value: components["schemas"]["Link"] }
  | { op: "test"; path: "/flags/totalCount"; value: Exclude<components["schemas"]["ApplicationFlagCollectionRep"]["totalCount"], undefined> }
  | { op: "test"; path: "/flags/_links"; value: Exclude<components["schemas"]["ApplicationFlagCollectionRep"]["_links"], undefined> }
  | { op: "test"; path: "/_access"; value: components["schemas"]["Access"] }
  | { op: "test"; path: "/_links"; value: Exclude<components["schemas"]["ApplicationRep"]["_links"], undefined> }
  | { op: "test"; path: "/_version"; value: Exclude<components["schemas"]["ApplicationRep"]["_version"], undefined> }
  | { op: "test"; path: "/autoAdded"; value: components["schemas"]["ApplicationRep"]["autoAdded"] }
  | { op: "test"; path: "/creationDate"; value: components["schemas"]["UnixMillis"] }
  | { op: "add" | "replace" | "test"; path: "/description"; value: Exclude<components["schemas"]["ApplicationRep"]["description"], undefined> }
  | { op: "test"; path: "/key"; value: components["schemas"]["ApplicationRep"]["key"] }
  | { op: "add" | "replace" | "test"; path: "/kind"; value: components["schemas"]["ApplicationRepKind"] }
  | { op: "test"; path: "/_maintainer"; value: components["schemas"]["MaintainerRep"] }
  | { op: "test"; path: "/name"; value: components["schemas"]["ApplicationRep"]["name"] }
  | { op: "remove"; path: "/description" }
  | { op: "move" | "copy"; from: PatchApplicationPatchPointer; path: PatchApplicationPatchPointer }
  | $runtime.UncheckedPatchOperation;
/** A JSON Patch document (RFC 6902) for `patchApplication`: its operations are applied in order to `ApplicationRep`. */
export type PatchApplicationPatch = PatchApplicationPatchOperation[];

/** The argument of `patchApplication`: the path parameter `applicationKey`, `query`, `headers` and `body` as the spec declares them. */
export type PatchApplicationArgs = $runtime.WithBody<$runtime.OperationArgs<paths["/api/v2/applications/{applicationKey}"]["patch"]>, PatchApplicationPatch>;
/** What `patchApplication` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchApplicationResult = $runtime.OperationResult<paths["/api/v2/applications/{applicationKey}"]["patch"]>;
/**
 * Whether `error` is an `ApiError` thrown by `patchApplication` with a status its spec declares (400, 401, 403, 404, 429);
 * with a status, only that one. Then `error.body` has the declared type.
 */
export const isPatchApplicationError: $runtime.OperationErrorGuard<paths["/api/v2/applications/{applicationKey}"]["patch"]> = $runtime.operationErrorGuard("PATCH /api/v2/applications/{applicationKey}", [400, 401, 403, 404, 429]);

/**
 * Update application
 *
 * Update an application. You can update the `description` and `kind` fields. Requires a [JSON patch](https://datatracker.ietf.org/doc/html/rfc6902) representation of the desired changes to the application. To learn more, read [Updates](https://launchdarkly.com/docs/api#updates).
 *
 * `PATCH /api/v2/applications/{applicationKey}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchApplication(client: LaunchDarklyApiClient, args: PatchApplicationArgs, options?: $runtime.CallOptions): Promise<PatchApplicationResult> {
  return $runtime.callOperation(client, "patch", "/api/v2/applications/{applicationKey}", args, options);
}
