/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: posts-v31
 * source: posts-v31.yaml
 * bundled spec sha256: de9ed3a0b9ae51083a9a8c42846f4daf68698914ad3ae746a817bbc77020ca26
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

export interface paths {
    "/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["updatePost"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PostUpdate: PostUpdate;
        DraftPost: DraftPost;
        PublishedPost: PublishedPost;
        PostBase: PostBase;
        ArchivedPost: ArchivedPost;
        Pet: Pet;
        Cat: Cat;
        Dog: Dog;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    updatePost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostUpdate"];
            };
        };
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pet"];
                };
            };
        };
    };
}

// The schemas under their readable names; components["schemas"] refers to them.
// components["schemas"]["PostUpdate"]
export type PostUpdate = DraftPost | PublishedPost | ArchivedPost;
// components["schemas"]["DraftPost"]
export interface DraftPost {
    /**
     * Is draft
     * @description Drafts are not visible. Text with *\/ and `backticks` stays inert.
     */
    isDraft: true;
    body?: string;
}
// components["schemas"]["PublishedPost"]
export interface PublishedPost {
    /** @default false */
    isDraft?: false;
    title?: string;
}
// components["schemas"]["PostBase"]
export interface PostBase {
    isDraft?: boolean;
}
// components["schemas"]["ArchivedPost"]
export type ArchivedPost = PostBase & {
    /** @constant */
    isDraft: false;
    /** Format: date-time */
    archivedAt: string;
} & {
    isDraft: false;
};
// components["schemas"]["Pet"]
export type Pet = Cat | Dog;
// components["schemas"]["Cat"]
export interface Cat {
    /**
     * @description discriminator enum property added by openapi-typescript
     * @enum {string}
     */
    kind: "Cat";
    meows?: boolean;
}
// components["schemas"]["Dog"]
export interface Dog {
    /**
     * @description discriminator enum property added by openapi-typescript
     * @enum {string}
     */
    kind: "Dog";
    barks?: boolean;
}
