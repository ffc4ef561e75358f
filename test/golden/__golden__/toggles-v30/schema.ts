/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: toggles-v30
 * source: toggles-v30.yaml
 * bundled spec sha256: 611a16a30ab824400a458b94b38981b8f7794adfeccbf2b06b9744de2d3caed9
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

export interface paths {
    "/toggles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["setToggle"];
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
        Toggle: Toggle;
        On: On;
        Off: Off;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    setToggle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Toggle"];
            };
        };
        responses: {
            /** @description ok */
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
// components["schemas"]["Toggle"]
export type Toggle = On | Off;
// components["schemas"]["On"]
export interface On {
    enabled: true;
    level: number | null;
}
// components["schemas"]["Off"]
export interface Off {
    enabled?: false;
}
