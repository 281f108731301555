// Generated from the "autocollect@v1" API description in spec/ by packages/client/scripts/generate.js.
// Do not edit: change the spec, then run `npm run generate`.
/** The API's servers, by the name their description gives them. */
export const servers = {
  "production": "https://api.amili.no/collection/v1",
  "staging": "https://api.staging.amili.no/collection/v1",
  "sandbox": "http://127.0.0.1:4010/collection/v1"
} as const;

/** Each operation by "METHOD /path": its operationId and what the spec says of paging, batches and idempotency. */
export const operations = {
  "GET /orgs/{organizationId}/batches": {
    "operationId": "GetBatchesByOrganization",
    "pagination": {
      "tokenParameter": "PageToken",
      "nextToken": "/summary/nextPageToken",
      "items": "/data"
    }
  },
  "GET /orgs/{organizationId}/batches/{batchId}": {
    "operationId": "GetBatchById"
  },
  "GET /batches/{batchId}": {
    "operationId": "GetBatchByIdLegacy"
  },
  "GET /orgs/{organizationId}/invoices": {
    "operationId": "GetInvoicesByOrganization",
    "pagination": {
      "tokenParameter": "PageToken",
      "nextToken": "/summary/nextPageToken",
      "items": "/data"
    }
  },
  "POST /orgs/{organizationId}/invoices": {
    "operationId": "CreateInvoices",
    "idempotencyKey": "IdempotencyKey",
    "batch": {
      "type": "INVOICE"
    }
  },
  "GET /orgs/{organizationId}/invoices/{invoiceId}": {
    "operationId": "GetInvoiceById"
  },
  "POST /orgs/{organizationId}/invoices/{invoiceId}/resume": {
    "operationId": "ResumeInvoice",
    "noContent": true
  },
  "POST /orgs/{organizationId}/payments": {
    "operationId": "CreatePayments",
    "idempotencyKey": "IdempotencyKey",
    "batch": {
      "type": "PAYMENT"
    }
  },
  "POST /orgs/{organizationId}/corrections": {
    "operationId": "CreateCorrections",
    "idempotencyKey": "IdempotencyKey",
    "batch": {
      "type": "CORRECTION"
    }
  },
  "GET /orgs/{organizationId}/cases": {
    "operationId": "GetCasesByOrganization",
    "pagination": {
      "tokenParameter": "PageToken",
      "nextToken": "/summary/nextPageToken",
      "items": "/data"
    }
  },
  "POST /orgs/{organizationId}/cases/{caseId}/accept-debt-collection-list": {
    "operationId": "AcceptDebtCollectionList",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/reject-debt-collection-list": {
    "operationId": "RejectDebtCollectionList",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/pause": {
    "operationId": "PauseCase",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/withdraw": {
    "operationId": "WithdrawCase",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/resume": {
    "operationId": "ResumeCase",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/accept-eviction-request": {
    "operationId": "AcceptEvictionRequest",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/reject-eviction-request": {
    "operationId": "RejectEvictionRequest",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/accept-eviction-confirmation": {
    "operationId": "AcceptEvictionConfirmation",
    "noContent": true
  },
  "POST /orgs/{organizationId}/cases/{caseId}/reject-eviction-confirmation": {
    "operationId": "RejectEvictionConfirmation",
    "noContent": true
  },
  "GET /orgs/{organizationId}/settlements": {
    "operationId": "GetSettlements",
    "pagination": {
      "tokenParameter": "pageToken",
      "nextToken": "/summary/nextPageToken",
      "items": "/data"
    }
  },
  "GET /orgs/{organizationId}/settlements/{settlementId}": {
    "operationId": "GetSettlementById"
  }
} as const;

/** The paths whose GET pages through results (`x-pagination`). */
export type PaginatedPath = "/orgs/{organizationId}/batches" | "/orgs/{organizationId}/invoices" | "/orgs/{organizationId}/cases" | "/orgs/{organizationId}/settlements";

/**
 * Each webhook the spec describes: the body property that names it, and the JSON type of each property
 * its body requires. A delivery is typed as the event only when its body has them.
 */
export const webhookEvents = {
  "BATCH_COMPLETED": {
    "nameIn": "type",
    "required": {
      "id": "string",
      "data": "object"
    }
  },
  "SETTLEMENT_CREATED": {
    "nameIn": "type",
    "required": {
      "id": "string",
      "data": "object"
    }
  },
  "CASE": {
    "nameIn": "eventType",
    "required": {
      "id": "string",
      "data": "object"
    }
  },
  "CASE_UPDATED": {
    "nameIn": "eventType",
    "required": {
      "id": "string",
      "data": "object"
    }
  }
} as const;
