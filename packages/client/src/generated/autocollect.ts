// Generated from the "autocollect@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
export interface paths {
    "/orgs/{organizationId}/batches": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * List batches
         * @description Lists the organization's batches, a page at a time, optionally filtered.
         *     Follow `summary.nextPageToken` to read the next page.
         */
        get: operations["GetBatchesByOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The batch, as returned in `batchId` by a create operation.
                 * @example ae257e86-dc53-4865-9c97-5b125a3a5ac2
                 */
                batchId: components["parameters"]["BatchId"];
            };
            cookie?: never;
        };
        /**
         * Get a batch (legacy path)
         * @deprecated
         * @description The older, organization-less path to a batch, which Amili marks "to be
         *     removed". Use GetBatchById (`/orgs/{organizationId}/batches/{batchId}`).
         */
        get: operations["GetBatchByIdLegacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * List invoices
         * @description Lists the invoices the organization has sent to Amili, a page at a time,
         *     optionally filtered. Follow `summary.nextPageToken` to read the next page.
         */
        get: operations["GetInvoicesByOrganization"];
        put?: never;
        /**
         * Send invoices to collection
         * @description Hands unpaid invoices to Amili for reminders and debt collection. The
         *     invoices are processed asynchronously as one batch: the answer is `202
         *     Accepted` with a batch reference. Poll GetBatchById until the batch is
         *     `SUCCESS`, `PARTIAL` or `FAILED`, or wait for the `BATCH_COMPLETED` webhook;
         *     the batch lists each created invoice with its id and case number.
         *
         *     Send an `IdempotencyKey` so that retrying after a lost response does not
         *     send the invoices twice.
         */
        post: operations["CreateInvoices"];
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
    "/orgs/{organizationId}/invoices/{invoiceId}/resume": {
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
        get?: never;
        put?: never;
        /**
         * Resume an invoice
         * @deprecated
         * @description Resumes collection of a paused invoice. Amili's oldest documentation shows
         *     this action as "Resume invoice": path parameters only, `202 Accepted` with
         *     no body, and `400` among its errors (it calls the organization parameter
         *     `orgId`, which does not change the URL). Later generations act on cases
         *     instead: use `ResumeCase`. Amili names no operationId for it; this one
         *     follows Amili's later names.
         */
        post: operations["ResumeInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register direct payments
         * @description Registers payments a debtor made to you directly, so that Amili reduces
         *     what it collects. Amili's introduction calls registering them mandatory. The payments are
         *     processed asynchronously as one batch: the answer is `202 Accepted` with a
         *     batch reference to follow.
         *
         *     Send an `IdempotencyKey` so that retrying after a lost response does not
         *     register a payment twice.
         */
        post: operations["CreatePayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Correct invoice amounts
         * @description Changes what is owed on invoices in collection, for example after a credit
         *     note. The corrections are processed asynchronously as one batch: the answer
         *     is `202 Accepted` with a batch reference to follow.
         *
         *     Amili's page names the path parameter `orgId`; it is the same organization
         *     id as `organizationId` everywhere else.
         */
        post: operations["CreateCorrections"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * List collection cases
         * @description Lists the organization's collection cases, a page at a time, optionally
         *     filtered. Follow `summary.nextPageToken` to read the next page.
         */
        get: operations["GetCasesByOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/accept-debt-collection-list": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept a case for debt collection
         * @description Approves moving the case to debt collection (inkasso). Cases wait for this
         *     while their `subStatus` is `DEBT_COLLECTION_LIST_MANUAL`.
         */
        post: operations["AcceptDebtCollectionList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/reject-debt-collection-list": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a case for debt collection
         * @description Declines moving the case to debt collection (inkasso) while it waits on the
         *     debt collection list (`subStatus` `DEBT_COLLECTION_LIST_MANUAL`).
         */
        post: operations["RejectDebtCollectionList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/pause": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a case
         * @description Pauses collection of the case: no further reminders or notices until it is
         *     resumed. A `CASE_UPDATED` webhook reports the new status.
         */
        post: operations["PauseCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/withdraw": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a case
         * @description Withdraws the case from collection, for example after the debtor settled
         *     with you. A `CASE_UPDATED` webhook reports the new status.
         */
        post: operations["WithdrawCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/resume": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a case
         * @description Resumes collection of a paused case. A `CASE_UPDATED` webhook reports the
         *     new status.
         */
        post: operations["ResumeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/accept-eviction-request": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an eviction request
         * @description Agrees that Amili asks for the eviction (utkastelse) of a tenant for unpaid
         *     rent on this case.
         */
        post: operations["AcceptEvictionRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/reject-eviction-request": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an eviction request
         * @description Declines that Amili asks for the eviction (utkastelse) of a tenant for
         *     unpaid rent on this case.
         */
        post: operations["RejectEvictionRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/accept-eviction-confirmation": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an eviction
         * @description Confirms that the eviction (utkastelse) on this case goes ahead.
         */
        post: operations["AcceptEvictionConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/cases/{caseId}/reject-eviction-confirmation": {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop an eviction
         * @description Declines to confirm the eviction (utkastelse) on this case, so it does not
         *     go ahead.
         */
        post: operations["RejectEvictionConfirmation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        /**
         * List settlements
         * @description Lists what Amili has collected and settled with the organization, a page at
         *     a time. Note the camelCase query parameters, unlike the other lists.
         */
        get: operations["GetSettlements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{organizationId}/settlements/{settlementId}": {
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
                 * @description The settlement, as announced by the `SETTLEMENT_CREATED` webhook.
                 * @example 93a9c4e4-a821-4e66-9a80-9a382825964a
                 */
                settlementId: components["parameters"]["SettlementId"];
            };
            cookie?: never;
        };
        /**
         * Get a settlement
         * @description Returns one settlement, typically after a `SETTLEMENT_CREATED` webhook named
         *     it. Amili titles this operation "GetSettlement on Id".
         */
        get: operations["GetSettlementById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    BATCH_COMPLETED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Batch completed
         * @description Sent when a batch has finished processing, with how it ended (`SUCCESS`,
         *     `PARTIAL` or `FAILED`). Read the batch with GetBatchById to see which items
         *     failed. The event name is in `type`.
         *
         *     Amili POSTs the event as JSON to the endpoint configured for you, with the
         *     headers below. Verify `X-Webhook-Signature` on the raw body before trusting
         *     it, and use `IdempotencyKey` to drop repeated deliveries.
         */
        post: operations["BATCH_COMPLETED"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    SETTLEMENT_CREATED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Settlement created
         * @description Sent when Amili has made a settlement for an invoice. Read it with
         *     GetSettlementById. The event name is in `type`.
         *
         *     Amili POSTs the event as JSON to the endpoint configured for you, with the
         *     headers below. Verify `X-Webhook-Signature` on the raw body before trusting
         *     it, and use `IdempotencyKey` to drop repeated deliveries.
         */
        post: operations["SETTLEMENT_CREATED"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    CASE: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case created
         * @description Sent when Amili opens a collection case for your invoices. The event name
         *     is in `eventType` (not `type`), and the organization in `orgId`.
         *
         *     Amili POSTs the event as JSON to the endpoint configured for you, with the
         *     headers below. Verify `X-Webhook-Signature` on the raw body before trusting
         *     it, and use `IdempotencyKey` to drop repeated deliveries.
         */
        post: operations["CASE"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    CASE_UPDATED: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Case updated
         * @description Sent when a collection case changes; `data.fields` names what changed. The
         *     event name is in `eventType` (not `type`), and the organization in `orgId`.
         *
         *     Amili POSTs the event as JSON to the endpoint configured for you, with the
         *     headers below. Verify `X-Webhook-Signature` on the raw body before trusting
         *     it, and use `IdempotencyKey` to drop repeated deliveries.
         */
        post: operations["CASE_UPDATED"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description Processing state. A batch starts `QUEUED`; `SUCCESS` (every item
         *     processed), `PARTIAL` (some failed) and `FAILED` (none processed) are final.
         * @enum {string}
         */
        BatchStatus: "QUEUED" | "SUCCESS" | "PARTIAL" | "FAILED";
        /**
         * @description What the batch contains. Amili shows `NONE` and `INVOICE`; batches of payments and
         *     corrections exist, but Amili names no values for them, so `PAYMENT` and `CORRECTION`
         *     are guesses. Each create's `x-batch` names the type of the batch it makes.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        BatchType: "NONE" | "INVOICE" | "PAYMENT" | "CORRECTION" | (string & {});
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
            status: string;
            /** @description Cursor for the next page; pass it as the page token of the next call. Missing or null on the last page. */
            nextPageToken?: string | null;
        };
        /**
         * @description An item the batch processed. Amili shows this shape for invoice batches;
         *     items of other batch types may carry other fields.
         */
        BatchSucceededItem: {
            /**
             * Format: uuid
             * @description Amili's id of the created invoice.
             */
            invoiceId: string;
            /** @description The creditor's invoice number, as sent. */
            invoiceNumber: string;
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
            batchId: string;
            type: components["schemas"]["BatchType"];
            status: components["schemas"]["BatchStatus"];
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
            organizationId: string;
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
        /** @description A page of batches in Amili's response envelope. Pass `summary.nextPageToken` back to get the next page. */
        BatchListResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Batch"][];
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
        /** @description One batch in Amili's response envelope. */
        BatchResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Batch"];
        };
        /**
         * @description State of the invoice. Amili shows `OPEN`.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        InvoiceStatus: "OPEN" | (string & {});
        /**
         * @description How collection of the invoice starts, as a request names it: `NOTICE` goes straight to
         *     a debt collection notice (inkassovarsel), `PAYMENT_REMINDER` starts with a payment
         *     reminder. A request sends one of the values Amili shows; what Amili sends back may be
         *     another (see `InvoiceType`).
         * @enum {string}
         */
        KnownInvoiceType: "NOTICE" | "PAYMENT_REMINDER";
        /** @description The creditor organization an object belongs to. */
        OrganizationSummary: {
            /**
             * Format: uuid
             * @description Amili's id of the organization.
             */
            id: string;
            /** @description The Norwegian organization number (9 digits). */
            organizationNumber: string;
            /** @description The organization's name. */
            name?: string;
        };
        /**
         * @description How collection of the invoice starts: `NOTICE` goes straight to a debt collection
         *     notice (inkassovarsel), `PAYMENT_REMINDER` starts with a payment reminder.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        InvoiceType: "NOTICE" | "PAYMENT_REMINDER" | (string & {});
        /**
         * @description Kind of claim. Amili shows `PRINCIPAL`; invoices also carry fees and interest, whose
         *     claim types Amili has not shown.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        ClaimType: "PRINCIPAL" | (string & {});
        /** @description One claim of an invoice, such as its principal, with what is owed and what has been paid on it. */
        Claim: {
            type: components["schemas"]["ClaimType"];
            /** @description The claim's original amount. */
            originalAmount: number;
            /** @description The claim's current amount. */
            currentAmount: number;
            /** @description What is left to pay on the claim. */
            remainingAmount: number;
            /** @description What has been paid on the claim. */
            paidAmount: number;
            /** @description What has been credited on the claim. */
            creditedAmount: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency: string;
            /**
             * Format: uuid
             * @description The invoice the claim belongs to.
             */
            invoiceId: string;
        };
        /**
         * @description Kind of debtor, as a request names it: `PRIVATE`, a person. Amili has not shown the
         *     value for a company: leave `type` out for one, and give its `name` and
         *     `organizationNumber`.
         * @enum {string}
         */
        KnownDebtorType: "PRIVATE";
        /**
         * @description Kind of debtor. Amili shows `PRIVATE`; a debtor with an `organizationNumber` is a
         *     company, whose type Amili has not shown.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        DebtorType: "PRIVATE" | (string & {});
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
            id: string;
            organization: components["schemas"]["OrganizationSummary"];
            /** @description The creditor's invoice number. */
            invoiceNumber: string;
            /** @description Number of the collection case the invoice belongs to. */
            collectionCaseNumber: string;
            type: components["schemas"]["InvoiceType"];
            status: components["schemas"]["InvoiceStatus"];
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
            originalInvoiceAmount: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency: string;
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
            currentAmount: number;
            /** @description What is left to pay. */
            remainingAmount: number;
            /** @description What has been paid. */
            paidAmount: number;
            /** @description What has been credited. */
            creditedAmount: number;
        };
        /** @description A page of invoices in Amili's response envelope. Pass `summary.nextPageToken` back to get the next page. */
        InvoiceListResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Invoice"][];
        };
        /** @description A date (`2025-01-15`) or a date-time (`2025-01-15T00:00:00Z`). */
        DateOrDateTime: string;
        /** @description A person who owes an invoice, known by first and last name. */
        NewPrivateDebtor: WithRequired<components["schemas"]["Debtor"], "firstname" | "lastname">;
        /** @description A company that owes an invoice, known by its name and organization number. */
        NewCompanyDebtor: WithRequired<components["schemas"]["Debtor"], "name" | "organizationNumber">;
        /**
         * @description A person or company that owes an invoice, as a request gives it: a person by
         *     `firstname` and `lastname`, a company by `name` and `organizationNumber`. What Amili
         *     answers with is `Debtor`.
         */
        NewDebtor: {
            type?: components["schemas"]["KnownDebtorType"];
        } & (components["schemas"]["NewPrivateDebtor"] | components["schemas"]["NewCompanyDebtor"]);
        /**
         * @description An unpaid invoice to hand to Amili. Amili's page shows only the start of its
         *     example; the fields after `description` (the debtor above all) are not
         *     documented, and neither is which fields are required.
         */
        NewInvoice: {
            type?: components["schemas"]["KnownInvoiceType"];
            /** @description Your invoice number. */
            invoiceNumber: string;
            /** @description A flag whose meaning Amili does not document; presumably whether the amount includes VAT. */
            vat?: boolean;
            /** @description A flag whose meaning Amili does not document; presumably whether Amili may add statutory fees. */
            fees?: boolean;
            /** @description The amount of the original invoice. */
            originalInvoiceAmount: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency: string;
            invoiceDate: components["schemas"]["DateOrDateTime"];
            dueDate: components["schemas"]["DateOrDateTime"];
            /** @description When the debt collection notice (inkassovarsel) was sent, if you sent it yourself. */
            collectionNoticeDate?: components["schemas"]["DateOrDateTime"] | null;
            /** @description Your own unique id for the invoice, such as an ERP order id; Amili refuses a second invoice with the same id. */
            uniqueSourceInvoiceId?: string;
            /** @description What the invoice is for, as the debtor will see it. */
            description?: string;
            /** @description The payment reference (KID) the debtor pays with. */
            ocrReferenceNumber?: string;
            /** @description Who owes the invoice, at least one. */
            debtors: components["schemas"]["NewDebtor"][];
        };
        /** @description Invoices to send to Amili. They are processed together as one batch. */
        CreateInvoicesRequest: {
            invoices: components["schemas"]["NewInvoice"][];
        };
        /** @description Where to follow an accepted create request. Read the batch with GetBatchById (or `batchUrl`) until it finishes. */
        BatchReference: {
            /**
             * Format: uuid
             * @description The batch that will process the request.
             */
            batchId: string;
            /**
             * Format: uri
             * @description Absolute URL of the batch.
             */
            batchUrl?: string;
        };
        /** @description Amili's answer to an accepted create request, in its response envelope. */
        BatchReferenceResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["BatchReference"];
        };
        /** @description One invoice in Amili's response envelope. */
        InvoiceResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Invoice"];
        };
        /**
         * @description Kind of payment, as a request names it: `DIRECT_PAYMENT` (paid to the creditor, not to
         *     Amili), the one value Amili shows.
         * @enum {string}
         */
        PaymentType: "DIRECT_PAYMENT";
        /**
         * @description A payment made directly to the creditor. Amili's example is cut off after
         *     `currency`, so further fields (payment date, reference) are not documented.
         */
        NewPayment: {
            /**
             * Format: uuid
             * @description The invoice the payment is for.
             */
            invoiceId: string;
            type?: components["schemas"]["PaymentType"];
            /** @description The amount paid. */
            amount: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency: string;
        };
        /** @description Payments the debtor made to you directly, to register against invoices in collection. They are processed together as one batch. */
        CreatePaymentsRequest: {
            payments: components["schemas"]["NewPayment"][];
        };
        /** @description A change to what is owed on an invoice. Amili does not say which fields are required or whether a reduction is a negative amount. */
        NewCorrection: {
            /**
             * Format: uuid
             * @description The invoice to correct.
             */
            invoiceId: string;
            /** @description The amount of the correction. */
            amount: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency: string;
            /**
             * Format: date-time
             * @description When the correction applies.
             */
            date?: string;
            /** @description Why the amount changes. */
            description?: string;
        };
        /** @description Corrections to the amounts of invoices in collection. They are processed together as one batch. */
        CreateCorrectionsRequest: {
            corrections: components["schemas"]["NewCorrection"][];
        };
        /**
         * @description State of the case. Amili shows `OPEN`, and `PAUSED` in a `CASE_UPDATED` webhook.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        CaseStatus: "OPEN" | "PAUSED" | (string & {});
        /**
         * @description Stage the case is collected in. Amili shows `PAYMENT_REMINDER` on cases and
         *     `COLLECTION_NOTICE` in case webhooks.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        CaseType: "PAYMENT_REMINDER" | "COLLECTION_NOTICE" | (string & {});
        /**
         * @description Where an open case stands. Amili shows `DEBT_COLLECTION_LIST_MANUAL` (the case waits
         *     for you to accept or reject it on the debt collection list).
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        CaseSubStatus: "DEBT_COLLECTION_LIST_MANUAL" | (string & {});
        /** @description An invoice as part of a collection case, with what is owed on it. */
        CaseInvoice: {
            /**
             * Format: uuid
             * @description Amili's id of the invoice.
             */
            invoiceId: string;
            /** @description The creditor's invoice number. */
            invoiceNumber: string;
            /**
             * Format: uuid
             * @description The case the invoice belongs to.
             */
            caseId: string;
            invoiceDate?: components["schemas"]["DateOrDateTime"];
            dueDate?: components["schemas"]["DateOrDateTime"];
            /**
             * Format: uuid
             * @description The batch that created the invoice.
             */
            batchId?: string;
            /**
             * Format: date-time
             * @description When Amili registered the invoice (UTC).
             */
            registeredAt?: string;
            /** @description The invoice's original amount. */
            originalAmount: number;
            /** @description What is left to pay, fees and interest included. */
            remainingAmount: number;
            /** @description What is left of the principal. */
            remainingPrincipal: number;
            /** @description The creditor's own unique id for the invoice. */
            uniqueSourceInvoiceId?: string;
            /** @description What has been paid. */
            paidAmount: number;
            /** @description What has been credited. */
            creditedAmount: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency?: string;
        };
        /** @description A debtor of a collection case. Amili's example is cut off after `fullName`. */
        CaseDebtor: {
            /**
             * Format: uuid
             * @description Amili's id of the debtor.
             */
            debtorId: string;
            type: components["schemas"]["DebtorType"];
            /** @description Amili's number of the debtor. */
            debtorNumber: string;
            /** @description The creditor's customer number for the debtor. */
            customerNumber: string;
            /** @description First name of a private debtor. */
            firstName?: string;
            /** @description Last name of a private debtor. */
            lastName?: string;
            /** @description Full name of the debtor. */
            fullName?: string;
        };
        /** @description A collection case. Amili opens one for the invoices it collects from one debtor. */
        Case: {
            /**
             * Format: uuid
             * @description Amili's id of the case.
             */
            caseId: string;
            /** @description The case number the debtor sees. */
            caseNumber: number;
            /**
             * Format: uuid
             * @description The creditor organization.
             */
            organizationId: string;
            /** @description Amili's id of the creditor. */
            creditorId?: string;
            /** @description Amili's number of the creditor. */
            creditorNumber?: string;
            status: components["schemas"]["CaseStatus"];
            subStatus?: components["schemas"]["CaseSubStatus"];
            type: components["schemas"]["CaseType"];
            /** @description What the case is about. */
            description?: string;
            /**
             * Format: date-time
             * @description When Amili opened the case (UTC).
             */
            registeredAt?: string;
            /**
             * Format: date-time
             * @description When the case was closed (UTC); empty while it is open.
             */
            closedAt?: string | null;
            /** @description Token that identifies the case, for instance in links to the debtor portal. */
            caseToken?: string;
            /** @description The invoices collected in the case. */
            invoices?: components["schemas"]["CaseInvoice"][];
            /** @description Who owes the case. */
            debtors?: components["schemas"]["CaseDebtor"][];
        };
        /** @description A page of cases in Amili's response envelope. Pass `summary.nextPageToken` back to get the next page. */
        CaseListResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Case"][];
        };
        /**
         * @description Stage the money was collected in. Amili shows `REMINDER`.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        SettlementCollectionType: "REMINDER" | (string & {});
        /**
         * @description Money Amili has collected and settles with you for one case. Amili's
         *     examples are cut off after the fields below.
         */
        Settlement: {
            /** @description The case the settlement is for. */
            caseNumber: string | number;
            collectionType: components["schemas"]["SettlementCollectionType"];
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency?: string;
            /** @description Your reference for the debtor (customer number). */
            customerReference?: string;
            /** @description Exchange rate applied when the case is in another currency than the settlement. */
            exchangeRate?: number;
        };
        /** @description A page of settlements in Amili's response envelope. Pass `summary.nextPageToken` back to get the next page. */
        SettlementListResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Settlement"][];
        };
        /** @description One settlement in Amili's response envelope. */
        SettlementResponse: {
            summary: components["schemas"]["ResponseSummary"];
            data: components["schemas"]["Settlement"];
        };
        /**
         * @description The events Amili sends.
         * @enum {string}
         */
        WebhookEventName: "BATCH_COMPLETED" | "SETTLEMENT_CREATED" | "CASE" | "CASE_UPDATED";
        /**
         * @description The Amili product that sent the event. Amili shows `COLLECTION`.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        WebhookSource: "COLLECTION" | (string & {});
        /** @description A batch has finished processing. Its event name is in `type`. */
        BatchCompletedEvent: {
            /**
             * Format: uuid
             * @description The event's id.
             */
            id: string;
            /**
             * @description The event's name.
             * @constant
             */
            type: "BATCH_COMPLETED";
            source?: components["schemas"]["WebhookSource"];
            /**
             * Format: date-time
             * @description When the event happened (UTC). Note the capital S.
             */
            timeStamp?: string;
            data: {
                /**
                 * Format: uuid
                 * @description The batch that finished.
                 */
                batchId: string;
                /**
                 * Format: uuid
                 * @description The creditor organization that owns the batch.
                 */
                organizationId: string;
                /**
                 * @description How the batch ended.
                 * @enum {string}
                 */
                status: "SUCCESS" | "PARTIAL" | "FAILED";
            };
        };
        /** @description Amili has made a settlement. Read it with GetSettlementById. Its event name is in `type`. */
        SettlementCreatedEvent: {
            /**
             * Format: uuid
             * @description The event's id.
             */
            id: string;
            /**
             * @description The event's name.
             * @constant
             */
            type: "SETTLEMENT_CREATED";
            source?: components["schemas"]["WebhookSource"];
            /**
             * Format: date-time
             * @description When the event happened (UTC). Note the capital S.
             */
            timeStamp?: string;
            data: {
                /**
                 * Format: uuid
                 * @description The new settlement.
                 */
                settlementId: string;
                /**
                 * Format: uuid
                 * @description The creditor organization.
                 */
                organizationId: string;
                /**
                 * Format: date
                 * @description The settlement's date.
                 */
                settlementDate?: string;
                /**
                 * Format: uuid
                 * @description The invoice the money was collected for.
                 */
                invoiceId: string;
                /** @description The creditor's invoice number. */
                invoiceNumber: string;
                /** @description The collection case's number. */
                caseNumber: string;
            };
        };
        /** @description The case an event is about. Note `orgId`, where other payloads say `organizationId`, and `caseNumber` as a string. */
        CaseEventData: {
            /**
             * Format: uuid
             * @description The creditor organization.
             */
            orgId: string;
            /**
             * Format: uuid
             * @description The case.
             */
            caseId: string;
            /** @description The case number the debtor sees. */
            caseNumber: string;
            type: components["schemas"]["CaseType"];
            status: components["schemas"]["CaseStatus"];
            /** @description Ids of the invoices in the case. */
            invoices?: string[];
        };
        /** @description A collection case was created. Its event name is in `eventType`, not `type`. */
        CaseEvent: {
            /**
             * Format: uuid
             * @description The event's id.
             */
            id: string;
            /**
             * @description The event's name.
             * @constant
             */
            eventType: "CASE";
            source?: components["schemas"]["WebhookSource"];
            /**
             * Format: date-time
             * @description When the event happened (UTC). Note the capital S.
             */
            timeStamp?: string;
            data: components["schemas"]["CaseEventData"];
        };
        /** @description A collection case changed; `data.fields` names what changed. Its event name is in `eventType`, not `type`. */
        CaseUpdatedEvent: {
            /**
             * Format: uuid
             * @description The event's id.
             */
            id: string;
            /**
             * @description The event's name.
             * @constant
             */
            eventType: "CASE_UPDATED";
            source?: components["schemas"]["WebhookSource"];
            /**
             * Format: date-time
             * @description When the event happened (UTC). Note the capital S.
             */
            timeStamp?: string;
            data: components["schemas"]["CaseEventData"] & {
                /** @description What changed. Amili shows `amounts`, `status`, `type` and `description`, and publishes no complete list. */
                fields?: ("amounts" | "status" | "type" | "description" | (string & {}))[];
            };
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
        /** @description The resource is locked, for example while a settlement run is in progress. Try again later. */
        Locked: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc4918#section-11.3",
                 *       "title": "Locked",
                 *       "status": 423,
                 *       "detail": "Settlements are being prepared. Try again later.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The server does not support what the request asks for. */
        NotImplemented: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.6.2",
                 *       "title": "Not Implemented",
                 *       "status": 501,
                 *       "detail": "The requested filter is not supported.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A service behind the API failed. Safe to retry a read. */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.6.3",
                 *       "title": "Bad Gateway",
                 *       "status": 502,
                 *       "detail": "The settlement service did not answer.",
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
         * @description Cursor from `summary.nextPageToken` of the previous page; leave out for the first page.
         * @example eyJvZmZzZXQiOjUwfQ
         */
        PageToken: string;
        /**
         * @description How many items a page holds at most. Amili documents neither the default nor the maximum.
         * @example 50
         */
        PageSize: number;
        /**
         * @description The batch, as returned in `batchId` by a create operation.
         * @example ae257e86-dc53-4865-9c97-5b125a3a5ac2
         */
        BatchId: string;
        /**
         * @description A unique value for this create request, such as a UUID. Send the same key
         *     when you retry the same request, so that a retry after a lost response does
         *     not create the invoices, payments or corrections twice. Batches can be
         *     looked up by it (`GetBatchesByOrganization?IdempotencyKey=`).
         * @example 5b8f0f7e-3c1a-4d7e-9a51-2f4c8e6b1d90
         */
        IdempotencyKey: string;
        /**
         * @description The invoice (Amili's id for it, a UUID).
         * @example 7073c4a6-24b4-4059-9653-58cb3a64e377
         */
        InvoiceId: string;
        /**
         * @description The collection case (Amili's id for it, a UUID).
         * @example 4f6dd45f-cd32-4530-843d-b278387ae272
         */
        CaseId: string;
        /**
         * @description How many items a page holds at most. Amili documents neither the default nor the maximum.
         * @example 50
         */
        SettlementPageSize: number;
        /**
         * @description Cursor from `summary.nextPageToken` of the previous page; leave out for the first page.
         * @example eyJvZmZzZXQiOjUwfQ
         */
        SettlementPageToken: string;
        /**
         * @description The settlement, as announced by the `SETTLEMENT_CREATED` webhook.
         * @example 93a9c4e4-a821-4e66-9a80-9a382825964a
         */
        SettlementId: string;
        /**
         * @description The event's name, for routing a delivery before reading its body.
         * @example BATCH_COMPLETED
         */
        WebhookEvent: components["schemas"]["WebhookEventName"];
        /**
         * @description Unique per event. Amili may deliver an event more than once; drop deliveries whose key you have already handled.
         * @example 2c9d7a4e-8b1f-4e3a-9f60-7d2b5c8e1a43
         */
        WebhookIdempotencyKey: string;
        /**
         * @description Unique id of this HTTP delivery; quote it to Amili's support.
         * @example 0HN8M2Q1V7K3B:00000004
         */
        WebhookRequestId: string;
        /**
         * @description Signature that proves the delivery comes from Amili. Amili's page on
         *     verifying signatures could not be read, so the algorithm, the signed
         *     content and the encoding are not documented here. `@autocollect/client`
         *     verifies it as HMAC-SHA256 of the raw body, hex-encoded, and lets you
         *     change the algorithm and encoding.
         * @example sha256=3b5f1e2c9a7d4e6f8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a
         */
        WebhookSignature: string;
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
    GetBatchesByOrganization: {
        parameters: {
            query?: {
                /**
                 * @description Only batches in this processing state.
                 * @example SUCCESS
                 */
                State?: components["schemas"]["BatchStatus"];
                /**
                 * @description Only batches of this type.
                 * @example INVOICE
                 */
                Type?: components["schemas"]["BatchType"];
                /**
                 * @description Cursor from `summary.nextPageToken` of the previous page; leave out for the first page.
                 * @example eyJvZmZzZXQiOjUwfQ
                 */
                PageToken?: components["parameters"]["PageToken"];
                /**
                 * @description How many items a page holds at most. Amili documents neither the default nor the maximum.
                 * @example 50
                 */
                PageSize?: components["parameters"]["PageSize"];
                /**
                 * @description Sort order by creation time. Amili does not document the values.
                 * @example DESC
                 */
                SortDirection?: string;
                /**
                 * @description Only batches about this subject, such as an invoice.
                 * @example 7073c4a6-24b4-4059-9653-58cb3a64e377
                 */
                SubjectId?: string;
                /**
                 * @description Only the batch created with this idempotency key.
                 * @example 5b8f0f7e-3c1a-4d7e-9a51-2f4c8e6b1d90
                 */
                IdempotencyKey?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of batches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchListResponse"];
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
    GetBatchByIdLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
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
    GetInvoicesByOrganization: {
        parameters: {
            query?: {
                /**
                 * @description Only invoices in this state.
                 * @example OPEN
                 */
                Status?: components["schemas"]["InvoiceStatus"];
                /**
                 * @description Only invoices of this type.
                 * @example PAYMENT_REMINDER
                 */
                Type?: components["schemas"]["KnownInvoiceType"];
                /**
                 * @description Only invoices with this invoice number.
                 * @example 2025-10481
                 */
                InvoiceNumber?: string;
                /**
                 * @description Only the invoice with this id of yours.
                 * @example ORDER-100234
                 */
                UniqueSourceInvoiceId?: string;
                /**
                 * @description Only invoices of the debtor with this customer number of yours.
                 * @example 100234
                 */
                CustomerNumber?: string;
                /**
                 * @description Only invoices created at or after this time.
                 * @example 2025-01-01T00:00:00Z
                 */
                From?: string;
                /**
                 * @description Only invoices created before this time.
                 * @example 2025-04-01T00:00:00Z
                 */
                To?: string;
                /**
                 * @description Cursor from `summary.nextPageToken` of the previous page; leave out for the first page.
                 * @example eyJvZmZzZXQiOjUwfQ
                 */
                PageToken?: components["parameters"]["PageToken"];
                /**
                 * @description How many items a page holds at most. Amili documents neither the default nor the maximum.
                 * @example 50
                 */
                PageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invoices. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceListResponse"];
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
    CreateInvoices: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value for this create request, such as a UUID. Send the same key
                 *     when you retry the same request, so that a retry after a lost response does
                 *     not create the invoices, payments or corrections twice. Batches can be
                 *     looked up by it (`GetBatchesByOrganization?IdempotencyKey=`).
                 * @example 5b8f0f7e-3c1a-4d7e-9a51-2f4c8e6b1d90
                 */
                IdempotencyKey?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvoicesRequest"];
            };
        };
        responses: {
            /** @description Accepted: the invoices will be processed as a batch. Follow it with GetBatchById or the `BATCH_COMPLETED` webhook. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchReferenceResponse"];
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
    ResumeInvoice: {
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
            /** @description Accepted: Amili resumes the invoice. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    CreatePayments: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value for this create request, such as a UUID. Send the same key
                 *     when you retry the same request, so that a retry after a lost response does
                 *     not create the invoices, payments or corrections twice. Batches can be
                 *     looked up by it (`GetBatchesByOrganization?IdempotencyKey=`).
                 * @example 5b8f0f7e-3c1a-4d7e-9a51-2f4c8e6b1d90
                 */
                IdempotencyKey?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePaymentsRequest"];
            };
        };
        responses: {
            /** @description Accepted: the payments will be processed as a batch. Follow it with GetBatchById or the `BATCH_COMPLETED` webhook. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchReferenceResponse"];
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
    CreateCorrections: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique value for this create request, such as a UUID. Send the same key
                 *     when you retry the same request, so that a retry after a lost response does
                 *     not create the invoices, payments or corrections twice. Batches can be
                 *     looked up by it (`GetBatchesByOrganization?IdempotencyKey=`).
                 * @example 5b8f0f7e-3c1a-4d7e-9a51-2f4c8e6b1d90
                 */
                IdempotencyKey?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCorrectionsRequest"];
            };
        };
        responses: {
            /** @description Accepted: the corrections will be processed as a batch. Follow it with GetBatchById or the `BATCH_COMPLETED` webhook. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BatchReferenceResponse"];
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
    GetCasesByOrganization: {
        parameters: {
            query?: {
                /**
                 * @description Only cases in this state.
                 * @example OPEN
                 */
                Status?: components["schemas"]["CaseStatus"];
                /**
                 * @description Only cases of this type.
                 * @example PAYMENT_REMINDER
                 */
                Type?: components["schemas"]["CaseType"];
                /**
                 * @description Only the case with this number.
                 * @example 178452
                 */
                CaseNumber?: string;
                /**
                 * @description Only cases of the debtor with this customer number of yours.
                 * @example 100234
                 */
                CustomerNumber?: string;
                /**
                 * @description Only cases with the invoice that has this id of yours.
                 * @example ORDER-100234
                 */
                UniqueSourceInvoiceId?: string;
                /**
                 * @description Free-text search, for example on debtor names.
                 * @example Nordmann
                 */
                SearchTerm?: string;
                /**
                 * @description Only cases created at or after this time.
                 * @example 2025-01-01T00:00:00Z
                 */
                FromCreatedAt?: string;
                /**
                 * @description Only cases created before this time.
                 * @example 2025-04-01T00:00:00Z
                 */
                ToCreatedAt?: string;
                /**
                 * @description Cursor from `summary.nextPageToken` of the previous page; leave out for the first page.
                 * @example eyJvZmZzZXQiOjUwfQ
                 */
                PageToken?: components["parameters"]["PageToken"];
                /**
                 * @description How many items a page holds at most. Amili documents neither the default nor the maximum.
                 * @example 50
                 */
                PageSize?: components["parameters"]["PageSize"];
            };
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListResponse"];
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
    AcceptDebtCollectionList: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    RejectDebtCollectionList: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    PauseCase: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    WithdrawCase: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    ResumeCase: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    AcceptEvictionRequest: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    RejectEvictionRequest: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    AcceptEvictionConfirmation: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    RejectEvictionConfirmation: {
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
                 * @description The collection case (Amili's id for it, a UUID).
                 * @example 4f6dd45f-cd32-4530-843d-b278387ae272
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: Amili carries out the action. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    GetSettlements: {
        parameters: {
            query?: {
                /**
                 * @description Only settlements on or after this date.
                 * @example 2025-03-01
                 */
                fromDate?: string;
                /**
                 * @description Only settlements on or before this date.
                 * @example 2025-03-31
                 */
                toDate?: string;
                /**
                 * @description How many items a page holds at most. Amili documents neither the default nor the maximum.
                 * @example 50
                 */
                pageSize?: components["parameters"]["SettlementPageSize"];
                /**
                 * @description Cursor from `summary.nextPageToken` of the previous page; leave out for the first page.
                 * @example eyJvZmZzZXQiOjUwfQ
                 */
                pageToken?: components["parameters"]["SettlementPageToken"];
            };
            header?: never;
            path: {
                /**
                 * @description The creditor organization (Amili's id for it, a UUID).
                 * @example 0d87bfbd-f478-451c-aa73-91c208ce3e09
                 */
                organizationId: components["parameters"]["OrganizationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of settlements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementListResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            423: components["responses"]["Locked"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            501: components["responses"]["NotImplemented"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    GetSettlementById: {
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
                 * @description The settlement, as announced by the `SETTLEMENT_CREATED` webhook.
                 * @example 93a9c4e4-a821-4e66-9a80-9a382825964a
                 */
                settlementId: components["parameters"]["SettlementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settlement. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementResponse"];
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
    BATCH_COMPLETED: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event's name, for routing a delivery before reading its body.
                 * @example BATCH_COMPLETED
                 */
                "X-Amili-Event": components["parameters"]["WebhookEvent"];
                /**
                 * @description Unique per event. Amili may deliver an event more than once; drop deliveries whose key you have already handled.
                 * @example 2c9d7a4e-8b1f-4e3a-9f60-7d2b5c8e1a43
                 */
                IdempotencyKey: components["parameters"]["WebhookIdempotencyKey"];
                /**
                 * @description Unique id of this HTTP delivery; quote it to Amili's support.
                 * @example 0HN8M2Q1V7K3B:00000004
                 */
                "X-Amili-Request-Id": components["parameters"]["WebhookRequestId"];
                /**
                 * @description Signature that proves the delivery comes from Amili. Amili's page on
                 *     verifying signatures could not be read, so the algorithm, the signed
                 *     content and the encoding are not documented here. `@autocollect/client`
                 *     verifies it as HMAC-SHA256 of the raw body, hex-encoded, and lets you
                 *     change the algorithm and encoding.
                 * @example sha256=3b5f1e2c9a7d4e6f8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BatchCompletedEvent"];
            };
        };
        responses: {
            /** @description Acknowledge the delivery with any 2xx status, quickly; do slow work after answering. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 400 to a delivery whose body you cannot parse. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 401 to a delivery whose signature does not verify. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SETTLEMENT_CREATED: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event's name, for routing a delivery before reading its body.
                 * @example BATCH_COMPLETED
                 */
                "X-Amili-Event": components["parameters"]["WebhookEvent"];
                /**
                 * @description Unique per event. Amili may deliver an event more than once; drop deliveries whose key you have already handled.
                 * @example 2c9d7a4e-8b1f-4e3a-9f60-7d2b5c8e1a43
                 */
                IdempotencyKey: components["parameters"]["WebhookIdempotencyKey"];
                /**
                 * @description Unique id of this HTTP delivery; quote it to Amili's support.
                 * @example 0HN8M2Q1V7K3B:00000004
                 */
                "X-Amili-Request-Id": components["parameters"]["WebhookRequestId"];
                /**
                 * @description Signature that proves the delivery comes from Amili. Amili's page on
                 *     verifying signatures could not be read, so the algorithm, the signed
                 *     content and the encoding are not documented here. `@autocollect/client`
                 *     verifies it as HMAC-SHA256 of the raw body, hex-encoded, and lets you
                 *     change the algorithm and encoding.
                 * @example sha256=3b5f1e2c9a7d4e6f8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SettlementCreatedEvent"];
            };
        };
        responses: {
            /** @description Acknowledge the delivery with any 2xx status, quickly; do slow work after answering. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 400 to a delivery whose body you cannot parse. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 401 to a delivery whose signature does not verify. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CASE: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event's name, for routing a delivery before reading its body.
                 * @example BATCH_COMPLETED
                 */
                "X-Amili-Event": components["parameters"]["WebhookEvent"];
                /**
                 * @description Unique per event. Amili may deliver an event more than once; drop deliveries whose key you have already handled.
                 * @example 2c9d7a4e-8b1f-4e3a-9f60-7d2b5c8e1a43
                 */
                IdempotencyKey: components["parameters"]["WebhookIdempotencyKey"];
                /**
                 * @description Unique id of this HTTP delivery; quote it to Amili's support.
                 * @example 0HN8M2Q1V7K3B:00000004
                 */
                "X-Amili-Request-Id": components["parameters"]["WebhookRequestId"];
                /**
                 * @description Signature that proves the delivery comes from Amili. Amili's page on
                 *     verifying signatures could not be read, so the algorithm, the signed
                 *     content and the encoding are not documented here. `@autocollect/client`
                 *     verifies it as HMAC-SHA256 of the raw body, hex-encoded, and lets you
                 *     change the algorithm and encoding.
                 * @example sha256=3b5f1e2c9a7d4e6f8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseEvent"];
            };
        };
        responses: {
            /** @description Acknowledge the delivery with any 2xx status, quickly; do slow work after answering. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 400 to a delivery whose body you cannot parse. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 401 to a delivery whose signature does not verify. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CASE_UPDATED: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description The event's name, for routing a delivery before reading its body.
                 * @example BATCH_COMPLETED
                 */
                "X-Amili-Event": components["parameters"]["WebhookEvent"];
                /**
                 * @description Unique per event. Amili may deliver an event more than once; drop deliveries whose key you have already handled.
                 * @example 2c9d7a4e-8b1f-4e3a-9f60-7d2b5c8e1a43
                 */
                IdempotencyKey: components["parameters"]["WebhookIdempotencyKey"];
                /**
                 * @description Unique id of this HTTP delivery; quote it to Amili's support.
                 * @example 0HN8M2Q1V7K3B:00000004
                 */
                "X-Amili-Request-Id": components["parameters"]["WebhookRequestId"];
                /**
                 * @description Signature that proves the delivery comes from Amili. Amili's page on
                 *     verifying signatures could not be read, so the algorithm, the signed
                 *     content and the encoding are not documented here. `@autocollect/client`
                 *     verifies it as HMAC-SHA256 of the raw body, hex-encoded, and lets you
                 *     change the algorithm and encoding.
                 * @example sha256=3b5f1e2c9a7d4e6f8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a
                 */
                "X-Webhook-Signature": components["parameters"]["WebhookSignature"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseUpdatedEvent"];
            };
        };
        responses: {
            /** @description Acknowledge the delivery with any 2xx status, quickly; do slow work after answering. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 400 to a delivery whose body you cannot parse. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Answer 401 to a delivery whose signature does not verify. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
