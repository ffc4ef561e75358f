/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: launchdarkly
 * source: specs/launchdarkly.yaml
 * bundled spec sha256: 53d7e484ebb78900488d69d720c1cca5aea30bd01c76b2ba7284db75b0dc9f88
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

export interface paths {
    "/api/v2/applications/{applicationKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update application
         * @description Update an application. You can update the `description` and `kind` fields. Requires a [JSON patch](https://datatracker.ietf.org/doc/html/rfc6902) representation of the desired changes to the application. To learn more, read [Updates](https://launchdarkly.com/docs/api#updates).
         */
        patch: operations["patch-application"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** PatchOperation */
        PatchOperation: {
            /**
             * @description The type of operation to perform
             * @enum {string}
             */
            op: "add" | "remove" | "replace" | "move" | "copy" | "test";
            /** @description A JSON Pointer string specifying the part of the document to operate on */
            path: string;
            /** @description A JSON value used in "add", "replace", and "test" operations */
            value?: unknown;
        };
        /** JSONPatch */
        JSONPatch: components["schemas"]["PatchOperation"][];
        /** Link */
        Link: {
            /** @description The URL of the link */
            href?: string;
            /** @description The type of the link */
            type?: string;
        };
        /** FlagListingRep */
        FlagListingRep: {
            /** @description The flag name */
            name: string;
            /** @description The flag key */
            key: string;
            _links?: {
                [key: string]: components["schemas"]["Link"];
            };
            _site?: components["schemas"]["Link"];
        };
        /** ApplicationFlagCollectionRep */
        ApplicationFlagCollectionRep: {
            /** @description A list of the flags that have been evaluated by the application */
            items?: components["schemas"]["FlagListingRep"][];
            /** @description The number of flags that have been evaluated by the application */
            totalCount?: number;
            /** @description The location and content type of related resources */
            _links?: {
                [key: string]: components["schemas"]["Link"];
            };
        };
        /** ActionIdentifier */
        ActionIdentifier: string;
        /** ActionSpecifier */
        ActionSpecifier: string;
        /**
         * AccessDeniedReasonEffect
         * @description Whether this statement should allow or deny actions on the resources.
         * @enum {string}
         */
        AccessDeniedReasonEffect: "allow" | "deny";
        /** AccessDeniedReason */
        AccessDeniedReason: {
            /** @description Resource specifier strings */
            resources?: string[];
            /** @description Targeted resources are the resources NOT in this list. The <code>resources</code> and <code>notActions</code> fields must be empty to use this field. */
            notResources?: string[];
            /** @description Actions to perform on a resource */
            actions?: components["schemas"]["ActionSpecifier"][];
            /** @description Targeted actions are the actions NOT in this list. The <code>actions</code> and <code>notResources</code> fields must be empty to use this field. */
            notActions?: components["schemas"]["ActionSpecifier"][];
            /** @description Whether this statement should allow or deny actions on the resources. */
            effect: components["schemas"]["AccessDeniedReasonEffect"];
            role_name?: string;
        };
        /** AccessDenied */
        AccessDenied: {
            action: components["schemas"]["ActionIdentifier"];
            reason: components["schemas"]["AccessDeniedReason"];
        };
        /**
         * AccessAllowedReasonEffect
         * @description Whether this statement should allow or deny actions on the resources.
         * @enum {string}
         */
        AccessAllowedReasonEffect: "allow" | "deny";
        /** AccessAllowedReason */
        AccessAllowedReason: {
            /** @description Resource specifier strings */
            resources?: string[];
            /** @description Targeted resources are the resources NOT in this list. The <code>resources</code> and <code>notActions</code> fields must be empty to use this field. */
            notResources?: string[];
            /** @description Actions to perform on a resource */
            actions?: components["schemas"]["ActionSpecifier"][];
            /** @description Targeted actions are the actions NOT in this list. The <code>actions</code> and <code>notResources</code> fields must be empty to use this field. */
            notActions?: components["schemas"]["ActionSpecifier"][];
            /** @description Whether this statement should allow or deny actions on the resources. */
            effect: components["schemas"]["AccessAllowedReasonEffect"];
            role_name?: string;
        };
        /** AccessAllowedRep */
        AccessAllowedRep: {
            action: components["schemas"]["ActionIdentifier"];
            reason: components["schemas"]["AccessAllowedReason"];
        };
        /** Access */
        Access: {
            denied: components["schemas"]["AccessDenied"][];
            allowed: components["schemas"]["AccessAllowedRep"][];
        };
        /**
         * UnixMillis
         * Format: int64
         */
        UnixMillis: number;
        /**
         * ApplicationRepKind
         * @description To distinguish the kind of application
         * @enum {string}
         */
        ApplicationRepKind: "browser" | "mobile" | "server";
        /** MemberSummary */
        MemberSummary: {
            /** @description The location and content type of related resources */
            _links: {
                [key: string]: components["schemas"]["Link"];
            };
            /** @description The member's ID */
            _id: string;
            /** @description The member's first name */
            firstName?: string;
            /** @description The member's last name */
            lastName?: string;
            /** @description The member's base role. If the member has no additional roles, this role will be in effect. */
            role: string;
            /** @description The member's email address */
            email: string;
        };
        /** MemberTeamSummaryRep */
        MemberTeamSummaryRep: {
            /** @description A list of keys of the custom roles this team has access to */
            customRoleKeys: string[];
            /** @description The team key */
            key: string;
            _links?: {
                [key: string]: components["schemas"]["Link"];
            };
            /** @description The team name */
            name: string;
        };
        /** MaintainerRep */
        MaintainerRep: {
            /** @description Details on the member who maintains this resource */
            member?: components["schemas"]["MemberSummary"];
            /** @description Details on the team that maintains this resource */
            team?: components["schemas"]["MemberTeamSummaryRep"];
        };
        /** ApplicationRep */
        ApplicationRep: {
            /** @description Details about the flags that have been evaluated by the application */
            flags?: components["schemas"]["ApplicationFlagCollectionRep"];
            /** @description Details on the allowed and denied actions for this application */
            _access?: components["schemas"]["Access"];
            /** @description The location and content type of related resources */
            _links?: {
                [key: string]: components["schemas"]["Link"];
            };
            /** @description Version of the application */
            _version?: number;
            /** @description Whether the application was automatically created because it was included in a context when a LaunchDarkly SDK evaluated a feature flag, or was created through the LaunchDarkly UI or REST API. */
            autoAdded: boolean;
            /** @description Timestamp of when the application version was created */
            creationDate?: components["schemas"]["UnixMillis"];
            /** @description The application description */
            description?: string;
            /** @description The unique identifier of this application */
            key: string;
            /** @description To distinguish the kind of application */
            kind: components["schemas"]["ApplicationRepKind"];
            /** @description Associated maintainer member or team info for the application */
            _maintainer?: components["schemas"]["MaintainerRep"];
            /** @description The name of the application */
            name: string;
        };
        /** InvalidRequestErrorRep */
        InvalidRequestErrorRep: {
            /** @description Specific error code encountered */
            code: string;
            /** @description Description of the error */
            message: string;
        };
        /** UnauthorizedErrorRep */
        UnauthorizedErrorRep: {
            /** @description Specific error code encountered */
            code: string;
            /** @description Description of the error */
            message: string;
        };
        /** ForbiddenErrorRep */
        ForbiddenErrorRep: {
            /** @description Specific error code encountered */
            code: string;
            /** @description Description of the error */
            message: string;
        };
        /** NotFoundErrorRep */
        NotFoundErrorRep: {
            /** @description Specific error code encountered */
            code: string;
            /** @description Description of the error */
            message: string;
        };
        /** RateLimitedErrorRep */
        RateLimitedErrorRep: {
            /** @description Specific error code encountered */
            code: string;
            /** @description Description of the error */
            message: string;
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
    "patch-application": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application key */
                applicationKey: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["JSONPatch"];
            };
        };
        responses: {
            /** @description Application response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationRep"];
                };
            };
            /** @description Invalid request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidRequestErrorRep"];
                };
            };
            /** @description Invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthorizedErrorRep"];
                };
            };
            /** @description Forbidden */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenErrorRep"];
                };
            };
            /** @description Invalid resource identifier */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundErrorRep"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedErrorRep"];
                };
            };
        };
    };
}

