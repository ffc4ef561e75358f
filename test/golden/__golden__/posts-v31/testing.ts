/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: posts-v31
 * source: posts-v31.yaml
 * bundled spec sha256: de9ed3a0b9ae51083a9a8c42846f4daf68698914ad3ae746a817bbc77020ca26
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $testing from "../../../../src/testing.js";
import type * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export { FakeError, dropConnection } from "../../../../src/testing.js";
export type { FakeContext, FakeOptions, FakeReply } from "../../../../src/testing.js";

/** Each operation of "Posts (boolean discriminator fixture, 3.1)" as the fake sees it: the wrapper's argument, and the responses the spec declares. */
export interface PostsV31FakeOperations {
  /** `PUT /posts/{id}` */
  updatePost: $testing.FakeOperation<$operations.UpdatePostArgs, paths["/posts/{id}"]["put"]>;
}

/** A fake of "Posts (boolean discriminator fixture, 3.1)": `fetch` for the client, the calls it received (`calls.<wrapper>`), `use` to add handlers. */
export type PostsV31Fake = $testing.Fake<PostsV31FakeOperations>;

/** Handlers by wrapper name: the wrapper's argument in, `{ status, body }` typed by the spec's response for that status out. */
export type PostsV31FakeHandlers = $testing.FakeHandlers<PostsV31FakeOperations>;

const routes: Readonly<Record<keyof PostsV31FakeOperations, $testing.FakeRoute>> = {
  updatePost: { method: "PUT", path: "/posts/{id}" },
};

// Default replies from the spec's own examples, those that validate against their schemas ({ examples: true }): status, JSON body.
const examples: Readonly<Partial<Record<keyof PostsV31FakeOperations, readonly [number, string?]>>> = {
  updatePost: [200, "{\"kind\":\"Cat\"}"],
};

/**
 * A fake of "Posts (boolean discriminator fixture, 3.1)" for tests, in-process: pass `fake.fetch` as the client's `fetch` option
 * (`createPostsV31Client({ apiKey: "test", fetch: fake.fetch })`), or `fake.mswHandlers(http)` to MSW.
 * Each handler answers one operation: `createPostsV31Fake({ updatePost: (args) => ({ status: 200, body: … }) })`;
 * a call without a handler throws a FakeError naming the operation (with `{ examples: true }`, the spec's example answers where there is one).
 */
export function createPostsV31Fake(handlers: PostsV31FakeHandlers = {}, options: $testing.FakeOptions = {}): PostsV31Fake {
  return $testing.createFake<PostsV31FakeOperations>({ name: "Posts (boolean discriminator fixture, 3.1)", factory: "createPostsV31Fake", routes, examples }, handlers, options);
}
