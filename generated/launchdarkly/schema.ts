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
        PatchOperation: PatchOperation;
        JSONPatch: JSONPatch;
        Link: Link;
        FlagListingRep: FlagListingRep;
        ApplicationFlagCollectionRep: ApplicationFlagCollectionRep;
        ActionIdentifier: ActionIdentifier;
        ActionSpecifier: ActionSpecifier;
        AccessDeniedReasonEffect: AccessDeniedReasonEffect;
        AccessDeniedReason: AccessDeniedReason;
        AccessDenied: AccessDenied;
        AccessAllowedReasonEffect: AccessAllowedReasonEffect;
        AccessAllowedReason: AccessAllowedReason;
        AccessAllowedRep: AccessAllowedRep;
        Access: Access;
        UnixMillis: UnixMillis;
        ApplicationRepKind: ApplicationRepKind;
        MemberSummary: MemberSummary;
        MemberTeamSummaryRep: MemberTeamSummaryRep;
        MaintainerRep: MaintainerRep;
        ApplicationRep: ApplicationRep;
        InvalidRequestErrorRep: InvalidRequestErrorRep;
        UnauthorizedErrorRep: UnauthorizedErrorRep;
        ForbiddenErrorRep: ForbiddenErrorRep;
        NotFoundErrorRep: NotFoundErrorRep;
        RateLimitedErrorRep: RateLimitedErrorRep;
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

// The schemas under their readable names; components["schemas"] refers to them.
// components["schemas"]["PatchOperation"]
/** PatchOperation */
export interface PatchOperation {
    /**
     * @description The type of operation to perform
     * @enum {string}
     */
    op: "add" | "remove" | "replace" | "move" | "copy" | "test";
    /** @description A JSON Pointer string specifying the part of the document to operate on */
    path: string;
    /** @description A JSON value used in "add", "replace", and "test" operations */
    value?: unknown;
}
// components["schemas"]["JSONPatch"]
/** JSONPatch */
export type JSONPatch = PatchOperation[];
// components["schemas"]["Link"]
/** Link */
export interface Link {
    /** @description The URL of the link */
    href?: string;
    /** @description The type of the link */
    type?: string;
}
// components["schemas"]["FlagListingRep"]
/** FlagListingRep */
export interface FlagListingRep {
    /** @description The flag name */
    name: string;
    /** @description The flag key */
    key: string;
    _links?: {
        [key: string]: Link;
    };
    _site?: Link;
}
// components["schemas"]["ApplicationFlagCollectionRep"]
/** ApplicationFlagCollectionRep */
export interface ApplicationFlagCollectionRep {
    /** @description A list of the flags that have been evaluated by the application */
    items?: FlagListingRep[];
    /** @description The number of flags that have been evaluated by the application */
    totalCount?: number;
    /** @description The location and content type of related resources */
    _links?: {
        [key: string]: Link;
    };
}
// components["schemas"]["ActionIdentifier"]
/** ActionIdentifier */
export type ActionIdentifier = string;
// components["schemas"]["ActionSpecifier"]
/** ActionSpecifier */
export type ActionSpecifier = string;
// components["schemas"]["AccessDeniedReasonEffect"]
/**
 * AccessDeniedReasonEffect
 * @description Whether this statement should allow or deny actions on the resources.
 * @enum {string}
 */
export type AccessDeniedReasonEffect = "allow" | "deny";
// components["schemas"]["AccessDeniedReason"]
/** AccessDeniedReason */
export interface AccessDeniedReason {
    /** @description Resource specifier strings */
    resources?: string[];
    /** @description Targeted resources are the resources NOT in this list. The <code>resources</code> and <code>notActions</code> fields must be empty to use this field. */
    notResources?: string[];
    /** @description Actions to perform on a resource */
    actions?: ActionSpecifier[];
    /** @description Targeted actions are the actions NOT in this list. The <code>actions</code> and <code>notResources</code> fields must be empty to use this field. */
    notActions?: ActionSpecifier[];
    /** @description Whether this statement should allow or deny actions on the resources. */
    effect: AccessDeniedReasonEffect;
    role_name?: string;
}
// components["schemas"]["AccessDenied"]
/** AccessDenied */
export interface AccessDenied {
    action: ActionIdentifier;
    reason: AccessDeniedReason;
}
// components["schemas"]["AccessAllowedReasonEffect"]
/**
 * AccessAllowedReasonEffect
 * @description Whether this statement should allow or deny actions on the resources.
 * @enum {string}
 */
