// Generated from the "autocollect@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
export interface paths {
    "/orgs/{organizationId}/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
                /**
                 * @description The batch, as returned in `batchId` by a create operation.
                 * @example ae257e86-dc53-4865-9c97-5b125a3a5ac2
                 */
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        /**
         * Get a batch
         * @description Returns one batch of the organization: what it contains, how far processing
         *     has come and, once it has finished, which items succeeded and which failed.
         *
         *     Create operations (invoices, payments, corrections) answer `202 Accepted`
         *     with a batch reference. Poll this operation until `status` leaves `QUEUED`
         *     and reaches `SUCCESS`, `PARTIAL` or `FAILED`, or wait for the
         *     `BATCH_COMPLETED` webhook instead.
         */
        get: operations["GetBatchById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/invoices/{invoiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
                /**
                 * @description The invoice (Amili's id for it, a UUID).
                 * @example 7073c4a6-24b4-4059-9653-58cb3a64e377
                 */
                invoiceId: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        /**
         * Get an invoice
         * @description Returns one invoice the organization has sent to Amili, with its claims
         *     (principal, fees, interest), its debtors and the amounts still owed, paid
         *     and credited.
         */
        get: operations["GetInvoiceById"];
        put?: never;
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
        /**
         * @description Status information that Amili wraps around every response body. List
         *     responses carry the cursor for the next page here; single-object responses
         *     show `nextPageToken` too.
         */
        ResponseSummary: {
            /**
             * @description Outcome of the request. Amili shows `SUCCESS` and publishes no other values.
             * @example SUCCESS
             */
            status?: string;
            /** @description Cursor for the next page; pass it as the page token of the next call. Missing or null on the last page. */
            nextPageToken?: string | null;
        };
        /**
         * @description What the batch contains. Amili shows `NONE` and `INVOICE`; batches of
         *     payments and corrections exist, but Amili names no values for them.
         * @enum {string}
         */
        BatchType: "NONE" | "INVOICE";
        /**
         * @description Processing state. A batch starts `QUEUED`; `SUCCESS` (every item
         *     processed), `PARTIAL` (some failed) and `FAILED` (none processed) are final.
         * @enum {string}
         */
        BatchStatus: "QUEUED" | "SUCCESS" | "PARTIAL" | "FAILED";
        /**
         * @description An item the batch processed. Amili shows this shape for invoice batches;
         *     items of other batch types may carry other fields.
         */
        BatchSucceededItem: {
            /**
             * Format: uuid
             * @description Amili's id of the created invoice.
             */
            invoiceId?: string;
            /** @description The creditor's invoice number, as sent. */
            invoiceNumber?: string;
            /** @description Number of the collection case the invoice was placed in. */
            caseNumber?: string;
        };
        /** @description An item the batch could not process. */
        BatchFailedItem: {
            [key: string]: unknown;
        };
        /**
         * @description A unit of asynchronous work created by a create operation. It starts
         *     `QUEUED` and ends `SUCCESS`, `PARTIAL` or `FAILED`; then `succeeded` and
         *     `failed` say what happened to each item.
         */
        Batch: {
            /**
             * Format: uuid
             * @description The batch's id.
             */
            batchId?: string;
            type?: components["schemas"]["BatchType"];
            status?: components["schemas"]["BatchStatus"];
            /**
             * Format: date-time
             * @description When the batch was created (UTC).
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description When processing finished (UTC); empty while the batch is `QUEUED`.
             */
            finishedAt?: string | null;
            /**
             * Format: uuid
             * @description The creditor organization that owns the batch.
             */
            organizationId?: string;
            /**
             * Format: uuid
             * @description The API client or user that created the batch.
             */
            createdBy?: string;
            /** @description The items that were processed. */
            succeeded?: components["schemas"]["BatchSucceededItem"][];
            /** @description The items that could not be processed. */
            failed?: components["schemas"]["BatchFailedItem"][];
        };
        /** @description One batch in Amili's response envelope. */
        BatchResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Batch"];
        };
        /** @description An error, as RFC 9457 problem details. */
        Problem: {
            /** @description A URI reference that identifies the kind of problem. */
            type?: string;
            /** @description A short summary of the kind of problem. */
            title?: string;
            /** @description The HTTP status code. */
            status?: number;
            /** @description What went wrong in this occurrence. */
            detail?: string;
            /** @description A URI reference to this occurrence. */
            instance?: string;
            /** @description Id to quote to Amili's support. */
            traceId?: string;
            /** @description Validation messages by field name. */
            errors?: {
                [key: string]: string[];
            };
        } & {
            [key: string]: unknown;
        };
        /** @description The creditor organization an object belongs to. */
        OrganizationSummary: {
            /**
             * Format: uuid
             * @description Amili's id of the organization.
             */
            id?: string;
            /** @description The Norwegian organization number (9 digits). */
            organizationNumber?: string;
            /** @description The organization's name. */
            name?: string;
        };
        /**
         * @description How collection of the invoice starts: `NOTICE` goes straight to a debt
         *     collection notice (inkassovarsel), `PAYMENT_REMINDER` starts with a payment
         *     reminder. Amili shows these two values and publishes no complete list.
         * @enum {string}
         */
        InvoiceType: "NOTICE" | "PAYMENT_REMINDER";
        /**
         * @description State of the invoice. Amili shows `OPEN` and publishes no complete list.
         * @enum {string}
         */
        InvoiceStatus: "OPEN";
        /**
         * @description Kind of claim. Amili shows `PRINCIPAL` and publishes no complete list.
         * @enum {string}
         */
        ClaimType: "PRINCIPAL";
        /** @description One claim of an invoice, such as its principal, with what is owed and what has been paid on it. */
        Claim: {
            type?: components["schemas"]["ClaimType"];
            /** @description The claim's original amount. */
            originalAmount?: number;
            /** @description The claim's current amount. */
            currentAmount?: number;
            /** @description What is left to pay on the claim. */
            remainingAmount?: number;
            /** @description What has been paid on the claim. */
            paidAmount?: number;
            /** @description What has been credited on the claim. */
            creditedAmount?: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency?: string;
            /**
             * Format: uuid
             * @description The invoice the claim belongs to.
             */
            invoiceId?: string;
        };
        /**
         * @description Kind of debtor. Amili shows `PRIVATE` and publishes no complete list.
         * @enum {string}
         */
        DebtorType: "PRIVATE";
        /** @description An e-mail address. */
        EmailAddress: {
            /** @description The address. */
            value?: string;
        };
        /** @description A phone number, as given and as normalised by Amili. */
        PhoneNumber: {
            /** @description Country calling code, such as `+47`. */
            countryCode?: string;
            /** @description The number as the creditor sent it. */
            originalValue?: string;
            /** @description The number as Amili normalised it. */
            value?: string;
        };
        /** @description A postal address. */
        PostalAddress: {
            /** @description Street and house number. */
            street?: string;
            /** @description Postal town. */
            city?: string;
            /** @description Postal code (4 digits in Norway). */
            zipCode?: string;
            /** @description ISO 3166-1 alpha-2 country code, such as `NO`. */
            countryCode?: string;
        };
        /** @description A person or company that owes an invoice. */
        Debtor: {
            type?: components["schemas"]["DebtorType"];
            /** @description First name of a private debtor. */
            firstname?: string;
            /** @description Last name of a private debtor. */
            lastname?: string;
            /** @description Full name of the debtor. */
            name?: string;
            /** @description The creditor's customer number for the debtor. */
            customerNumber?: string;
            /** @description National identity number (fødselsnummer) of a private debtor. */
            identificationNumber?: string;
            /** @description Organization number of a company debtor. */
            organizationNumber?: string;
            /**
             * Format: date
             * @description Date of birth of a private debtor.
             */
            dateOfBirth?: string;
            /** @description The debtor's e-mail addresses. */
            emails?: components["schemas"]["EmailAddress"][];
            /** @description The debtor's phone numbers. */
            phoneNumbers?: components["schemas"]["PhoneNumber"][];
            /** @description The debtor's postal addresses. */
            addresses?: components["schemas"]["PostalAddress"][];
        };
        /**
         * @description An invoice the creditor has sent to Amili, with its claims, its debtors and
         *     what remains to be paid. Amounts are in `currency`.
         */
        Invoice: {
            /**
             * Format: uuid
             * @description Amili's id of the invoice.
             */
            id?: string;
            organization?: components["schemas"]["OrganizationSummary"];
            /** @description The creditor's invoice number. */
            invoiceNumber?: string;
            /** @description Number of the collection case the invoice belongs to. */
            collectionCaseNumber?: string;
            type?: components["schemas"]["InvoiceType"];
            status?: components["schemas"]["InvoiceStatus"];
            /**
             * Format: date-time
             * @description When Amili registered the invoice (UTC).
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description When the invoice was closed (UTC); empty while it is open.
             */
            closedAt?: string | null;
            /** @description The amount of the original invoice. */
            originalInvoiceAmount?: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency?: string;
            /**
             * Format: date-time
             * @description The invoice's issue date.
             */
            invoiceDate?: string;
            /**
             * Format: date-time
             * @description The invoice's original due date.
             */
            dueDate?: string;
            /** @description The payment reference (KID) the debtor pays with. */
            ocrReferenceNumber?: string;
            /** @description The creditor's own unique id for the invoice, such as an ERP order id. */
            uniqueSourceInvoiceId?: string;
            /** @description The claims the invoice is made of (principal, fees, interest). */
            claims?: components["schemas"]["Claim"][];
            /** @description Who owes the invoice. */
            debtors?: components["schemas"]["Debtor"][];
            /** @description The amount currently claimed, fees and interest included. */
            currentAmount?: number;
            /** @description What is left to pay. */
            remainingAmount?: number;
            /** @description What has been paid. */
            paidAmount?: number;
            /** @description What has been credited. */
            creditedAmount?: number;
        };
        /** @description One invoice in Amili's response envelope. */
        InvoiceResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Invoice"];
        };
    };
    responses: {
        /** @description The request is malformed, for example a path id that is not a UUID. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "The value 'INV-2025-001' is not valid for invoiceId.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The access token is missing, expired or invalid. Fetch a new token and try again. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "The access token has expired.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The client is not allowed to act for this organization or lacks the scope the operation needs. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "The client has no access to organization 0d87bfbd-f478-451c-aa73-91c208ce3e09.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The organization or the object does not exist, or the client cannot see it. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "Invoice 7073c4a6-24b4-4059-9653-58cb3a64e377 was not found.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the current state, for example a duplicate `uniqueSourceInvoiceId`. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "An invoice with uniqueSourceInvoiceId 'ORDER-100234' already exists.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is well formed but its content is not valid. */
        UnprocessableEntity: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.21",
                 *       "title": "Unprocessable Entity",
                 *       "status": 422,
                 *       "detail": "dueDate must not be before invoiceDate.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests. Wait as long as `Retry-After` says, then try again. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc6585#section-4",
                 *       "title": "Too Many Requests",
                 *       "status": 429,
                 *       "detail": "Rate limit exceeded. Try again in 30 seconds.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Amili failed to handle the request. Safe to retry a read; retry a create only with the same idempotency key. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.6.1",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "An unexpected error occurred.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The service is down or overloaded. Try again later, after `Retry-After` if given. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                 *       "title": "Service Unavailable",
                 *       "status": 503,
                 *       "detail": "The service is temporarily unavailable.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description The creditor organization (Amili's id for it, a UUID).
         * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
         */
        OrganizationId: string;
        /**
         * @description The batch, as returned in `batchId` by a create operation.
         * @example ae257e86-dc53-4865-9c97-5b125a3a5ac2
         */
        BatchId: string;
        /**
         * @description The invoice (Amili's id for it, a UUID).
         * @example 7073c4a6-24b4-4059-9653-58cb3a64e377
         */
        InvoiceId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description How long to wait before trying again, in seconds or as an HTTP date.
         * @example 30
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    GetBatchById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
                /**
                 * @description The batch, as returned in `batchId` by a create operation.
                 * @example ae257e86-dc53-4865-9c97-5b125a3a5ac2
                 */
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    GetInvoiceById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
                /**
                 * @description The invoice (Amili's id for it, a UUID).
                 * @example 7073c4a6-24b4-4059-9653-58cb3a64e377
                 */
                invoiceId: components["parameters"]["InvoiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invoice. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