// Readable names for components["schemas"]: the schema key, or its title where the key is machine-made.
export type PatchOperation = components["schemas"]["PatchOperation"];
export type JSONPatch = components["schemas"]["JSONPatch"];
export type Link = components["schemas"]["Link"];
export type FlagListingRep = components["schemas"]["FlagListingRep"];
export type ApplicationFlagCollectionRep = components["schemas"]["ApplicationFlagCollectionRep"];
export type ActionIdentifier = components["schemas"]["ActionIdentifier"];
export type ActionSpecifier = components["schemas"]["ActionSpecifier"];
/** Whether this statement should allow or deny actions on the resources. */
export type AccessDeniedReasonEffect = components["schemas"]["AccessDeniedReasonEffect"];
export type AccessDeniedReason = components["schemas"]["AccessDeniedReason"];
export type AccessDenied = components["schemas"]["AccessDenied"];
/** Whether this statement should allow or deny actions on the resources. */
export type AccessAllowedReasonEffect = components["schemas"]["AccessAllowedReasonEffect"];
export type AccessAllowedReason = components["schemas"]["AccessAllowedReason"];
export type AccessAllowedRep = components["schemas"]["AccessAllowedRep"];
export type Access = components["schemas"]["Access"];
export type UnixMillis = components["schemas"]["UnixMillis"];
/** To distinguish the kind of application */
export type ApplicationRepKind = components["schemas"]["ApplicationRepKind"];
export type MemberSummary = components["schemas"]["MemberSummary"];
export type MemberTeamSummaryRep = components["schemas"]["MemberTeamSummaryRep"];
export type MaintainerRep = components["schemas"]["MaintainerRep"];
export type ApplicationRep = components["schemas"]["ApplicationRep"];
export type InvalidRequestErrorRep = components["schemas"]["InvalidRequestErrorRep"];
export type UnauthorizedErrorRep = components["schemas"]["UnauthorizedErrorRep"];
export type ForbiddenErrorRep = components["schemas"]["ForbiddenErrorRep"];
export type NotFoundErrorRep = components["schemas"]["NotFoundErrorRep"];
export type RateLimitedErrorRep = components["schemas"]["RateLimitedErrorRep"];
