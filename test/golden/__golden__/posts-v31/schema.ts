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
        PostUpdate: components["schemas"]["DraftPost"] | components["schemas"]["PublishedPost"] | components["schemas"]["ArchivedPost"];
        DraftPost: {
            /**
             * Is draft
             * @description Drafts are not visible. Text with *\/ and `backticks` stays inert.
             */
            isDraft: true;
            body?: string;
        };
        PublishedPost: {
            /** @default false */
            isDraft?: false;
            title?: string;
        };
        PostBase: {
            isDraft?: boolean;
        };
        ArchivedPost: components["schemas"]["PostBase"] & {
            /** @constant */
            isDraft: false;
            /** Format: date-time */
            archivedAt: string;
        } & {
            isDraft: false;
        };
        Pet: components["schemas"]["Cat"] | components["schemas"]["Dog"];
        Cat: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "Cat";
            meows?: boolean;
        };
        Dog: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "Dog";
            barks?: boolean;
        };
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

// Readable names for components["schemas"]: the schema key, or its title where the key is machine-made.
export type PostUpdate = components["schemas"]["PostUpdate"];
export type DraftPost = components["schemas"]["DraftPost"];
export type PublishedPost = components["schemas"]["PublishedPost"];
export type PostBase = components["schemas"]["PostBase"];
export type ArchivedPost = components["schemas"]["ArchivedPost"];
export type Pet = components["schemas"]["Pet"];
export type Cat = components["schemas"]["Cat"];
export type Dog = components["schemas"]["Dog"];
