/**
 * GENERATED FILE — do not edit. Written by `npm run gen:api` (apps/web/scripts/gen-api.ts)
 * with openapi-typescript from the server's OpenAPI document (GET /api/v1/openapi.json).
 * src/api/schema.test.ts fails when it is out of date with the server's routes.
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database reachability (for load balancers and humans) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Healthy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description The database cannot be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness only: the process answers (no database work)
         * @description A constant answer through the whole middleware stack. Also the benchmark’s framework ceiling: what the server costs per request before any route does work.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The process is up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Live"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignUp"];
                };
            };
            responses: {
                /** @description The new account; sets the session cookie */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description Signed in; sets the session cookie */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out this session
         * @description Deletes this session (if any) and clears the cookie. Succeeds when already signed out.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out every session of this user, this one included */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out everywhere */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password; signs out every other session
         * @description A wrong `currentPassword` is 422 `validation_failed` with details on `currentPassword` (not 401, which would read as "signed out").
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangePassword"];
                };
            };
            responses: {
                /** @description Password changed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and their settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete the account and all its data
         * @description Requires the password; a wrong one is 422 `validation_failed` on `password`. An account without a password (made by an OpenID Connect sign-in) confirms with its `email` instead.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeleteAccount"];
                };
            };
            responses: {
                /** @description Account deleted; cookie cleared */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a link to choose a new password
         * @description Always 202 with the same body, whether or not an account has this email: the message is sent in the background, only to an existing account. The link (`/reset-password?token=…`) works once, for 30 minutes; asking again makes earlier links stop working. Limited per address and per client (429). 503 `email_unavailable` when the server cannot send email.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordResetRequest"];
                };
            };
            responses: {
                /** @description Accepted; the same answer for any address */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PasswordResetAccepted"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with an emailed reset token; signs out every session
         * @description The password follows the sign-up rules (422 with a reason). A token that is not one of ours is 400 `reset_token_invalid`; an expired or used one 410 `reset_token_expired`. Signs in nobody: the client signs in with the new password.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasswordResetConfirm"];
                };
            };
            responses: {
                /** @description Password changed; every session of the account has ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description A password-reset token that has expired or been used: `reset_token_expired` */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your passkeys (never their keys) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Passkeys, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PasskeyList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/registration/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start adding a passkey: options for navigator.credentials.create()
         * @description A discoverable credential (resident key), user verification preferred, attestation `none`. The challenge works once, for 5 minutes, for this account only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PublicKeyCredentialCreationOptionsJSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebauthnOptions"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/registration/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish adding a passkey with the browser’s response
         * @description A response that does not verify (challenge unknown, expired or used; origin; RP ID) is 400 `passkey_invalid`; a credential registered already 409 `passkey_taken`; over 20 passkeys 422.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasskeyRegistration"];
                };
            };
            responses: {
                /** @description The new passkey */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Passkey"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a passkey: it stops signing in at once
         * @description 409 `last_sign_in_method` when it is the only way left to sign in (an account with no password and no OpenID Connect identity).
         */
        delete: {
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
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a passkey */
        patch: {
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
                    "application/json": components["schemas"]["PasskeyRename"];
                };
            };
            responses: {
                /** @description The renamed passkey */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Passkey"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/auth/passkeys/authentication/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a passkey: options for navigator.credentials.get()
         * @description No account is named: the browser offers the passkeys it holds for this site. The challenge works once, for 5 minutes. Counts against the per-client sign-in limit (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PublicKeyCredentialRequestOptionsJSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebauthnOptions"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/authentication/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with the browser’s passkey response
         * @description Signs in like `POST /auth/sign-in` (the same session cookie). A response that does not verify — unknown passkey, challenge unknown, expired or used, bad signature, a counter that went backwards — is 400 `passkey_invalid`. Counts against the per-client sign-in limit (429), never an account’s: a passkey cannot be guessed, so strangers cannot use failures to lock its owner out.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PasskeyAuthentication"];
                };
            };
            responses: {
                /** @description Signed in; sets the session cookie */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The OpenID Connect issuers people may sign in with (for the sign-in buttons) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Configured issuers, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OidcProviderList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The issuers linked to this account, and whether it has a password */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Linked identities, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OidcIdentityList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/identities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unlink an issuer
         * @description 409 `last_sign_in_method` when it is the only way left to sign in (no password, no other linked issuer, no passkey): set a password or add a passkey first.
         */
        delete: {
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
                /** @description Unlinked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Go to the issuer to sign in (302), with PKCE, state and nonce
         * @description A browser navigation, not a fetch. `intent=link` (signed in, from Settings) connects the issuer to this account instead of signing in. Problems redirect to `/sign-in` (or `/settings`) with `oidc_error=<code>`; an unknown issuer id is 404.
         */
        get: {
            parameters: {
                query?: {
                    intent?: "sign-in" | "link";
                    /** @description The token of a sign-up invite (`/sign-up?invite=…`): with sign-up mode `invite`, a person without an account needs one; spent only when the sign-in makes the account. */
                    invite?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the issuer, or back to the app with oidc_error */
                302: {
                    headers: {
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the issuer sends the browser back; signs in and redirects to the app
         * @description Completes only in the browser that started (a cookie), once. Redirects to `/` signed in; to `/sign-in?oidc_link=<id>` when the email has a password account (sign in with the password to link); to `/settings?oidc_linked=<id>` after connecting; otherwise to `/sign-in?oidc_error=<code>`.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    iss?: string;
                    error?: string;
                    error_description?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Back to the app */
                302: {
                    headers: {
                        Location?: string;
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's calendar settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settings"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change some of the calendar settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SettingsPatch"];
                };
            };
            responses: {
                /** @description The settings after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Settings"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your personal API tokens (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tokens, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiTokenList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Make a personal API token; its secret is in this answer only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ApiTokenInput"];
                };
            };
            responses: {
                /** @description The token and its secret (shown once) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiToken"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token: it stops working at once */
        delete: {
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
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup-mode": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may create an account on this server (public)
         * @description Lets the sign-up screen show the right thing: a form (`open`, or `invite` with an invite link), a note that sign-up is by invitation, or the identity provider (`oidc-only`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sign-up mode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignupMode"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-up invites, newest first (administrators only; never their links) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Invites, used and expired ones included */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InviteList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Make a sign-up invite; its link is in this answer only (administrators only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InviteInput"];
                };
            };
            responses: {
                /** @description The invite and its link (shown once) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedInvite"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invite: its link stops working at once (administrators only) */
        delete: {
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
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's habits in their order */
        get: {
            parameters: {
                query?: {
                    status?: "active" | "archived" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Habits */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HabitList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a habit (appended last; starts today) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HabitCreate"];
                };
            };
            responses: {
                /** @description The new habit */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Habit"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reorder the active habits
         * @description `ids` must name every active habit exactly once (422 otherwise).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HabitOrder"];
                };
            };
            responses: {
                /** @description The active habits in their new order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HabitList"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One habit */
        get: {
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
                /** @description The habit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Habit"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a habit and its check-ins */
        delete: {
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
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change some of a habit’s fields */
        patch: {
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
                    "application/json": components["schemas"]["HabitPatch"];
                };
            };
            responses: {
                /** @description The habit after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Habit"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/habits/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a habit (hidden from Today, history kept) */
        post: {
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
                /** @description The archived habit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Habit"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits/{id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore an archived habit (placed last) */
        post: {
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
                /** @description The restored habit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Habit"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's habit groups in their order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Groups */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GroupList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a group (appended last) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GroupWrite"];
                };
            };
            responses: {
                /** @description The new group */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a group (its habits stay, ungrouped) */
        delete: {
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
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a group */
        patch: {
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
                    "application/json": components["schemas"]["GroupWrite"];
                };
            };
            responses: {
                /** @description The group after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/layout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Order the groups and the active habits, and say which group holds each habit
         * @description Names every group and every active habit exactly once (422 otherwise); ungrouped habits come first on Today.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["Layout"];
                };
            };
            responses: {
                /** @description The groups and active habits in their new order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LayoutResult"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits/{id}/checkins/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record (or replace) the check-in of one date
         * @description The date may not be after the user’s today (422 `date_in_future`). Yes/no habits take no value; a numeric "done" needs one; a skip has none. Accepts `Idempotency-Key`.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a resend of this write safe: the first response is replayed. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                    date: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckinPut"];
                };
            };
            responses: {
                /** @description The check-in as stored */
                200: {
                    headers: {
                        /** @description Present when this is the stored response of an earlier request */
                        "Idempotency-Replayed"?: "true";
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Checkin"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Clear the check-in of one date
         * @description Deletes the check-in with its note and photos. With `keep=notes` it removes the mark but keeps what the user wrote: when the day has a note (non-empty) or photos, the check-in becomes a note-only day (state `note`, value null, note and photos kept); otherwise it is deleted. Succeeds also when there was none. Accepts `Idempotency-Key`.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description `notes`: remove the mark but keep what the user wrote — a day with a (non-empty) note or photos becomes a note-only day (state `note`, value null, note and photos kept); one without is deleted. Absent: the check-in is deleted with its note and photos. */
                    keep?: "notes";
                };
                header?: {
                    /** @description Makes a resend of this write safe: the first response is replayed. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                    date: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Cleared */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A habit's check-ins, score series and streaks over a date range
         * @description Default range: the 365 days up to today. `from` ≤ `to`, at most 3,700 days apart (422 otherwise).
         */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description History (with an ETag) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Unchanged since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every active habit with today's check-in, streak, score and period progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Today (with an ETag) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Today"];
                    };
                };
                /** @description Unchanged since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Completion by week, month or year, per active habit and overall
         * @description The last 12 weeks or months, or 5 years. Expected days come from each schedule, from the habit’s start to today; skipped days are excused; today counts once met.
         */
        get: {
            parameters: {
                query?: {
                    unit?: "week" | "month" | "year";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stats */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Stats"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/habits/{id}/checkins/{date}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photos of one check-in, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    date: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready photos */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PhotoList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Start attaching a photo to a check-in: returns where to upload its bytes
         * @description Needs a check-in on that date (404 otherwise) with fewer than 10 photos. With S3 storage the `upload` is a presigned PUT bound to the content type and size; in local mode it is `PUT /api/v1/photos/{photoId}/upload`. Then call `complete`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    date: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PhotoCreate"];
                };
            };
            responses: {
                /** @description The pending photo and its upload instruction */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PhotoUpload"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{photoId}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload a pending photo’s bytes (local storage only)
         * @description The body is the image itself, with the declared Content-Type and exactly the declared size. With S3 storage the bytes go to the presigned URL instead, and this answers 404.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{photoId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an uploaded photo and make it visible
         * @description The stored object must have the declared size and be a decodable image of the declared type; otherwise 422 `upload_invalid` and the pending photo is deleted. Makes the thumbnail.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The photo, ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Photo"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{photoId}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo itself */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image (local storage) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description Redirect to a presigned URL valid for 5 minutes (S3 storage) */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{photoId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The photo’s thumbnail (WebP, at most 320 px a side) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image (local storage) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/*": string;
                    };
                };
                /** @description Redirect to a presigned URL valid for 5 minutes (S3 storage) */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{photoId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a photo (its stored objects go with it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    photoId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent exports, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The last five */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExportList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Export everything: starts building the file in the background
         * @description Format `habit-tracker` (the default; no body needed): a zip of everything, photos included. Format `loop`: a Loop Habit Tracker backup (.db) of the habits and check-ins, for Loop's Settings → Import data. One export runs at a time: while one runs, this returns it (200) instead.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ExportCreate"];
                };
            };
            responses: {
                /** @description The export already running */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Export"];
                    };
                };
                /** @description Started; poll it for progress */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Export"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{exportId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One export: status and progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    exportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The export */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Export"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/{exportId}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The file: streamed (local storage) or a redirect to a presigned URL (S3) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    exportId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The zip, or the Loop backup */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                        "application/vnd.sqlite3": string;
                    };
                };
                /** @description Redirect to a presigned URL valid for 5 minutes */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an import: returns where to upload the file
         * @description Loop Habit Tracker’s CSV export (zip) or backup (.db), or this app’s export (zip). Then `preview`, then `confirm`. A file that would take the user past their storage quota is 413 `quota_exceeded`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ImportCreate"];
                };
            };
            responses: {
                /** @description The import and its upload instruction */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportUpload"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{importId}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upload the import file’s bytes (local storage only) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stored */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{importId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read and validate the whole file; say what would be imported
         * @description The file is read once, off the event loop, within limits of memory and time; the outcome is stored and every later preview answers it again. A file that cannot be imported — including one that needs more memory or time than an import may take — is 422 `import_invalid`, `details` listing `{ file, line?, message }`. 409 `import_in_progress` while another preview reads the file; 429 while another of the user’s files is read; 503 when the server is reading too many files (each with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The import with its preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Conflict, a file being read by another request, or a passkey registered already: `email_taken`, `idempotency_key_reused`, `last_sign_in_method`, `wrong_region`, `import_in_progress`, `passkey_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{importId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import everything, in one transaction
         * @description Confirming an import that is done returns its result again. Photos of an own export count against the storage quota (413 `quota_exceeded`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Done, with what was created */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many attempts or API token requests, or another read of yours in progress; see Retry-After: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The import */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user's stored files against their storage quota
         * @description Photos (pending ones included), import files (all but failed ones) and finished exports, in bytes. Uploads that would go over `quota` are refused with 413 `quota_exceeded`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Usage and quota */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StorageUsage"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's reminders (optionally one habit's), with when each fires next */
        get: {
            parameters: {
                query?: {
                    habitId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Reminders */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReminderList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Remind about a habit at a local time
         * @description Fires at `time` on the user’s wall clock, on the habit’s due days (`days: null`) or on the chosen weekdays of the habit day; a time before the day start belongs to the day that is ending. It names the habit only when due and not done that day. Up to 10 per habit.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReminderCreate"];
                };
            };
            responses: {
                /** @description The new reminder */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Reminder"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reminders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a reminder */
        delete: {
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
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a reminder’s time or days */
        patch: {
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
                    "application/json": components["schemas"]["ReminderPatch"];
                };
            };
            responses: {
                /** @description The reminder after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Reminder"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/vacations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's vacations, latest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Vacations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VacationList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Go on vacation
         * @description From `from` to `to` (inclusive) the habits (all, or `habitIds`) get no reminders, and each day counts as a skip: once a day has begun, a skip check-in ("On vacation") is stored for every covered habit without a check-in that day. Up to 366 days.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VacationInput"];
                };
            };
            responses: {
                /** @description The vacation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vacation"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/vacations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a vacation (the skips it wrote outside its new range go)
         * @description From `from` to `to` (inclusive) the habits (all, or `habitIds`) get no reminders, and each day counts as a skip: once a day has begun, a skip check-in ("On vacation") is stored for every covered habit without a check-in that day. Up to 366 days.
         */
        put: {
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
                    "application/json": components["schemas"]["VacationInput"];
                };
            };
            responses: {
                /** @description The vacation after the change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Vacation"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a vacation and the skips it wrote (check-ins you changed stay) */
        delete: {
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
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID public key to subscribe with (PushManager.subscribe applicationServerKey) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PushKey"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's devices that receive reminders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Devices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PushSubscriptionList"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Receive reminders on this device (a PushSubscription’s JSON)
         * @description The endpoint must be a browser push service’s (https; PUSH_SERVICE_ORIGINS). Saving an endpoint again updates it, and moves it to this account if another had it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PushSubscriptionInput"];
                };
            };
            responses: {
                /** @description The device */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PushSubscription"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop sending reminders to a device */
        delete: {
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
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push-subscriptions/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test notification to a device now */
        post: {
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
                /** @description Recorded; it is sent within seconds */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/snooze": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One more reminder a little later (once per notification)
         * @description The snooze fires `minutes` later (default 10) and names the habits still due and not done then. Snoozing again answers the snooze already made.
         */
        post: {
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
                    "application/json": components["schemas"]["Snooze"];
                };
            };
            responses: {
                /** @description The snooze */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Malformed JSON, a password-reset token that is not one, or a passkey response that did not verify: `malformed_json`, `reset_token_invalid`, `passkey_invalid` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description No valid session or API token, or wrong credentials: `unauthenticated`, `invalid_credentials` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Cross-site request, an API token without the right (scope, or account routes), sign-up closed or a bad invite, or not an administrator: `csrf_rejected`, `token_scope`, `token_not_allowed`, `signup_closed`, `invite_invalid`, `invite_expired`, `admin_only` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not found, or owned by another user: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too large, or over the storage quota: `payload_too_large`, `quota_exceeded` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body is not JSON: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid (`validation_failed` details: `[{ path, message }]`): `validation_failed`, `date_in_future`, `upload_invalid`, `import_invalid` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Database unreachable, too busy to read a file now (see Retry-After), no email configured, or passkeys off (no PUBLIC_ORIGIN): `unavailable`, `email_unavailable`, `passkeys_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
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
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            region: string;
            machine: string;
            version: string;
            database: {
                reachable: boolean;
                /** @enum {string} */
                kind: "pglite" | "postgres";
                rttMs: number | null;
                /** @enum {string|null} */
                servedBy: "primary" | "replica" | null;
            };
            replication: {
                /** @enum {string} */
                role: "primary-region" | "replica-region";
                primaryRegion: string | null;
                /** @enum {string} */
                writeRouting: "replay" | "direct";
                primaryReachable: boolean;
                replica: {
                    reachable: boolean;
                    lagBytes: number | null;
                    lagSeconds: number | null;
                } | null;
            };
        };
        Live: {
            /** @enum {string} */
            status: "ok";
        };
        Me: {
            user: components["schemas"]["User"];
            settings: components["schemas"]["Settings"];
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            createdAt: string;
            /** @description False for an account an OpenID Connect sign-in made and no password was set for. */
            hasPassword: boolean;
        };
        Settings: {
            /** @example Asia/Singapore */
            timeZone: string;
            dayStartHour: number;
            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
            weekStart: 1 | 2 | 3 | 4 | 5 | 6 | 7;
            /**
             * @description The account's language for the app and its emails; null follows the browser's languages
             * @example de
             * @enum {string|null}
             */
            locale: "en" | "de" | "fr" | "es" | "pt-BR" | "it" | "ja" | "zh-Hans" | "id" | "ar" | "en-XA" | null;
        };
        Error: {
            error: {
                /** @enum {string} */
                code: "malformed_json" | "reset_token_invalid" | "passkey_invalid" | "unauthenticated" | "invalid_credentials" | "csrf_rejected" | "token_scope" | "token_not_allowed" | "signup_closed" | "invite_invalid" | "invite_expired" | "admin_only" | "not_found" | "email_taken" | "idempotency_key_reused" | "last_sign_in_method" | "wrong_region" | "import_in_progress" | "passkey_taken" | "reset_token_expired" | "payload_too_large" | "quota_exceeded" | "unsupported_media_type" | "validation_failed" | "date_in_future" | "upload_invalid" | "import_invalid" | "rate_limited" | "internal_error" | "unavailable" | "email_unavailable" | "passkeys_unavailable";
                message: string;
                details?: components["schemas"]["ValidationIssue"][] | unknown;
            };
        };
        ValidationIssue: {
            /** @description The field, e.g. `measure.target` or `query.from` */
            path: string;
            /** @description What is wrong, in English */
            message: string;
            /** @description zod's issue code (`too_small`, `too_big`, `invalid_format`, `invalid_type`, `unrecognized_keys`, …) when the schema found it; for the server's own checks one of: `required`, `password_rule`, `password_incorrect`, `confirm_email_mismatch`, `date_order`, `limit_reached`, `unknown_reference`, `exactly_once`, `push_endpoint_unknown`, `import_not_previewed`, `value_not_allowed`, `value_required`, `note_only` (docs/api.md, "Errors") */
            code?: string;
            minimum?: number;
            maximum?: number;
            /** @description What a bound counts: `string` (characters), `number`, `array`, `days` (a date range)… */
            origin?: string;
            /**
             * @description The bound itself is refused
             * @enum {boolean}
             */
            inclusive?: false;
            /** @description For `invalid_format`: `email`, `regex`… */
            format?: string;
            /** @description For `invalid_type`: the type wanted */
            expected?: string;
            /**
             * @description For `password_rule`: which rule of the password policy
             * @enum {string}
             */
            rule?: "too_short" | "too_long" | "repeats" | "sequence" | "email" | "common";
        };
        SignUp: {
            /** @example ada@example.com */
            email: string;
            /** @description At least 8 characters, up to 256: passphrases welcome. Common and breached passwords, repeated characters, sequences and the email itself are refused with 422 and a reason (password-policy.ts, NIST SP 800-63B). */
            password: string;
            /** @example Asia/Singapore */
            timeZone?: string;
            dayStartHour?: number;
            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
            weekStart?: 1 | 2 | 3 | 4 | 5 | 6 | 7;
            /** @description The token of an invite link (`/sign-up?invite=…`); needed when the sign-up mode is `invite`. */
            invite?: string;
        };
        SignIn: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        ChangePassword: {
            currentPassword?: string;
            /** @description At least 8 characters, up to 256: passphrases welcome. Common and breached passwords, repeated characters, sequences and the email itself are refused with 422 and a reason (password-policy.ts, NIST SP 800-63B). */
            newPassword: string;
        };
        DeleteAccount: {
            password?: string;
            /** @description The account's email, typed to confirm; only for an account without a password. */
            email?: string;
        };
        PasswordResetAccepted: {
            /** @example If an account exists for that address, we sent a link to reset its password. */
            message: string;
        };
        PasswordResetRequest: {
            /** @example ada@example.com */
            email: string;
        };
        PasswordResetConfirm: {
            /** @description The `token` of the emailed link (`/reset-password?token=…`) */
            token: string;
            /** @description At least 8 characters, up to 256: passphrases welcome. Common and breached passwords, repeated characters, sequences and the email itself are refused with 422 and a reason (password-policy.ts, NIST SP 800-63B). */
            password: string;
        };
        PasskeyList: {
            passkeys: components["schemas"]["Passkey"][];
        };
        Passkey: {
            /** Format: uuid */
            id: string;
            name: string;
            createdAt: string;
            lastUsedAt: string | null;
        };
        WebauthnOptions: {
            challenge: string;
        } & {
            [key: string]: unknown;
        };
        PasskeyRegistration: {
            /** @description What to call it ("Phone", "Laptop"); absent: "Passkey". */
            name?: string;
            credential: components["schemas"]["RegistrationCredential"];
        };
        RegistrationCredential: {
            id: string;
            rawId: string;
            /** @enum {string} */
            type: "public-key";
            response: {
                clientDataJSON: string;
                attestationObject: string;
                transports?: string[];
            };
            /** @default {} */
            clientExtensionResults?: Record<string, never>;
            /** @enum {string} */
            authenticatorAttachment?: "platform" | "cross-platform";
        };
        PasskeyRename: {
            name: string;
        };
        PasskeyAuthentication: {
            credential: components["schemas"]["AuthenticationCredential"];
        };
        AuthenticationCredential: {
            id: string;
            rawId: string;
            /** @enum {string} */
            type: "public-key";
            response: {
                clientDataJSON: string;
                authenticatorData: string;
                signature: string;
                userHandle?: string;
            };
            /** @default {} */
            clientExtensionResults?: Record<string, never>;
            /** @enum {string} */
            authenticatorAttachment?: "platform" | "cross-platform";
        };
        OidcProviderList: {
            providers: {
                id: string;
                /** @example Google */
                name: string;
            }[];
        };
        OidcIdentityList: {
            hasPassword: boolean;
            identities: {
                /** Format: uuid */
                id: string;
                providerId: string;
                providerName: string;
                email: string | null;
                /** Format: date-time */
                createdAt: string;
            }[];
        };
        SettingsPatch: {
            /** @example Asia/Singapore */
            timeZone?: string;
            dayStartHour?: number;
            /** @description ISO weekday: 1 = Monday … 7 = Sunday */
            weekStart?: 1 | 2 | 3 | 4 | 5 | 6 | 7;
            /**
             * @description The account's language for the app and its emails; null follows the browser's languages
             * @example de
             * @enum {string|null}
             */
            locale?: "en" | "de" | "fr" | "es" | "pt-BR" | "it" | "ja" | "zh-Hans" | "id" | "ar" | "en-XA" | null;
        };
        ApiTokenList: {
            tokens: components["schemas"]["ApiToken"][];
        };
        ApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description `read`: GET only. `read_write`: also the data writes (check-ins, habits…).
             * @enum {string}
             */
            scope: "read" | "read_write";
            createdAt: string;
            expiresAt: string | null;
            /** @description Recorded in batches about once a minute, so it may lag that much. */
            lastUsedAt: string | null;
        };
        CreatedApiToken: {
            token: components["schemas"]["ApiToken"];
            /**
             * @description Send as `Authorization: Bearer <secret>`. Shown this once; only its hash is kept.
             * @example ht_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
             */
            secret: string;
        };
        ApiTokenInput: {
            name: string;
            /**
             * @description `read`: GET only. `read_write`: also the data writes (check-ins, habits…).
             * @enum {string}
             */
            scope: "read" | "read_write";
            /**
             * @description Days until it stops working: 7, 30, 90 or 365; null or absent: never.
             * @enum {integer|null}
             */
            expiresInDays?: 7 | 30 | 90 | 365 | null;
        };
        SignupMode: {
            /**
             * @description `open`: anyone may sign up. `invite`: sign-up needs an invite token. `oidc-only`: no password sign-up; accounts come from the OpenID Connect provider.
             * @enum {string}
             */
            mode: "open" | "invite" | "oidc-only";
        };
        InviteList: {
            invites: components["schemas"]["Invite"][];
        };
        Invite: {
            /** Format: uuid */
            id: string;
            email: string | null;
            maxUses: number;
            uses: number;
            createdAt: string;
            expiresAt: string;
            /** @description Who made it; null when made on the command line. */
            createdByEmail: string | null;
        };
        CreatedInvite: {
            invite: components["schemas"]["Invite"];
            /** @description The sign-up link (`/sign-up?invite=…`). Shown this once; only its hash is kept. */
            link: string;
        };
        InviteInput: {
            /**
             * @description Only an account with this email may use the invite.
             * @example ada@example.com
             */
            email?: string;
            /** @description Days it works; 7 by default. */
            expiresInDays?: number;
            /** @description Accounts it may create; 1 by default. */
            maxUses?: number;
        };
        HabitList: {
            habits: components["schemas"]["Habit"][];
        };
        Habit: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            color: string;
            icon: string;
            measure: components["schemas"]["Measure"];
            schedule: components["schemas"]["Schedule"];
            position: number;
            /** Format: uuid */
            groupId: string | null;
            startDate: string;
            archivedAt: string | null;
            createdAt: string;
            updatedAt: string;
        };
        Measure: {
            /** @enum {string} */
            kind: "boolean";
        } | {
            /** @enum {string} */
            kind: "numeric";
            unit: string;
            target: number;
            /** @enum {string} */
            direction: "at_least" | "at_most";
        };
        Schedule: {
            /** @enum {string} */
            kind: "daily";
        } | {
            /** @enum {string} */
            kind: "weekdays";
            days: (1 | 2 | 3 | 4 | 5 | 6 | 7)[];
        } | {
            /** @enum {string} */
            kind: "times_per_week";
            times: number;
        } | {
            /** @enum {string} */
            kind: "times_per_month";
            times: number;
        } | {
            /** @enum {string} */
            kind: "every_n_days";
            interval: number;
            /**
             * Format: date
             * @example 2026-11-22
             */
            startDate: string;
        } | {
            /** @enum {string} */
            kind: "times_in_days";
            times: number;
            days: number;
        };
        HabitCreate: {
            name: string;
            description?: string;
            color?: string;
            icon?: string;
            measure: components["schemas"]["Measure"];
            schedule: components["schemas"]["Schedule"];
            /** Format: uuid */
            groupId?: string | null;
        };
        HabitOrder: {
            ids: string[];
        };
        HabitPatch: {
            name?: string;
            description?: string;
            color?: string;
            icon?: string;
            measure?: components["schemas"]["Measure"];
            schedule?: components["schemas"]["Schedule"];
            /** Format: uuid */
            groupId?: string | null;
        };
        GroupList: {
            groups: components["schemas"]["Group"][];
        };
        Group: {
            /** Format: uuid */
            id: string;
            name: string;
            position: number;
            createdAt: string;
            updatedAt: string;
        };
        GroupWrite: {
            name: string;
        };
        LayoutResult: {
            groups: components["schemas"]["Group"][];
            habits: components["schemas"]["Habit"][];
        };
        Layout: {
            ungrouped: string[];
            groups: {
                /** Format: uuid */
                id: string;
                habitIds: string[];
            }[];
        };
        Checkin: {
            date: string;
            /** @enum {string} */
            state: "done" | "skipped" | "note";
            value: number | null;
            note: string | null;
            createdAt: string;
            updatedAt: string;
        };
        CheckinPut: {
            /** @enum {string} */
            state: "done" | "skipped" | "note";
            value?: number | null;
            note?: string | null;
        };
        History: {
            habit: components["schemas"]["Habit"];
            from: string;
            to: string;
            today: string;
            checkins: components["schemas"]["Checkin"][];
            streak: components["schemas"]["Streaks"];
            score: number;
            scores: {
                date: string;
                score: number;
            }[];
            weekdayCounts: number[];
        };
        Streaks: {
            current: number;
            best: number;
            /** @enum {string} */
            unit: "days" | "weeks" | "months";
        };
        Today: {
            date: string;
            recentFrom: string;
            nextDayAt: string;
            settings: components["schemas"]["Settings"];
            groups: components["schemas"]["Group"][];
            habits: components["schemas"]["TodayHabit"][];
        };
        TodayHabit: {
            habit: components["schemas"]["Habit"];
            due: boolean;
            checkin: components["schemas"]["Checkin"] & unknown;
            recent: components["schemas"]["RecentDay"][];
            streak: components["schemas"]["Streaks"];
            score: number;
            period: components["schemas"]["PeriodProgress"];
        };
        RecentDay: {
            date: string;
            /** @enum {string} */
            state: "done" | "skipped" | "note";
            value: number | null;
        };
        PeriodProgress: {
            /** @enum {string} */
            kind: "day" | "week" | "month" | "window";
            start: string;
            end: string;
            done: number;
            target: number;
            met: boolean;
        };
        Stats: {
            /** @enum {string} */
            unit: "week" | "month" | "year";
            today: string;
            periods: {
                start: string;
                end: string;
            }[];
            overall: {
                done: number;
                expected: number;
            }[];
            habits: {
                /** Format: uuid */
                id: string;
                name: string;
                color: string;
                icon: string;
                periods: {
                    done: number;
                    expected: number;
                }[];
            }[];
        };
        PhotoUpload: {
            photo: components["schemas"]["Photo"];
            upload: components["schemas"]["UploadInstruction"];
        };
        Photo: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            habitId: string;
            date: string;
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            size: number;
            width: number | null;
            height: number | null;
            /** @enum {string} */
            status: "pending" | "ready";
            createdAt: string;
            imageUrl: string;
            thumbnailUrl: string;
        };
        UploadInstruction: {
            /** @enum {string} */
            method: "PUT";
            url: string;
            headers: {
                [key: string]: string;
            };
        };
        PhotoCreate: {
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp";
            size: number;
        };
        PhotoList: {
            photos: components["schemas"]["Photo"][];
        };
        Export: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            format: "habit-tracker" | "loop";
            /** @enum {string} */
            status: "running" | "ready" | "failed";
            progress: number;
            size: number | null;
            createdAt: string;
            expiresAt: string | null;
            error: string | null;
            downloadUrl: string | null;
        };
        ExportCreate: {
            /**
             * @default habit-tracker
             * @enum {string}
             */
            format?: "habit-tracker" | "loop";
        };
        ExportList: {
            exports: components["schemas"]["Export"][];
        };
        ImportUpload: {
            import: components["schemas"]["Import"];
            upload: components["schemas"]["UploadInstruction"];
        };
        Import: {
            /** Format: uuid */
            id: string;
            fileName: string;
            /** @enum {string} */
            status: "uploading" | "reading" | "previewed" | "done" | "failed";
            createdAt: string;
            preview: components["schemas"]["ImportPreview"];
            result: {
                habits: number;
                checkins: number;
                photos: number;
            } | null;
        };
        ImportPreview: {
            /** @enum {string} */
            source: "loop-csv" | "loop-sqlite" | "habit-tracker" | "beaver-habits" | "table-habit" | "habitica" | "habitbull";
            habits: {
                name: string;
                /** @enum {string} */
                kind: "boolean" | "numeric";
                schedule: string;
                scheduleRule?: components["schemas"]["Schedule"];
                checkins: number;
                firstDate: string | null;
                lastDate: string | null;
            }[];
            totals: {
                habits: number;
                checkins: number;
                photos: number;
            };
            warnings: components["schemas"]["ImportWarning"][];
        } | null;
        ImportWarning: {
            code: string;
            values: {
                [key: string]: string | number;
            };
            message: string;
        };
        ImportCreate: {
            fileName: string;
            size: number;
        };
        StorageUsage: {
            quota: number;
            used: {
                photos: number;
                imports: number;
                exports: number;
                total: number;
            };
        };
        ReminderList: {
            reminders: components["schemas"]["Reminder"][];
        };
        Reminder: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            habitId: string;
            time: string;
            days: number[] | null;
            nextAt: string | null;
            nextDate: string | null;
            createdAt: string;
            updatedAt: string;
        };
        ReminderCreate: {
            /** Format: uuid */
            habitId: string;
            /** @example 07:30 */
            time: string;
            /**
             * @description ISO weekdays of the habit day to remind on; null: on the habit’s due days
             * @default null
             */
            days?: (1 | 2 | 3 | 4 | 5 | 6 | 7)[] | null;
        };
        ReminderPatch: {
            /** @example 07:30 */
            time?: string;
            /** @description ISO weekdays of the habit day to remind on; null: on the habit’s due days */
            days?: (1 | 2 | 3 | 4 | 5 | 6 | 7)[] | null;
        };
        VacationList: {
            vacations: components["schemas"]["Vacation"][];
        };
        Vacation: {
            /** Format: uuid */
            id: string;
            from: string;
            to: string;
            habitIds: string[] | null;
            createdAt: string;
            updatedAt: string;
        };
        VacationInput: {
            /**
             * Format: date
             * @example 2026-11-22
             */
            from: string;
            /**
             * Format: date
             * @example 2026-11-22
             */
            to: string;
            /**
             * @description The habits on vacation; null: all of them
             * @default null
             */
            habitIds?: string[] | null;
        };
        PushKey: {
            /** @description VAPID public key, base64url */
            publicKey: string;
        };
        PushSubscriptionList: {
            subscriptions: components["schemas"]["PushSubscription"][];
        };
        PushSubscription: {
            /** Format: uuid */
            id: string;
            endpoint: string;
            label: string;
            createdAt: string;
            lastSuccessAt: string | null;
        };
        PushSubscriptionInput: {
            /** Format: uri */
            endpoint: string;
            keys: {
                /** @example BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM */
                p256dh: string;
                /** @example tBHItJI5svbpez7KI4CCXg */
                auth: string;
            };
            expirationTime?: number | null;
            label?: string;
            /**
             * @description This browser's language (the catalog the app picks from its languages); reminders use it when the account has no language (omitted on an update: the language saved before stays)
             * @example de
             * @enum {string}
             */
            locale?: "en" | "de" | "fr" | "es" | "pt-BR" | "it" | "ja" | "zh-Hans" | "id" | "ar" | "en-XA";
        };
        Notification: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "reminder" | "snooze" | "test";
            fireAt: string;
            date: string | null;
            /** @enum {string} */
            status: "scheduled" | "sent" | "nothing_due" | "late";
        };
        Snooze: {
            /** @default 10 */
            minutes?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
