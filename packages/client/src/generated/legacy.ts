// Generated from the "legacy@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
export interface paths {
    "/webapi/api/Attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an attachment
         * @description Returns the file a case history entry refers to by its `attachmentid`, such as a letter sent to the debtor.
         */
        get: operations["LegacyAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/api/Batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a batch of cases and settlements
         * @description Returns the creditor's cases and settlements as one legacy batch, filtered
         *     by the query parameters.
         */
        get: operations["LegacyGetBatch"];
        put?: never;
        /**
         * Send a batch of creditors and cases
         * @description Sends creditors and cases (new invoices) to Amili as one legacy batch.
         *     The oldest page shows Basic authentication for this call, newer ones a
         *     bearer token.
         */
        post: operations["LegacyPostBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webapi/api/Ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the legacy API is up
         * @description Answers 200 when the legacy API is up and the credentials are accepted.
         */
        get: operations["LegacyPing"];
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
        /** @description A contact person of the creditor, and which messages they receive. */
        LegacyContact: {
            /** @description Name. */
            fullname?: string;
            /** @description Work phone. */
            workphone?: string;
            /** @description E-mail address. */
            email?: string;
            /** @description Receives invoice queries. */
            isinvoicequery?: boolean;
            /** @description Receives remittance reports. */
            isremittancereport?: boolean;
            /** @description Receives order confirmations. */
            isorderconfirmation?: boolean;
            /** @description Receives the debt collection list. */
            iscollectionlist?: boolean;
            /** @description Has access to the web portal. */
            isweb?: boolean;
        };
        /** @description A creditor, with its contact people and collection settings. */
        LegacyCreditor: {
            /** @description The creditor's organization number. */
            idnumber?: string;
            /** @description Organization number of the creditor's parent. */
            parentidnumber?: string;
            /** @description Whether Amili only does debt collection (no reminders) for the creditor. */
            onlydebtcollection?: boolean;
            /** @description VAT code of the creditor. */
            vattype?: number;
            /** @description The creditor's name. */
            fullname?: string;
            /** @description Street address. */
            street?: string;
            /** @description Postal town. */
            city?: string;
            /** @description Postal code. */
            zipcode?: string;
            /** @description ISO 3166-1 alpha-2 country code, such as `NO`. */
            countrycode?: string;
            /** @description Bank account Amili settles to (11 digits in Norway). */
            bankaccountno?: string;
            contact?: components["schemas"]["LegacyContact"];
            casehandler?: components["schemas"]["LegacyContact"];
            /** @description Id of the system that sent the creditor. An integer, as Amili's examples show it (`0`). */
            sourceid?: number;
            /** @description Which reminder flow applies, as a number (Amili's examples show `0`; the values are not documented). */
            reminderflow?: number;
            /** @description Whether cases move on to debt collection, as a number (Amili's examples show `0`; the values are not documented). */
            debtcollectiontransfer?: number;
            /** @description Whether Amili archives the invoices, as a number (Amili's examples show `0`; the values are not documented). */
            invoicearchive?: number;
            /** @description Whether the creditor has debtors abroad. */
            hasforeigndebtors?: boolean;
            /** @description Whether the creditor invoices in other currencies than NOK. */
            hasforeigncurrency?: boolean;
            /** @description Whether the creditor is disabled. */
            disabled?: boolean;
            /** @description The last settlement made to the creditor. */
            lastsettlementid?: string;
        };
        /** @description One event in a case's history, such as a letter sent or a message. */
        LegacyHistoryEntry: {
            /** @description Kind of event. */
            type?: number;
            /**
             * Format: date-time
             * @description When it happened.
             */
            loggedat?: string;
            /** @description The text. */
            message?: string;
            /** @description The subject, for messages. */
            subject?: string;
            /** @description The conversation a message belongs to. */
            conversationid?: string;
            /** @description An attachment, to fetch with LegacyAttachment. */
            attachmentid?: string;
        };
        /** @description How the debtor pays the case. */
        LegacyPaymentDetails: {
            /** @description The amount to pay. */
            paymentValue?: number;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency?: string;
            /** @description The payment reference (KID). */
            kid?: string;
            /** @description The account to pay to. */
            bankAccount?: string;
            /**
             * Format: date-time
             * @description When to pay by.
             */
            dueDate?: string;
        };
        /** @description A case in the legacy model, with its amounts and history. */
        LegacyCase: {
            /** @description The creditor's customer number for the debtor. */
            customerref?: string;
            /** @description The debtor's name. */
            customername?: string;
            /** @description The creditor's ledger reference (invoice number). */
            ledgerref?: string;
            /** @description The payment reference (KID). */
            referencenumber?: string;
            /** @description The case number. */
            casenumber?: string;
            /** @description ISO 4217 currency code, such as `NOK`. */
            currencycode?: string;
            /**
             * Format: date-time
             * @description When the case was registered.
             */
            regdate?: string;
            /**
             * Format: date-time
             * @description When the case was closed.
             */
            closuredate?: string | null;
            /** @description Whether the case is in debt collection. */
            isdebtcollection?: boolean;
            /**
             * Format: date-time
             * @description The invoice date.
             */
            billdate?: string;
            /**
             * Format: date-time
             * @description The due date.
             */
            duedate?: string;
            /** @description Original total. */
            originalsum?: number;
            /** @description Original principal. */
            originalprincipal?: number;
            /** @description Original fees. */
            originalfee?: number;
            /** @description Original interest. */
            originalinterest?: number;
            /** @description Paid total. */
            paidsum?: number;
            /** @description Paid principal. */
            paidprincipal?: number;
            /** @description Paid fees. */
            paidfee?: number;
            /** @description Paid interest. */
            paidinterest?: number;
            /** @description Remaining total. */
            remainingsum?: number;
            /** @description Remaining principal. */
            remainingprincipal?: number;
            /** @description Remaining fees. */
            remainingfee?: number;
            /** @description Remaining interest. */
            remaininginterest?: number;
            /** @description What the invoice was for. */
            service_description?: string;
            /** @description Status code of the case. */
            status_statuscode?: number;
            /** @description How many reminders were sent. */
            reminders?: number;
            /** @description Whether the case is on the debt collection list. */
            debtcollectionlist?: boolean;
            /** @description What happened on the case. */
            history?: components["schemas"]["LegacyHistoryEntry"][];
            paymentDetails?: components["schemas"]["LegacyPaymentDetails"];
        };
        /**
         * @description State of the case. Amili shows `OPEN`, and `PAUSED` in a `CASE_UPDATED` webhook.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        CaseStatus: "OPEN" | "PAUSED" | (string & {});
        /**
         * @description Where an open case stands. Amili shows `DEBT_COLLECTION_LIST_MANUAL` (the case waits
         *     for you to accept or reject it on the debt collection list).
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        CaseSubStatus: "DEBT_COLLECTION_LIST_MANUAL" | (string & {});
        /**
         * @description Stage the case is collected in. Amili shows `PAYMENT_REMINDER` on cases and
         *     `COLLECTION_NOTICE` in case webhooks.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        CaseType: "PAYMENT_REMINDER" | "COLLECTION_NOTICE" | (string & {});
        /** @description A date (`2025-01-15`) or a date-time (`2025-01-15T00:00:00Z`). */
        DateOrDateTime: string;
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
        /**
         * @description Stage the money was collected in. Amili shows `REMINDER`.
         *     Amili publishes no complete list: expect other values, and handle them.
         */
        SettlementCollectionType: "REMINDER" | (string & {});
        /**
         * @description A settlement. Amili shows the fields of the AutoCollect API's settlement; the
         *     oldest version of the page showed lower-case keys (`creditorid`,
         *     `customerref`, `ledgerref`, `referencenumber`, `casenumber`) instead, so
         *     either may come.
         */
        LegacySettlement: {
            /** @description The creditor's organization number (the oldest version's key). */
            creditorid?: string;
            /** @description The creditor's customer number for the debtor (the oldest version's key). */
            customerref?: string;
            /** @description The creditor's ledger reference, the invoice number (the oldest version's key). */
            ledgerref?: string;
            /** @description The payment reference, KID (the oldest version's key). */
            referencenumber?: string;
            /** @description The case the settlement is for (the oldest version's key). */
            casenumber?: string | number;
            /** @description The case the settlement is for. */
            caseNumber?: string | number;
            collectionType?: components["schemas"]["SettlementCollectionType"];
            /** @description ISO 4217 currency code, such as `NOK`. */
            currency?: string;
            /** @description The creditor's reference for the debtor. */
            customerReference?: string;
        };
        /**
         * @description A batch of the legacy API: the creditors, their cases and their settlements,
         *     with lower-case field names.
         */
        LegacyBatch: {
            /** @description The batch's id. */
            batchid?: string;
            /** @description A flag whose meaning Amili does not document. */
            offline?: boolean;
            /** @description The creditors in the batch. */
            creditor?: components["schemas"]["LegacyCreditor"][];
            /**
             * @description The cases in the batch. Older versions of the page show the legacy case
             *     model; the newest shows the AutoCollect API's case model instead, so
             *     either may come.
             */
            case?: (components["schemas"]["LegacyCase"] | components["schemas"]["Case"])[];
            /** @description The settlements in the batch. */
            settlement?: components["schemas"]["LegacySettlement"][];
        };
    };
    responses: {
        /** @description The request is malformed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The credentials are missing or wrong. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The legacy API failed to handle the request. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description Id of the system sending or fetching the batch.
         * @example erp-visma
         */
        SenderId: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    LegacyAttachment: {
        parameters: {
            query: {
                /**
                 * @description The attachment, from a case history entry.
                 * @example 5521907
                 */
                attachmentid: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example %PDF-1.7 */
                    "application/octet-stream": Blob;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
        };
    };
    LegacyGetBatch: {
        parameters: {
            query?: {
                /**
                 * @description Id of the system sending or fetching the batch.
                 * @example erp-visma
                 */
                senderid?: components["parameters"]["SenderId"];
                /**
                 * @description Only this creditor.
                 * @example 923456783
                 */
                creditorid?: string;
                /**
                 * @description Only cases of the debtor with this customer number.
                 * @example 100234
                 */
                customerref?: string;
                /**
                 * @description Only the case with this ledger reference (invoice number).
                 * @example 2025-10481
                 */
                ledgerref?: string;
                /**
                 * @description Whether to include closed cases.
                 * @example false
                 */
                includeclosed?: boolean;
                /**
                 * @description Only settlements after this one.
                 * @example 88412
                 */
                lastsettlementid?: string;
                /**
                 * @description Only settlements remitted on this date.
                 * @example 2025-04-01
                 */
                remittancedate?: string;
                /**
                 * @description Language of texts in the answer, such as `nb` or `en`.
                 * @example nb
                 */
                languagecode?: string;
            };
            header?: never;
            path?: never;
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
                    "application/json": components["schemas"]["LegacyBatch"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
        };
    };
    LegacyPostBatch: {
        parameters: {
            query?: {
                /**
                 * @description Id of the system sending or fetching the batch.
                 * @example erp-visma
                 */
                senderid?: components["parameters"]["SenderId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Amili's page gives the content type `application/json-patch+json`, an
         *     artefact of its ASP.NET tooling; plain `application/json` is accepted as
         *     well.
         */
        requestBody: {
            content: {
                "application/json-patch+json": components["schemas"]["LegacyBatch"];
                "application/json": components["schemas"]["LegacyBatch"];
            };
        };
        responses: {
            /** @description The batch was received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
        };
    };
    LegacyPing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example pong */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