export type AccessAllowedReasonEffect = "allow" | "deny";
// components["schemas"]["AccessAllowedReason"]
/** AccessAllowedReason */
export interface AccessAllowedReason {
    /** @description Resource specifier strings */
    resources?: string[];
    /** @description Targeted resources are the resources NOT in this list. The <code>resources</code> and <code>notActions</code> fields must be empty to use this field. */
    notResources?: string[];
    /** @description Actions to perform on a resource */
    actions?: ActionSpecifier[];
    /** @description Targeted actions are the actions NOT in this list. The <code>actions</code> and <code>notResources</code> fields must be empty to use this field. */
    notActions?: ActionSpecifier[];
    /** @description Whether this statement should allow or deny actions on the resources. */
    effect: AccessAllowedReasonEffect;
    role_name?: string;
}
// components["schemas"]["AccessAllowedRep"]
/** AccessAllowedRep */
export interface AccessAllowedRep {
    action: ActionIdentifier;
    reason: AccessAllowedReason;
}
// components["schemas"]["Access"]
/** Access */
export interface Access {
    denied: AccessDenied[];
    allowed: AccessAllowedRep[];
}
// components["schemas"]["UnixMillis"]
/**
 * UnixMillis
 * Format: int64
 */
export type UnixMillis = number;
// components["schemas"]["ApplicationRepKind"]
/**
 * ApplicationRepKind
 * @description To distinguish the kind of application
 * @enum {string}
 */
export type ApplicationRepKind = "browser" | "mobile" | "server";
// components["schemas"]["MemberSummary"]
/** MemberSummary */
export interface MemberSummary {
    /** @description The location and content type of related resources */
    _links: {
        [key: string]: Link;
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
}
// components["schemas"]["MemberTeamSummaryRep"]
/** MemberTeamSummaryRep */
export interface MemberTeamSummaryRep {
    /** @description A list of keys of the custom roles this team has access to */
    customRoleKeys: string[];
    /** @description The team key */
    key: string;
    _links?: {
        [key: string]: Link;
    };
    /** @description The team name */
    name: string;
}
// components["schemas"]["MaintainerRep"]
/** MaintainerRep */
export interface MaintainerRep {
    /** @description Details on the member who maintains this resource */
    member?: MemberSummary;
    /** @description Details on the team that maintains this resource */
    team?: MemberTeamSummaryRep;
}
// components["schemas"]["ApplicationRep"]
/** ApplicationRep */
export interface ApplicationRep {
    /** @description Details about the flags that have been evaluated by the application */
    flags?: ApplicationFlagCollectionRep;
    /** @description Details on the allowed and denied actions for this application */
    _access?: Access;
    /** @description The location and content type of related resources */
    _links?: {
        [key: string]: Link;
    };
    /** @description Version of the application */
    _version?: number;
    /** @description Whether the application was automatically created because it was included in a context when a LaunchDarkly SDK evaluated a feature flag, or was created through the LaunchDarkly UI or REST API. */
    autoAdded: boolean;
    /** @description Timestamp of when the application version was created */
    creationDate?: UnixMillis;
    /** @description The application description */
    description?: string;
    /** @description The unique identifier of this application */
    key: string;
    /** @description To distinguish the kind of application */
    kind: ApplicationRepKind;
    /** @description Associated maintainer member or team info for the application */
    _maintainer?: MaintainerRep;
    /** @description The name of the application */
    name: string;
}
// components["schemas"]["InvalidRequestErrorRep"]
/** InvalidRequestErrorRep */
export interface InvalidRequestErrorRep {
    /** @description Specific error code encountered */
    code: string;
    /** @description Description of the error */
    message: string;
}
// components["schemas"]["UnauthorizedErrorRep"]
/** UnauthorizedErrorRep */
export interface UnauthorizedErrorRep {
    /** @description Specific error code encountered */
    code: string;
    /** @description Description of the error */
    message: string;
}
// components["schemas"]["ForbiddenErrorRep"]
/** ForbiddenErrorRep */
export interface ForbiddenErrorRep {
    /** @description Specific error code encountered */
    code: string;
    /** @description Description of the error */
    message: string;
}
// components["schemas"]["NotFoundErrorRep"]
/** NotFoundErrorRep */
export interface NotFoundErrorRep {
    /** @description Specific error code encountered */
    code: string;
    /** @description Description of the error */
    message: string;
}
// components["schemas"]["RateLimitedErrorRep"]
/** RateLimitedErrorRep */
export interface RateLimitedErrorRep {
    /** @description Specific error code encountered */
    code: string;
    /** @description Description of the error */
    message: string;
}
