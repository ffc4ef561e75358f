/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: json-patch-kinds
 * source: json-patch-kinds.yaml
 * bundled spec sha256: 1b0d1eed5d597964ffdf4d13e2ad4e82073e2dd74f93044a96b126fa9008485d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

export interface paths {
    "/flags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a flag (JSON Patch inside an object, with a comment) */
        patch: operations["patchFlag"];
        trace?: never;
    };
    "/widgets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Get a widget */
        get: operations["getWidget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a widget (application/json-patch+json, no response body) */
        patch: operations["patchWidget"];
        trace?: never;
    };
    "/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a note (the pointers narrowed by x-codegen) */
        patch: operations["patchNote"];
        trace?: never;
    };
    "/things/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a thing (a partial object, not JSON Patch) */
        patch: operations["updateThing"];
        trace?: never;
    };
    "/labels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a label (an inline body with the patch in it, an inline response) */
        patch: operations["patchLabel"];
        trace?: never;
    };
    "/orphans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update an orphan (nothing says what it patches) */
        patch: operations["patchOrphan"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PatchOperation: PatchOperation;
        JSONPatch: JSONPatch;
        PatchWithComment: PatchWithComment;
        Problem: Problem;
        Flag: Flag;
        FlagConfig: FlagConfig;
        Rule: Rule;
        Clause: Clause;
        Widget: Widget;
        Note: Note;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    patchFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchWithComment"];
            };
        };
        responses: {
            /** @description The flag after the patch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flag"];
                };
            };
            /** @description Bad patch */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWidget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The widget */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Widget"];
                };
            };
        };
    };
    patchWidget: {
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
                "application/json-patch+json": components["schemas"]["PatchOperation"][];
            };
        };
        responses: {
            /** @description Patched */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patchNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["JSONPatch"];
            };
        };
        responses: {
            /** @description A receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok?: boolean;
                    };
                };
            };
        };
    };
    updateThing: {
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
                "application/json": {
                    name?: string;
                    path?: string;
                };
            };
        };
        responses: {
            /** @description The thing */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Widget"];
                };
            };
        };
    };
    patchLabel: {
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
                "application/json": {
                    operations: components["schemas"]["JSONPatch"];
                    dryRun?: boolean;
                };
            };
        };
        responses: {
            /** @description The label */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        color?: string | null;
                        meta?: {
                            owner?: string;
                        };
                    };
                };
            };
        };
    };
    patchOrphan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["JSONPatch"];
            };
        };
        responses: {
            /** @description Patched */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

// The schemas under their readable names; components["schemas"] refers to them.
// components["schemas"]["PatchOperation"]
export interface PatchOperation {
    op: string;
    path: string;
    from?: string;
    value?: unknown;
}
// components["schemas"]["JSONPatch"]
export type JSONPatch = PatchOperation[];
// components["schemas"]["PatchWithComment"]
export interface PatchWithComment {
    patch: JSONPatch;
    comment?: string;
}
// components["schemas"]["Problem"]
export interface Problem {
    message?: string;
}
// components["schemas"]["Flag"]
export interface Flag {
    readonly key: string;
    name: string;
    description?: string;
    /** @enum {string} */
    kind: "boolean" | "multivariate";
    tags: string[];
    environments?: {
        [key: string]: FlagConfig;
    };
    /** @description Keys that need escaping in a JSON Pointer (RFC 6901 §3) */
    settings?: {
        "a/b"?: number;
        "til~de"?: boolean;
    };
    /** @description Anything */
    custom?: Record<string, never>;
    _version: number;
    _links?: {
        [key: string]: string;
    };
}
// components["schemas"]["FlagConfig"]
export interface FlagConfig {
    on: boolean;
    rules?: Rule[];
}
// components["schemas"]["Rule"]
export interface Rule {
    variation: number;
    clause?: Clause;
}
// components["schemas"]["Clause"]
/** @description Recursive: the pointer to a nested clause is typed, below it a plain string */
export interface Clause {
    attribute?: string;
    clauses?: Clause[];
}
// components["schemas"]["Widget"]
export interface Widget {
    id: string;
    name: string;
    size?: number | null;
    owner?: {
        email?: string;
    };
}
// components["schemas"]["Note"]
export interface Note {
    title: string;
    body?: string;
    tags?: string[];
    sections?: {
        heading?: string;
        text?: string;
    }[];
}
