// Generated from the "identity@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
export interface paths {
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Request an access token
         * @description Posts the client's id and secret as a form and answers with an access
         *     token. Amili issues the client id and secret; scopes are granted to the
         *     client, not requested here. Fetch a new token shortly before `expires_on`
         *     rather than one per call.
         */
        post: operations["RequestAccessToken"];
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
        /** @description The client-credentials grant, sent as `application/x-www-form-urlencoded`. */
        TokenRequest: {
            /**
             * @description Always `client_credentials`.
             * @constant
             */
            grant_type: "client_credentials";
            /** @description The client id Amili issued. */
            client_id: string;
            /** @description The client secret Amili issued. Keep it out of logs and source code. */
            client_secret: string;
        };
        /** @description A Unix time in seconds, as a JSON number or a string of digits. */
        UnixSeconds: number | string;
        /** @description How many seconds the token stays valid (typically 3600), as a JSON number or a string of digits. */
        Seconds: number | string;
        /** @description An access token and when it is valid. OAuth 2.0 (RFC 6749) requires `access_token` and `token_type` in every token response. */
        TokenResponse: {
            /** @description The token (a JWT) to send as `Authorization: Bearer <token>`. */
            access_token: string;
            /**
             * @description Always `Bearer`.
             * @example Bearer
             */
            token_type: string;
            /** @description Unix time (seconds) from which the token is valid. */
            not_before?: components["schemas"]["UnixSeconds"];
            expires_in?: components["schemas"]["Seconds"];
            /** @description Unix time (seconds) at which the token expires. */
            expires_on?: components["schemas"]["UnixSeconds"];
            /**
             * Format: uuid
             * @description Id of the API the token is for.
             */
            resource?: string;
        };
        /** @description An OAuth 2.0 error response. */
        TokenError: {
            /**
             * @description An OAuth 2.0 error code, such as `invalid_client`.
             * @example invalid_request
             * @example invalid_client
             * @example invalid_grant
             * @example unauthorized_client
             * @example unsupported_grant_type
             */
            error: string;
            /** @description What went wrong, for people. */
            error_description?: string;
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
    RequestAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequest"];
            };
        };
        responses: {
            /** @description The access token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request is wrong, for example an unknown grant type. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "unsupported_grant_type",
                     *       "error_description": "The grant type 'password' is not supported."
                     *     }
                     */
                    "application/json": components["schemas"]["TokenError"];
                };
            };
            /** @description The client id or secret is wrong. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "error": "invalid_client",
                     *       "error_description": "Client authentication failed."
                     *     }
                     */
                    "application/json": components["schemas"]["TokenError"];
                };
            };
        };
    };
}
