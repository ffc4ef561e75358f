/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: scale-gp
 * source: specs/scale-gp.yaml
 * bundled spec sha256: 944e018ce98d141f96a2946aeffc51da5d8c96e00aec27aa59ff6af017ad4ede
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

export interface paths {
    "/v4/application-specs/{application_spec_id}": {
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
         * Update Application Spec
         * @description ### Description
         *     Updates a application spec
         *
         *     ### Details
         *     This API can be used to update the application spec that matches the ID that was passed in as a path parameter. To use this API, pass in the `id` that was returned from your Create Application Spec API call as a path parameter.
         *
         *     Review the request schema to see the fields that can be updated.
         */
        patch: operations["PATCH-V4-/application-specs/:application_spec_id"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        RestorablePartialApplicationSpecRequest: RestorablePartialApplicationSpecRequest;
        egp_api_backend__server__api__models__application_models_no_gen__ApplicationSpecResponse: ApplicationSpecResponse;
        HTTPValidationError: HTTPValidationError;
        PartialApplicationSpecRequest: PartialApplicationSpecRequest;
        RestoreRequest: RestoreRequest;
        IdentifierTypeEnum: IdentifierTypeEnum;
        ValidationError: ValidationError;
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "PATCH-V4-/application-specs/:application_spec_id": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                application_spec_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RestorablePartialApplicationSpecRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["egp_api_backend__server__api__models__application_models_no_gen__ApplicationSpecResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
}

// The schemas under their readable names; components["schemas"] refers to them.
// components["schemas"]["RestorablePartialApplicationSpecRequest"]
/** RestorablePartialApplicationSpecRequest */
export type RestorablePartialApplicationSpecRequest = PartialApplicationSpecRequest | RestoreRequest;
// components["schemas"]["egp_api_backend__server__api__models__application_models_no_gen__ApplicationSpecResponse"]
/** ApplicationSpecResponse */
export interface ApplicationSpecResponse {
    /**
     * Name
     * @description The name of the Application Spec
     */
    name: string;
    /**
     * Description
     * @description The description of the Application Spec
     */
    description: string;
    /** Theme Id */
    theme_id?: string;
    /**
     * Run Online Evaluation
     * @description Whether the application spec should run online evaluation, default is `false`
     * @default false
     */
    run_online_evaluation: boolean;
    /**
     * Id
     * @description The unique identifier of the entity.
     */
    id: string;
    /**
     * Created At
     * Format: date-time
     * @description The date and time when the entity was created in ISO format.
     */
    created_at: string;
    /**
     * Account Id
     * @description The ID of the account that owns the given entity.
     */
    account_id: string;
    /**
     * Created By User Id
     * @description The user who originally created the entity.
     */
    created_by_user_id?: string;
    /** @description The type of identity that created the entity. */
    created_by_identity_type?: IdentifierTypeEnum;
    /**
     * Archived At
     * Format: date-time
     * @description The date and time when the entity was archived in ISO format.
     */
    archived_at?: string;
}
// components["schemas"]["HTTPValidationError"]
/** HTTPValidationError */
export interface HTTPValidationError {
    /** Detail */
    detail?: ValidationError[];
}
// components["schemas"]["PartialApplicationSpecRequest"]
/** PartialApplicationSpecRequest */
export interface PartialApplicationSpecRequest {
    /**
     * Name
     * @description The name of the Application Spec
     */
    name?: string;
    /**
     * Description
     * @description The description of the Application Spec
     */
    description?: string;
    /** Theme Id */
    theme_id?: string;
    /**
     * Run Online Evaluation
     * @description Whether the application spec should run online evaluation, default is `false`
     */
    run_online_evaluation?: boolean;
    /**
     * Restore
     * @description Set to true to restore the entity from the database.
     * @default false
     */
    restore?: false;
}
// components["schemas"]["RestoreRequest"]
/** RestoreRequest */
export interface RestoreRequest {
    /**
     * Restore
     * @description Set to true to restore the entity from the database.
     */
    restore: true;
}
// components["schemas"]["IdentifierTypeEnum"]
/**
 * IdentifierTypeEnum
 * @enum {string}
 */
export type IdentifierTypeEnum = "user" | "service_account";
// components["schemas"]["ValidationError"]
/** ValidationError */
export interface ValidationError {
    /** Location */
    loc: (string | number)[];
    /** Message */
    msg: string;
    /** Error Type */
    type: string;
    /** Input */
    input?: unknown;
    /** Context */
    ctx?: {
        [key: string]: unknown;
    };
}
