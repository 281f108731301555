// spec:diff's verdict on each kind of change. Each case is an edit to the spec's files as
// they are in this repo, made in memory, and the table's cases are judged together, as
// `npm run spec:diff` judges one version: the base bundled once, each description's
// versions compared in one compiler program. (spec-diff-command.test.ts runs the command
// on real commits.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { type SpecChanges, specChangesEach, specFiles } from '../../scripts/spec-diff.js';
import { repoRoot } from '../scripts/description.js';
import { editYaml, IDENTITY, LEGACY, PATHS, parameterIndex, S } from './support/spec-copy.js';

/** The spec's files in the working tree: the base every case edits. */
const base = specFiles(repoRoot, undefined);
/** The files of the case being made. */
let tree: Map<string, Buffer>;

/** Edits a YAML file of the case, keeping its layout and comments. */
const edit = (file: string, change: (document: Document) => void) =>
  tree.set(file, Buffer.from(editYaml(String(tree.get(file)), change)));

/** What spec:diff says of one version, a line a change. */
const lines = (results: SpecChanges) =>
  results.flatMap(({ api, changes }) =>
    changes.map((c) => ({ api, line: `${c.where}: ${c.text}`, breaking: c.breaking })),
  );

interface Case {
  change: string;
  api: string;
  edit: () => void;
  breaking: boolean;
  /** A line the change list must hold. */
  line: RegExp;
  /** Lines the same edit gives a verdict of its own: breaking or safe, each by its side (request or response). */
  also?: { line: RegExp; breaking: boolean }[];
}

const CASES: Case[] = [
  {
    change: 'Remove a response property',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/Invoice.yaml`, (d) => d.deleteIn(['properties', 'ocrReferenceNumber'])),
    breaking: true,
    line: /^GET \/orgs\/\{organizationId\}\/invoices\/\{invoiceId\} \(GetInvoiceById\): response 200 data\.ocrReferenceNumber: removed$/,
  },
  {
    change: 'Response property from required to optional',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/BatchReference.yaml`, (d) => d.set('required', [])),
    breaking: true,
    line: /\(CreateInvoices\): response 202 data\.batchId: became optional$/,
  },
  {
    change: 'Response property from required to optional',
    api: 'identity@v1',
    edit: () => edit(`${IDENTITY}/components/schemas/TokenResponse.yaml`, (d) => d.set('required', ['access_token'])),
    breaking: true,
    line: /\(RequestAccessToken\): response 200 token_type: became optional$/,
  },
  {
    change: 'Response type gains null',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'remainingAmount', 'type'], ['number', 'null'])),
    breaking: true,
    line: /\(GetInvoiceById\): response 200 data\.remainingAmount: can now be null$/,
  },
  {
    change: 'Response type gains null',
    api: 'legacy@v1',
    edit: () =>
      edit(`${LEGACY}/components/schemas/LegacyBatch.yaml`, (d) =>
        d.setIn(['properties', 'batchid', 'type'], ['string', 'null']),
      ),
    breaking: true,
    line: /^GET \/webapi\/api\/Batch \(LegacyGetBatch\): response 200 .*batchid: can now be null$/,
  },
  {
    change: 'Response enum gains a value (closed enum)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/BatchStatus.yaml`, (d) => (d.get('enum') as any).add('CANCELLED')),
    breaking: true,
    line: /\(GetBatchById\): response 200 data\.status: value "CANCELLED" added$/,
  },
  {
    change: 'New required request property',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewPayment.yaml`, (d) => {
        d.setIn(['properties', 'paidAt'], { type: 'string', format: 'date', description: 'When it was paid.' });
        d.set('required', ['paidAt']);
      }),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.paidAt: added \(required\)$/,
  },
  {
    change: 'Request enum loses a value',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/BatchStatus.yaml`, (d) => d.set('enum', ['QUEUED', 'SUCCESS', 'FAILED'])),
    breaking: true,
    line: /\(GetBatchesByOrganization\): query parameter State: value "PARTIAL" removed$/,
  },
  {
    change: 'A value of a closed request enum removed: breaking where it is sent, safe where it is read',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/KnownInvoiceType.yaml`, (d) => d.set('enum', ['PAYMENT_REMINDER'])),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.type: value "NOTICE" removed$/,
    also: [
      { line: /\(GetInvoicesByOrganization\): query parameter Type: value "NOTICE" removed$/, breaking: true },
      { line: /\(GetInvoiceById\): response 200 data\.type: value "NOTICE" removed$/, breaking: false },
    ],
  },
  {
    change: 'A value added to a closed request enum: safe, and known to the open response enum that refers to it',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/KnownInvoiceType.yaml`, (d) => (d.get('enum') as any).add('LEGAL')),
    breaking: false,
    line: /\(CreateInvoices\): request body invoices\[\]\.type: value "LEGAL" added$/,
    also: [{ line: /\(GetInvoiceById\): response 200 data\.type: value "LEGAL" added$/, breaking: false }],
  },
  // What the types do not show, the wire's judge sees.
  {
    change: 'A request string gains maxLength (wire)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewInvoice.yaml`, (d) => d.setIn(['properties', 'invoiceNumber', 'maxLength'], 20)),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.invoiceNumber: maxLength 20 added$/,
  },
  {
    change: 'A request string gains a pattern (wire)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'currency', 'pattern'], '^[A-Z]{3}$')),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.currency: pattern "\^\[A-Z\]\{3\}\$" added$/,
  },
  {
    change: 'A request string gains a format (wire)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewInvoice.yaml`, (d) => d.setIn(['properties', 'uniqueSourceInvoiceId', 'format'], 'uuid')),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.uniqueSourceInvoiceId: format "uuid" added$/,
  },
  {
    change: 'A request number gains a maximum (wire)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'amount', 'maximum'], 1_000_000)),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.amount: maximum 1000000 added$/,
  },
  {
    change: 'A request number becomes an integer (wire)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'amount', 'type'], 'integer')),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.amount: type number became integer$/,
  },
  {
    change: 'A query parameter gets a maximum (wire)',
    api: 'autocollect@v1',
    edit: () => edit('spec/openapi/components/parameters/PageSize.yaml', (d) => d.setIn(['schema', 'maximum'], 100)),
    breaking: true,
    line: /\(GetInvoicesByOrganization\): query parameter PageSize: maximum 100 added$/,
  },
  {
    change: "A query parameter's style and explode spelt out as their defaults (wire): no change",
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/parameters/PageSize.yaml', (d) => {
        d.set('style', 'form');
        d.set('explode', true);
        d.set('description', 'How many items a page holds at most.');
      }),
    breaking: false,
    line: /^documentation: \/components\/parameters\/PageSize\/description changed$/,
  },
  {
    change: 'A scalar query parameter no longer exploded (wire): a single value is written alike',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/parameters/PageSize.yaml', (d) => {
        d.set('explode', false);
        d.set('description', 'How many items a page holds at most.');
      }),
    breaking: false,
    line: /^documentation: \/components\/parameters\/PageSize\/description changed$/,
  },
  {
    change: 'An array query parameter no longer exploded (wire): its values are written otherwise',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/parameters/PageSize.yaml', (d) => {
        d.set('explode', false);
        d.set('schema', { type: 'array', items: { type: 'integer' } });
      }),
    breaking: true,
    line: /\(GetInvoicesByOrganization\): query parameter PageSize: explode changed from true \(the default\) to false$/,
  },
  {
    change: 'A query parameter allows smaller values (wire): safe',
    api: 'autocollect@v1',
    edit: () => edit('spec/openapi/components/parameters/PageSize.yaml', (d) => d.setIn(['schema', 'minimum'], 0)),
    breaking: false,
    line: /\(GetInvoicesByOrganization\): query parameter PageSize: minimum changed from 1 to 0$/,
  },
  {
    change: 'A request object is closed to other properties (wire)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewPayment.yaml`, (d) => d.set('additionalProperties', false)),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]: closed to other properties \(additionalProperties: false\)$/,
  },
  {
    change: 'A request list may be empty (wire): safe',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewInvoice.yaml`, (d) => d.deleteIn(['properties', 'debtors', 'minItems'])),
    breaking: false,
    line: /\(CreateInvoices\): request body invoices\[\]\.debtors: minItems 1 removed$/,
  },
  {
    change: 'A response whole number becomes any number (wire)',
    api: 'identity@v1',
    edit: () => edit(`${IDENTITY}/components/schemas/Seconds.yaml`, (d) => d.set('type', ['number', 'string'])),
    breaking: true,
    line: /\(RequestAccessToken\): response 200 expires_in: type integer became number$/,
  },
  {
    change: 'A response string gains maxLength (wire): safe, a reader gets less',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'invoiceNumber', 'maxLength'], 40)),
    breaking: false,
    line: /\(GetInvoiceById\): response 200 data\.invoiceNumber: maxLength 40 added$/,
  },
  {
    change: 'One edit to a component used both ways (wire): breaking where it is sent, safe where it is read',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/KnownInvoiceType.yaml`, (d) => d.set('maxLength', 16)),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.type: maxLength 16 added$/,
    also: [{ line: /\(GetInvoiceById\): response 200 data\.type: maxLength 16 added$/, breaking: false }],
  },
  {
    change: 'A parameter is serialized otherwise (wire)',
    api: 'autocollect@v1',
    edit: () => edit('spec/openapi/components/parameters/InvoiceId.yaml', (d) => d.set('style', 'matrix')),
    breaking: true,
    line: /\(GetInvoiceById\): path parameter invoiceId: style changed from "simple" \(the default\) to "matrix"$/,
  },
  {
    change: 'Security asks for a scope it did not (wire)',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/openapi.yaml', (d) =>
        d.set('security', [{ AmiliIdentity: ['write:collection.case'] }, { AmiliIdentityStaging: [] }]),
      ),
    breaking: true,
    line: /\(GetInvoiceById\): security changed from .* to .*write:collection\.case/,
  },
  {
    change: 'Security asks for fewer scopes (wire): safe, the token a client has still carries them',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) =>
        d.setIn(['post', 'security'], [{ AmiliIdentity: [] }, { AmiliIdentityStaging: [] }]),
      ),
    breaking: false,
    line: /\(CreateInvoices\): security changed from .*write:collection\.case.* to .*$/,
  },
  {
    change: 'A security scheme renamed, its definition the same (wire): no operation changes',
    api: 'autocollect@v1',
    edit: () => {
      edit('spec/openapi/openapi.yaml', (d) => {
        d.set('security', [{ AmiliIdentity: [] }, { AmiliStaging: [] }]);
        d.deleteIn(['components', 'securitySchemes', 'AmiliIdentityStaging']);
        d.setIn(
          ['components', 'securitySchemes', 'AmiliStaging', '$ref'],
          'components/securitySchemes/AmiliIdentityStaging.yaml',
        );
      });
      edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) =>
        d.setIn(['post', 'security', 1], { AmiliStaging: ['write:collection.case'] }),
      );
    },
    breaking: false,
    line: /^components: security scheme AmiliIdentityStaging renamed to AmiliStaging$/,
  },
  {
    change: "A security scheme's type changed (wire)",
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/securitySchemes/AmiliIdentity.yaml', (d) => {
        d.set('type', 'apiKey');
        d.set('in', 'header');
        d.set('name', 'X-Api-Key');
        d.delete('flows');
      }),
    breaking: true,
    line: /^components: security scheme AmiliIdentity: type changed from "oauth2" to "apiKey"$/,
  },
  {
    change: "A security scheme's token URL changed (wire)",
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/securitySchemes/AmiliIdentity.yaml', (d) =>
        d.setIn(['flows', 'clientCredentials', 'tokenUrl'], 'https://login.amili.no/token'),
      ),
    breaking: true,
    line: /^components: security scheme AmiliIdentity: flow clientCredentials: tokenUrl changed from "https:\/\/auth\.amili\.no\/token" to "https:\/\/login\.amili\.no\/token"$/,
  },
  {
    change: "A security scheme's flow replaced by another (wire)",
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/securitySchemes/AmiliIdentity.yaml', (d) => {
        const flow = d.getIn(['flows', 'clientCredentials']) as any;
        d.deleteIn(['flows', 'clientCredentials']);
        d.setIn(['flows', 'authorizationCode'], flow);
        d.setIn(['flows', 'authorizationCode', 'authorizationUrl'], 'https://auth.amili.no/authorize');
      }),
    breaking: true,
    line: /^components: security scheme AmiliIdentity: flow clientCredentials removed$/,
    also: [{ line: /^components: security scheme AmiliIdentity: flow authorizationCode added$/, breaking: false }],
  },
  {
    change: "A bearer scheme's bearerFormat changed: a hint for readers, text",
    api: 'legacy@v1',
    edit: () => edit(`${LEGACY}/components/securitySchemes/LegacyBearer.yaml`, (d) => d.set('bearerFormat', 'opaque')),
    breaking: false,
    line: /^documentation: \/components\/securitySchemes\/LegacyBearer\/bearerFormat changed$/,
  },
  {
    change: 'A description edited beside a breaking change is listed too',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewPayment.yaml`, (d) => {
        d.setIn(['properties', 'amount', 'maximum'], 1_000_000);
        d.set('description', 'A payment made directly to the creditor.');
      }),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.amount: maximum 1000000 added$/,
    also: [{ line: /^documentation: \/components\/schemas\/NewPayment\/description changed$/, breaking: false }],
  },
  {
    change: 'A request must now match one of alternatives the types cannot show (wire)',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewCorrection.yaml`, (d) => d.set('anyOf', [{ required: ['date'] }, { required: ['description'] }])),
    breaking: true,
    line: /\(CreateCorrections\): request body corrections\[\]: anyOf added: must match one of 2$/,
  },
  {
    change: 'Request alternatives reordered: the same alternatives',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewDebtor.yaml`, (d) => {
        d.setIn(['allOf', 1, 'anyOf'], [{ $ref: './NewCompanyDebtor.yaml' }, { $ref: './NewPrivateDebtor.yaml' }]);
        d.set('description', 'A person or company that owes an invoice.');
      }),
    breaking: false,
    line: /^documentation: \/components\/schemas\/NewDebtor\/description changed$/,
  },
  {
    change:
      'A request may match a new alternative (wire): safe on the wire, but a bare `required` alternative makes the generated debtor lose its fields (types)',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewDebtor.yaml`, (d) =>
        d.setIn(
          ['allOf', 1, 'anyOf'],
          [{ $ref: './NewPrivateDebtor.yaml' }, { $ref: './NewCompanyDebtor.yaml' }, { required: ['name', 'email'] }],
        ),
      ),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.debtors\[\]: anyOf: 1 alternative added$/,
    also: [
      {
        line: /\(CreateInvoices\): request body invoices\[\]\.debtors\[\]: anyOf: 1 alternative added$/,
        breaking: false,
      },
      {
        line: /\(CreateInvoices\): request body invoices\[\]\.debtors\[\]\.firstname: removed \(in one of its alternatives\)$/,
        breaking: true,
      },
    ],
  },
  {
    change: 'A request alternative removed (wire and types)',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewDebtor.yaml`, (d) => d.setIn(['allOf', 1, 'anyOf'], [{ $ref: './NewPrivateDebtor.yaml' }])),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.debtors\[\]: anyOf: 1 alternative removed$/,
  },
  {
    change: 'An optional property removed from one alternative (types): code that set or read it no longer compiles',
    api: 'legacy@v1',
    edit: () =>
      edit(`${LEGACY}/components/schemas/LegacyCase.yaml`, (d) => d.deleteIn(['properties', 'service_description'])),
    breaking: true,
    line: /\(LegacyPostBatch\): request body \(application\/json\) case\[\]\.service_description: removed \(in one of its alternatives\)$/,
    also: [
      {
        line: /\(LegacyGetBatch\): response 200 .*case\[\]\.service_description: removed \(in one of its alternatives\)$/,
        breaking: true,
      },
    ],
  },
  {
    change: 'An open enum loses its known values (wire): any value is still accepted; the types lose the string',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/InvoiceStatus.yaml`, (d) => d.set('anyOf', [d.toJS().anyOf[1]])),
    breaking: true,
    line: /\(GetInvoicesByOrganization\): query parameter Status: anyOf: 1 alternative removed, whose values another still accepts$/,
    also: [
      {
        line: /\(GetInvoicesByOrganization\): query parameter Status: anyOf: 1 alternative removed, whose values another still accepts$/,
        breaking: false,
      },
      { line: /\(GetInvoiceById\): response 200 data\.status: type changed from .* to \{\}$/, breaking: true },
    ],
  },
  {
    change: "An open enum's any other value given its type, which the schema has already (wire): the same values",
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/InvoiceStatus.yaml`, (d) => d.set('anyOf', [d.toJS().anyOf[0], { type: 'string', $comment: 'any' }])),
    breaking: false,
    line: /\(GetInvoicesByOrganization\): query parameter Status: anyOf: 1 alternative added, 1 alternative removed, whose values another still accepts$/,
  },
  {
    change: 'A request alternative replaced by one of another type (wire): not an edit of it',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewInvoice.yaml`, (d) =>
        d.setIn(['properties', 'invoiceDate'], { anyOf: [{ type: 'string', format: 'date' }, { type: 'integer' }] }),
      ),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.invoiceDate: anyOf: 1 alternative added, 1 alternative removed$/,
  },
  {
    change: 'A request alternative added beside a reworded and a repeated one (wire): only the new one counts',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewInvoice.yaml`, (d) =>
        d.setIn(['properties', 'invoiceDate'], {
          anyOf: [
            { format: 'date', type: 'string', description: 'A date.' },
            { type: 'string', format: 'date-time' },
            { type: 'string', format: 'date-time' },
            { type: 'integer' },
          ],
        }),
      ),
    breaking: false,
    line: /\(CreateInvoices\): request body invoices\[\]\.invoiceDate: anyOf: 1 alternative added$/,
  },
  {
    change:
      'A response alternative added that its string type already rules out (wire: nothing new comes), which the types take as new (types)',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/BatchType.yaml`, (d) => d.set('anyOf', [...d.toJS().anyOf, { type: 'integer' }])),
    breaking: true,
    line: /\(GetBatchById\): response 200 data\.type: anyOf: 1 alternative added, whose values another still accepts$/,
  },
  {
    change: 'A request body may also be sent as JSON (content types): safe',
    api: 'identity@v1',
    edit: () =>
      edit(`${IDENTITY}/paths/token.yaml`, (d) =>
        d.setIn(['post', 'requestBody', 'content', 'application/json'], {
          schema: { $ref: '../components/schemas/TokenRequest.yaml' },
        }),
      ),
    breaking: false,
    line: /\(RequestAccessToken\): request body \(application\/json\): body added$/,
  },
  {
    change: 'A request body only as JSON (content types): breaking',
    api: 'identity@v1',
    edit: () =>
      edit(`${IDENTITY}/paths/token.yaml`, (d) =>
        d.setIn(['post', 'requestBody', 'content'], {
          'application/json': { schema: { $ref: '../components/schemas/TokenRequest.yaml' } },
        }),
      ),
    breaking: true,
    line: /\(RequestAccessToken\): request body \(application\/x-www-form-urlencoded\): body removed$/,
  },
  {
    change: 'A response header a client reads removed (wire)',
    api: 'autocollect@v1',
    edit: () => edit('spec/openapi/components/responses/TooManyRequests.yaml', (d) => d.delete('headers')),
    breaking: true,
    line: /\(GetInvoiceById\): response 429 header Retry-After: removed$/,
  },
  {
    change: "A response header's type changed (wire)",
    api: 'autocollect@v1',
    edit: () => edit('spec/openapi/components/headers/RetryAfter.yaml', (d) => d.setIn(['schema', 'type'], 'integer')),
    breaking: true,
    line: /\(GetInvoiceById\): response 503 header Retry-After: type changed from "string" to "integer"$/,
  },
  {
    change: 'A response header added (wire): safe',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/components/responses/TooManyRequests.yaml', (d) =>
        d.setIn(['headers', 'RateLimit-Limit'], { description: 'Requests allowed.', schema: { type: 'integer' } }),
      ),
    breaking: false,
    line: /\(GetInvoiceById\): response 429 header RateLimit-Limit: added$/,
  },
  {
    change: 'A response header removed beside another breaking change is listed too (wire)',
    api: 'autocollect@v1',
    edit: () => {
      edit('spec/openapi/components/responses/ServiceUnavailable.yaml', (d) => d.delete('headers'));
      edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'amount', 'maximum'], 1_000_000));
    },
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.amount: maximum 1000000 added$/,
    also: [{ line: /\(GetInvoiceById\): response 503 header Retry-After: removed$/, breaking: true }],
  },
  {
    change: 'A request property becomes readOnly (wire): the API may refuse or drop what clients send',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewInvoice.yaml`, (d) => d.setIn(['properties', 'invoiceNumber', 'readOnly'], true)),
    breaking: true,
    line: /\(CreateInvoices\): request body invoices\[\]\.invoiceNumber: readOnly added$/,
  },
  {
    change: 'A response property becomes writeOnly (wire): readers no longer get it',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'invoiceNumber', 'writeOnly'], true)),
    breaking: true,
    line: /\(GetInvoiceById\): response 200 data\.invoiceNumber: writeOnly added$/,
  },
  {
    change: 'A request object gains dependentRequired (wire): it narrows',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewCorrection.yaml`, (d) => d.set('dependentRequired', { amount: ['description'] })),
    breaking: true,
    line: /\(CreateCorrections\): request body corrections\[\]: dependentRequired \{"amount":\["description"\]\} added$/,
  },
  {
    change: 'A request object gains a `not` (wire): it narrows',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewCorrection.yaml`, (d) => d.set('not', { required: ['date', 'description'] })),
    breaking: true,
    line: /\(CreateCorrections\): request body corrections\[\]: not added$/,
  },
  {
    change: 'A query parameter allows reserved characters unescaped (wire): written otherwise',
    api: 'autocollect@v1',
    edit: () => edit('spec/openapi/components/parameters/PageSize.yaml', (d) => d.set('allowReserved', true)),
    breaking: true,
    line: /\(GetInvoicesByOrganization\): query parameter PageSize: allowReserved true added$/,
  },
  {
    change: 'A keyword spec:diff does not judge (contentEncoding): listed for review, never as text',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewInvoice.yaml`, (d) => d.setIn(['properties', 'invoiceNumber', 'contentEncoding'], 'base64')),
    breaking: true,
    line: /^spec: \/components\/schemas\/NewInvoice\/properties\/invoiceNumber\/contentEncoding changed$/,
  },
  {
    change: 'A keyword spec:diff does not judge, beside a safe change: listed for review still',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewPayment.yaml`, (d) => {
        d.setIn(['properties', 'note'], { type: 'string', description: 'A note for the debtor.' });
        d.setIn(['properties', 'amount', 'contentMediaType'], 'text/plain');
      }),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.note: added \(optional\)$/,
    also: [
      {
        line: /^spec: \/components\/schemas\/NewPayment\/properties\/amount\/contentMediaType changed$/,
        breaking: true,
      },
    ],
  },
  {
    change: 'Request type narrowed',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'currency', 'enum'], ['NOK'])),
    breaking: true,
    line: /\(CreatePayments\): request body payments\[\]\.currency: type changed from string to "NOK"$/,
  },
  {
    change: 'Remove an operation',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/openapi.yaml', (d) =>
        d.deleteIn(['paths', '/orgs/{organizationId}/settlements/{settlementId}']),
      ),
    breaking: true,
    line: /^GET \/orgs\/\{organizationId\}\/settlements\/\{settlementId\} \(GetSettlementById\): removed$/,
  },
  {
    change: 'Remove an operation',
    api: 'legacy@v1',
    edit: () => edit(`${LEGACY}/openapi.yaml`, (d) => d.deleteIn(['paths', '/webapi/api/Ping'])),
    breaking: true,
    line: /^GET \/webapi\/api\/Ping \(LegacyPing\): removed$/,
  },
  {
    change: 'Remove a parameter',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) =>
        d.deleteIn(['get', 'parameters', parameterIndex(d, 'get', 'CustomerNumber')]),
      ),
    breaking: true,
    line: /\(GetInvoicesByOrganization\): query parameter CustomerNumber: removed$/,
  },
  {
    change: 'A parameter becomes required',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) =>
        d.setIn(['get', 'parameters', parameterIndex(d, 'get', 'CustomerNumber'), 'required'], true),
      ),
    breaking: true,
    line: /\(GetInvoicesByOrganization\): query parameter CustomerNumber: became required$/,
  },
  {
    change: 'A parameter becomes required',
    api: 'legacy@v1',
    edit: () =>
      edit(`${LEGACY}/paths/webapi_api_Batch.yaml`, (d) =>
        d.setIn(['get', 'parameters', parameterIndex(d, 'get', 'creditorid'), 'required'], true),
      ),
    breaking: true,
    line: /\(LegacyGetBatch\): query parameter creditorid: became required$/,
  },
  {
    change: 'Webhook payload field removed',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/BatchCompletedEvent.yaml`, (d) => d.deleteIn(['properties', 'timeStamp'])),
    breaking: true,
    line: /^webhook BATCH_COMPLETED \(BATCH_COMPLETED\): request body timeStamp: removed$/,
  },
  {
    change: 'Webhook payload field made optional',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/BatchCompletedEvent.yaml`, (d) => d.setIn(['properties', 'data', 'required'], ['batchId'])),
    breaking: true,
    line: /^webhook BATCH_COMPLETED \(BATCH_COMPLETED\): request body data\.status: became optional$/,
  },
  {
    change: 'Server URL changed',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/openapi.yaml', (d) =>
        d.setIn(['servers', 1, 'url'], 'https://api.test.amili.no/collection/v1'),
      ),
    breaking: true,
    line: /^servers: server staging moved from https:\/\/api\.staging\.amili\.no\/collection\/v1 to https:\/\/api\.test\.amili\.no\/collection\/v1$/,
  },
  {
    change: 'Server URL changed',
    api: 'identity@v1',
    edit: () => edit(`${IDENTITY}/openapi.yaml`, (d) => d.setIn(['servers', 0, 'url'], 'https://login.amili.no')),
    breaking: true,
    line: /^servers: server production moved from https:\/\/auth\.amili\.no to https:\/\/login\.amili\.no$/,
  },
  {
    change: 'New optional request property',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/NewPayment.yaml`, (d) =>
        d.setIn(['properties', 'note'], { type: 'string', description: 'A note for the debtor.' }),
      ),
    breaking: false,
    line: /\(CreatePayments\): request body payments\[\]\.note: added \(optional\)$/,
  },
  {
    change: 'New optional request property',
    api: 'identity@v1',
    edit: () =>
      edit(`${IDENTITY}/components/schemas/TokenRequest.yaml`, (d) =>
        d.setIn(['properties', 'scope'], { type: 'string', description: 'The scopes asked for.' }),
      ),
    breaking: false,
    line: /\(RequestAccessToken\): request body scope: added \(optional\)$/,
  },
  {
    change: 'New response property',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'kid'], { type: 'string', description: 'A KID.' })),
    breaking: false,
    line: /\(GetInvoiceById\): response 200 data\.kid: added \(optional\)$/,
  },
  {
    change: 'New response property',
    api: 'legacy@v1',
    edit: () =>
      edit(`${LEGACY}/components/schemas/LegacyBatch.yaml`, (d) =>
        d.setIn(['properties', 'region'], { type: 'string', description: 'A region.' }),
      ),
    breaking: false,
    line: /\(LegacyGetBatch\): response 200 .*region: added \(optional\)$/,
  },
  {
    change: 'New operation',
    api: 'autocollect@v1',
    edit: () =>
      edit('spec/openapi/openapi.yaml', (d) =>
        d.setIn(['paths', '/orgs/{organizationId}/ping'], {
          get: {
            operationId: 'Ping',
            summary: 'Ping',
            parameters: [{ name: 'organizationId', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '204': { description: 'Alive.' } },
          },
        }),
      ),
    breaking: false,
    line: /^GET \/orgs\/\{organizationId\}\/ping \(Ping\): added$/,
  },
  {
    change: 'Description reworded',
    api: 'autocollect@v1',
    edit: () => edit(`${S}/Invoice.yaml`, (d) => d.set('description', 'An invoice, reworded.')),
    breaking: false,
    line: /^documentation: \/components\/schemas\/Invoice\/description changed$/,
  },
  {
    change: 'Description reworded',
    api: 'identity@v1',
    edit: () => edit(`${IDENTITY}/paths/token.yaml`, (d) => d.setIn(['post', 'summary'], 'Get an access token')),
    breaking: false,
    line: /^documentation: \/paths\/~1token\/post\/summary changed$/,
  },
  {
    change: 'Description reworded',
    api: 'legacy@v1',
    edit: () => edit(`${LEGACY}/components/schemas/LegacyBatch.yaml`, (d) => d.set('description', 'A legacy batch.')),
    breaking: false,
    line: /^documentation: \/components\/schemas\/LegacyBatch\/description changed$/,
  },
  {
    change: 'New required field in a webhook payload',
    api: 'autocollect@v1',
    edit: () =>
      edit(`${S}/BatchCompletedEvent.yaml`, (d) => {
        d.setIn(['properties', 'attempt'], { type: 'integer', description: 'The delivery attempt.' });
        d.set('required', ['id', 'type', 'data', 'attempt']);
      }),
    breaking: false,
    line: /^webhook BATCH_COMPLETED \(BATCH_COMPLETED\): request body attempt: added \(required\)$/,
  },
];

describe('spec:diff gives each change its verdict', () => {
  /** Each case's changes, in the table's order; then the base compared with itself. */
  let judged: ReturnType<typeof lines>[];
  beforeAll(async () => {
    const heads = CASES.map(({ edit: make }) => {
      tree = new Map(base);
      make();
      return tree;
    });
    judged = (await specChangesEach(base, [...heads, base])).map(lines);
  });

  it.each(CASES.map((c, index) => ({ ...c, index })))(
    '$change ($api): breaking $breaking',
    ({ api, breaking, line, also = [], index }) => {
      const changes = judged[index]!;
      expect(
        changes.some((c) => c.api === api && line.test(c.line)),
        changes.map((c) => c.line).join('\n'),
      ).toBe(true);
      for (const each of also)
        expect(changes.find((c) => each.line.test(c.line))?.breaking, String(each.line)).toBe(each.breaking);
      // The verdict of the whole version, and no change to any other description.
      expect(changes.some((c) => c.breaking)).toBe(breaking);
      expect(changes.filter((c) => c.api !== api)).toEqual([]);
    },
  );

  it('finds nothing between the spec and itself', () => {
    expect(judged[CASES.length]).toEqual([]);
  });
});

describe('spec:diff on changes the wire judges, each said once', () => {
  it("a schema reached through two branches gives one line; a success status or a server moved is the wire's verdict", async () => {
    tree = new Map(base);
    edit(`${S}/Debtor.yaml`, (d) => d.setIn(['properties', 'dateOfBirth', 'format'], 'date-time'));
    const twice = tree;
    tree = new Map(base);
    edit('spec/openapi/openapi.yaml', (d) => d.setIn(['servers', 1, 'url'], 'https://api.test.amili.no/collection/v1'));
    edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) => {
      d.setIn(['post', 'responses', '201'], d.getIn(['post', 'responses', '202']));
      d.deleteIn(['post', 'responses', '202']);
    });
    const moved = tree;
    const [once, wire] = await specChangesEach(base, [twice, moved]);
    const all = once!.flatMap(({ changes }) => changes);
    const dateOfBirth = all.filter((c) => /\(CreateInvoices\)/.test(c.where) && /dateOfBirth: format/.test(c.text));
    expect(dateOfBirth).toHaveLength(1);
    const changes = wire!.flatMap(({ changes }) => changes);
    expect(changes.find((c) => /server staging moved/.test(c.text))).toMatchObject({ judge: 'wire', breaking: true });
    expect(changes.find((c) => /\(CreateInvoices\)/.test(c.where) && c.text === 'response 202 removed')).toMatchObject({
      judge: 'wire',
      breaking: true,
    });
  });
});

describe('spec:diff inside lists: each element compared where the lists pair, the list judged whole where they do not', () => {
  /** Each change of a version to the main description (the legacy one shares DateOrDateTime), with its verdict, judge and why. */
  const told = (results: SpecChanges | undefined) =>
    results!
      .filter(({ api }) => api === 'autocollect@v1')
      .flatMap(({ changes }) => changes)
      .map(({ where, text, breaking, judge, why }) => ({ line: `${where}: ${text}`, breaking, judge, why }));
  /** The spec with the edits given. */
  const edited = (...edits: [string, (document: Document) => void][]) => {
    tree = new Map(base);
    for (const [file, change] of edits) edit(file, change);
    return tree;
  };
  const review = (keyword: string) => `spec:diff does not judge ${keyword}: review it`;

  it('a keyword no judge weighs is REVIEW and a text edit is documentation, however deep in a list', async () => {
    const [encoded, serverText, branchText] = (
      await specChangesEach(base, [
        edited([`${S}/NewDebtor.yaml`, (d) => d.setIn(['allOf', 1, 'contentEncoding'], 'base64')]),
        edited([
          'spec/openapi/openapi.yaml',
          (d) => d.setIn(['servers', 0, 'x-provenance-reason'], 'Amili names the production host in a batchUrl.'),
        ]),
        edited([`${S}/NewDebtor.yaml`, (d) => d.setIn(['allOf', 0, 'description'], 'The debtor as a whole.')]),
      ])
    ).map(told);
    expect(encoded).toEqual([
      {
        line: 'spec: /components/schemas/NewDebtor/allOf/1/contentEncoding changed',
        breaking: true,
        judge: 'none',
        why: review('contentEncoding'),
      },
    ]);
    expect(serverText).toEqual([
      { line: 'documentation: /servers/0/x-provenance-reason changed', breaking: false, judge: 'docs', why: undefined },
    ]);
    expect(branchText).toEqual([
      {
        line: 'documentation: /components/schemas/NewDebtor/allOf/0/description changed',
        breaking: false,
        judge: 'docs',
        why: undefined,
      },
    ]);
  });

  it('lists that do not pair element by element: a judge covers the list, or it is REVIEW; no keyword hides in them', async () => {
    const [besideAdded, reordered, renamed] = (
      await specChangesEach(base, [
        // An alternative added (the wire judges it) beside one given a keyword no judge weighs.
        edited([
          `${S}/DateOrDateTime.yaml`,
          (d) => {
            d.setIn(['anyOf', 0, 'contentEncoding'], 'base64');
            (d.get('anyOf') as any).add({ type: 'integer' });
          },
        ]),
        edited([`${S}/DateOrDateTime.yaml`, (d) => d.set('anyOf', d.toJS().anyOf.reverse())]),
        // The client names the API's servers by their description (servers.sandbox): not text.
        edited(['spec/openapi/openapi.yaml', (d) => d.setIn(['servers', 2, 'description'], 'Local')]),
      ])
    ).map(told);
    expect(besideAdded).toEqual(
      expect.arrayContaining([
        {
          line: 'spec: /components/schemas/DateOrDateTime/anyOf/0/contentEncoding changed',
          breaking: true,
          judge: 'none',
          why: review('contentEncoding'),
        },
        expect.objectContaining({
          line: expect.stringMatching(
            /\(CreateInvoices\): request body invoices\[\]\.invoiceDate: anyOf: 1 alternative added$/,
          ),
          breaking: false,
        }),
      ]),
    );
    expect(besideAdded!.filter((c) => c.line === 'spec: /components/schemas/DateOrDateTime/anyOf changed')).toEqual([]);
    expect(reordered).toEqual([
      {
        line: 'spec: /components/schemas/DateOrDateTime/anyOf changed',
        breaking: false,
        judge: 'wire',
        why: 'written otherwise: the types and the wire are the same',
      },
    ]);
    expect(renamed).toEqual([
      expect.objectContaining({
        line: 'servers: server sandbox (http://127.0.0.1:4010/collection/v1) removed',
        breaking: true,
      }),
      expect.objectContaining({
        line: 'servers: server local (http://127.0.0.1:4010/collection/v1) added',
        breaking: false,
      }),
    ]);
  });
  it('an allOf entry added narrows and one removed widens: judged by who makes the value, not REVIEW', async () => {
    /** BatchReference (in the creates' 202 responses) with an allOf of one entry. */
    const plain = edited([`${S}/BatchReference.yaml`, (d) => d.set('allOf', [{ minProperties: 1 }])]);
    // An entry more in a request body's, a webhook payload's and a response's allOf.
    const narrowed = edited(
      [`${S}/BatchReference.yaml`, (d) => d.set('allOf', [{ minProperties: 1 }, { maxProperties: 5 }])],
      [`${S}/NewDebtor.yaml`, (d) => (d.get('allOf') as any).add({ minProperties: 2 })],
      [
        `${S}/CaseUpdatedEvent.yaml`,
        (d) => (d.getIn(['properties', 'data', 'allOf']) as any).add({ minProperties: 1 }),
      ],
    );
    const [[added], [removed]] = (
      await Promise.all([specChangesEach(plain, [narrowed]), specChangesEach(narrowed, [plain])])
    ).map((results) => results.map(told));
    const entry = (operation: string, at: string, what: 'added' | 'removed', breaking: boolean) =>
      expect.objectContaining({
        line: expect.stringMatching(new RegExp(`\\(${operation}\\): ${at}: allOf: 1 entry ${what}$`)),
        breaking,
        judge: 'wire',
      });
    // A client sends the request body, reads the response, and reads the webhook's payload.
    expect(added).toEqual(
      expect.arrayContaining([
        entry('CreateInvoices', 'request body invoices\\[\\]\\.debtors\\[\\]', 'added', true),
        entry('CreateInvoices', 'response 202 data', 'added', false),
        entry('CASE_UPDATED', 'request body data', 'added', false),
      ]),
    );
    expect(removed).toEqual(
      expect.arrayContaining([
        entry('CreateInvoices', 'request body invoices\\[\\]\\.debtors\\[\\]', 'removed', false),
        entry('CreateInvoices', 'response 202 data', 'removed', true),
        entry('CASE_UPDATED', 'request body data', 'removed', true),
      ]),
    );
    for (const changes of [added, removed]) expect(changes!.filter((c) => c.judge === 'none')).toEqual([]);
  });

  it('a whole allOf added or removed is judged as its entries are, never taken for the same wire', async () => {
    // NewPayment (CreatePayments' request body) has no allOf: one of one entry, or none again.
    const constrained = edited([`${S}/NewPayment.yaml`, (d) => d.set('allOf', [{ minProperties: 3 }])]);
    const [[added], [removed]] = (
      await Promise.all([specChangesEach(base, [constrained]), specChangesEach(constrained, [base])])
    ).map((results) => results.map(told));
    const entry = (what: 'added' | 'removed', breaking: boolean) =>
      expect.objectContaining({
        line: expect.stringMatching(
          new RegExp(`\\(CreatePayments\\): request body payments\\[\\]: allOf: 1 entry ${what}$`),
        ),
        breaking,
        judge: 'wire',
      });
    expect(added).toEqual(expect.arrayContaining([entry('added', true)]));
    expect(removed).toEqual(expect.arrayContaining([entry('removed', false)]));
    for (const changes of [added, removed])
      expect(changes.filter((change) => /written otherwise/.test(change.why ?? ''))).toEqual([]);
  });

  it('an allOf entry of words alone constrains nothing: it breaks no side', async () => {
    // NewDebtor is in CreateInvoices' request body, BatchReference in its 202 response.
    const bare = edited(
      [`${S}/NewDebtor.yaml`, (d) => (d.get('allOf') as any).add({ description: 'Either kind of debtor.' })],
      [`${S}/BatchReference.yaml`, (d) => d.set('allOf', [{ title: 'A batch', 'x-note': 'words' }])],
    );
    const [[added], [removed]] = (
      await Promise.all([specChangesEach(base, [bare]), specChangesEach(bare, [base])])
    ).map((results) => results.map(told));
    for (const changes of [added, removed]) {
      expect(changes!.filter((change) => change.breaking)).toEqual([]);
      expect(changes!.filter((change) => /allOf/.test(change.line))).not.toEqual([]);
    }
  });

  it('an allOf entry that keeps a constraint beside its words is still judged', async () => {
    const constrained = edited([
      `${S}/NewDebtor.yaml`,
      (d) => (d.get('allOf') as any).add({ description: 'At least two.', minProperties: 2 }),
    ]);
    const [added] = (await specChangesEach(base, [constrained])).map(told);
    expect(added).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: expect.stringMatching(/request body invoices\[\]\.debtors\[\]: allOf: 1 entry added$/),
          breaking: true,
        }),
      ]),
    );
  });
});

describe('spec:diff on a response status become the range that covers it', () => {
  /** CreateInvoices answering 2XX where it answered 202, as the same response. */
  const ranged = () =>
    edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) => {
      d.setIn(['post', 'responses', '2XX'], d.getIn(['post', 'responses', '202']));
      d.deleteIn(['post', 'responses', '202']);
    });

  it('202 become 2XX is safe, since a client takes any 2XX answer as success; a schema changed beside it is judged', async () => {
    tree = new Map(base);
    ranged();
    const same = tree;
    tree = new Map(base);
    ranged();
    edit(`${S}/BatchReference.yaml`, (d) => {
      d.set('required', []);
      d.deleteIn(['properties', 'batchId', 'format']);
    });
    const changed = tree;
    const [sameLines, changedLines] = (await specChangesEach(base, [same, changed])).map(lines);
    const of = (all: ReturnType<typeof lines> | undefined) =>
      all!
        .filter((c) => /\(CreateInvoices\)$/.test(c.line.split(': ')[0]!))
        .map(({ line, breaking }) => ({ line: line.slice(line.indexOf(': ') + 2), breaking }));
    expect(of(sameLines)).toEqual([{ line: 'response 202 became 2XX', breaking: false }]);
    expect(sameLines!.some((c) => c.breaking)).toBe(false);
    expect(of(changedLines)).toEqual(
      expect.arrayContaining([
        { line: 'response 202 became 2XX', breaking: false },
        { line: 'response 202 (now 2XX) data.batchId: became optional', breaking: true },
        { line: 'response 202 (now 2XX) data.batchId: format "uuid" removed', breaking: true },
      ]),
    );
    expect(of(changedLines).filter((c) => /response (202|2XX) (removed|added)$/.test(c.line))).toEqual([]);
  });

  it('2XX become a code within it narrows what comes: safe for a reader, breaking for a webhook receiver, who answers', async () => {
    /** CreateInvoices answering 2XX, and BATCH_COMPLETED's receiver answering 2XX, where they answered 202 and 200. */
    const withRanges = () => {
      tree = new Map(base);
      ranged();
      edit('spec/openapi/webhooks/BATCH_COMPLETED.yaml', (d) => {
        d.setIn(['post', 'responses', '2XX'], d.getIn(['post', 'responses', '200']));
        d.deleteIn(['post', 'responses', '200']);
      });
      return tree;
    };
    const ranges = withRanges();
    tree = new Map(base);
    edit(`${S}/BatchReference.yaml`, (d) => d.set('required', []));
    const [narrowed, changed] = await specChangesEach(ranges, [base, tree]);
    const of = (results: SpecChanges | undefined, operation: string) =>
      results!
        .flatMap(({ changes }) => changes)
        .filter((c) => c.where.endsWith(`(${operation})`))
        .map(({ text, breaking, judge }) => ({ text, breaking, judge }));
    expect(of(narrowed, 'CreateInvoices')).toEqual([
      { text: 'response 2XX became 202', breaking: false, judge: 'wire' },
    ]);
    expect(of(narrowed, 'BATCH_COMPLETED')).toEqual([
      { text: 'response 2XX became 200', breaking: true, judge: 'wire' },
    ]);
    // What the code's response carries is judged against the range's.
    expect(of(changed, 'CreateInvoices')).toEqual(
      expect.arrayContaining([
        { text: 'response 2XX became 202', breaking: false, judge: 'wire' },
        { text: 'response 2XX (now 202) data.batchId: became optional', breaking: true, judge: undefined },
      ]),
    );
    expect(of(changed, 'CreateInvoices').filter((c) => /response (202|2XX) (removed|added)$/.test(c.text))).toEqual([]);
  });
});

describe('spec:diff on a pattern changed, worded for the side that makes the value', () => {
  /** KnownInvoiceType is sent (CreateInvoices) and read (GetInvoiceById): with a pattern, or without. */
  const withPattern = (pattern?: string) => {
    tree = new Map(base);
    if (pattern) edit(`${S}/KnownInvoiceType.yaml`, (d) => d.set('pattern', pattern));
    return tree;
  };
  /** Each verdict and reason given for a change, by its operation and its words. */
  const found = (results: SpecChanges | undefined, operation: string, text: string) =>
    results!
      .flatMap(({ changes }) => changes)
      .filter((c) => c.where.endsWith(`(${operation})`) && c.text === text)
      .map(({ breaking, why }) => ({ breaking, why }));

  it('a pattern replaced breaks both sides: a request may be refused, a reader may get values the old one did not allow', async () => {
    const [changed, removed] = await specChangesEach(withPattern('^[A-Z_]+$'), [
      withPattern('^[A-Z_]{1,20}$'),
      withPattern(),
    ]);
    const replaced = 'pattern changed from "^[A-Z_]+$" to "^[A-Z_]{1,20}$"';
    expect(found(changed, 'CreateInvoices', `request body invoices[].type: ${replaced}`)).toEqual([
      { breaking: true, why: 'a request accepted before may be refused' },
    ]);
    expect(found(changed, 'GetInvoiceById', `response 200 data.type: ${replaced}`)).toEqual([
      {
        breaking: true,
        why: 'a reader may get values the old pattern did not allow: spec:diff cannot tell that the new one allows no more',
      },
    ]);
    // Without it, a request may carry more; a reader may meet what the old pattern kept out.
    const gone = 'pattern "^[A-Z_]+$" removed';
    expect(found(removed, 'CreateInvoices', `request body invoices[].type: ${gone}`)).toEqual([
      { breaking: false, why: 'a request may carry more than before' },
    ]);
    expect(found(removed, 'GetInvoiceById', `response 200 data.type: ${gone}`)).toEqual([
      { breaking: true, why: 'a reader may get values the old pattern did not allow' },
    ]);
  });
});

describe('spec:diff on headers between integer and number, each change said once', () => {
  /** A response header (429's RateLimit-Limit) and a header parameter of GetInvoicesByOrganization, of a type. */
  const withHeaders = (type: string) => {
    tree = new Map(base);
    edit('spec/openapi/components/responses/TooManyRequests.yaml', (d) =>
      d.setIn(['headers', 'RateLimit-Limit'], { description: 'Requests allowed.', schema: { type } }),
    );
    edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) =>
      (d.getIn(['get', 'parameters']) as any).add({ name: 'X-Count', in: 'header', schema: { type } }),
    );
    return tree;
  };

  it('a header integer become number, or number become integer, gives one line, its verdict by who makes the value', async () => {
    const [wider] = (await specChangesEach(withHeaders('integer'), [withHeaders('number')])).map(lines);
    const [narrower] = (await specChangesEach(withHeaders('number'), [withHeaders('integer')])).map(lines);
    const of = (all: ReturnType<typeof lines> | undefined) =>
      all!
        .filter((c) => c.line.startsWith('GET /orgs/{organizationId}/invoices (GetInvoicesByOrganization): '))
        .map(({ line, breaking }) => ({ line: line.slice(line.indexOf('): ') + 3), breaking }));
    // A reader may meet fractions; a request may send them.
    expect(of(wider)).toEqual([
      { line: 'header parameter X-Count: type integer became number', breaking: false },
      { line: 'response 429 header RateLimit-Limit: type integer became number', breaking: true },
    ]);
    // A reader gets whole numbers, which it parsed before; a request sending fractions is refused.
    expect(of(narrower)).toEqual([
      { line: 'header parameter X-Count: type number became integer', breaking: true },
      { line: 'response 429 header RateLimit-Limit: type number became integer', breaking: false },
    ]);
  });
});

describe('spec:diff on what a value left out means: defaults, and server variables', () => {
  /** The spec with a default page size, currency and server host, as given. */
  const withDefaults = (pageSize: number, currency: string, host: string) => {
    tree = new Map(base);
    edit('spec/openapi/components/parameters/PageSize.yaml', (d) => d.setIn(['schema', 'default'], pageSize));
    edit(`${S}/NewPayment.yaml`, (d) => d.setIn(['properties', 'currency', 'default'], currency));
    edit('spec/openapi/openapi.yaml', (d) => {
      d.setIn(['servers', 0, 'url'], 'https://{host}/collection/v1');
      d.setIn(['servers', 0, 'variables'], { host: { default: host } });
    });
    return tree;
  };

  it('a default changed breaks a request that leaves the value out; a server variable changed moves the server', async () => {
    const before = withDefaults(20, 'NOK', 'api.amili.no');
    const [changed] = (await specChangesEach(before, [withDefaults(50, 'SEK', 'api2.amili.no')])).map(lines);
    const found = (pattern: RegExp) => changed!.filter((c) => pattern.test(c.line)).map((c) => c.breaking);
    expect(found(/\(GetInvoicesByOrganization\): query parameter PageSize: default changed from 20 to 50$/)).toEqual([
      true,
    ]);
    expect(
      found(/\(CreatePayments\): request body payments\[\]\.currency: default changed from "NOK" to "SEK"$/),
    ).toEqual([true]);
    expect(
      found(
        /^servers: server production moved from https:\/\/api\.amili\.no\/collection\/v1 to https:\/\/api2\.amili\.no/,
      ),
    ).toEqual([true]);
  });
});

describe("spec:diff on a server variable's values (enum)", () => {
  /** The production server's host a variable, of the values given (any value without them). */
  const withHosts = (hosts?: string[]) => {
    tree = new Map(base);
    edit('spec/openapi/openapi.yaml', (d) => {
      d.setIn(['servers', 0, 'url'], 'https://{host}/collection/v1');
      d.setIn(['servers', 0, 'variables'], { host: { default: 'api.amili.no', ...(hosts && { enum: hosts }) } });
    });
    return tree;
  };

  it('a value gone breaks a client that calls the server with it; a value come, or the list gone, breaks nothing', async () => {
    const both = ['api.amili.no', 'api2.amili.no'];
    const results = await specChangesEach(withHosts(both), [
      withHosts(['api.amili.no']),
      withHosts([...both, 'api3.amili.no']),
      withHosts(),
    ]);
    const [lost, gained, opened] = results.map((result) =>
      result
        .flatMap(({ changes }) => changes)
        .map(({ where, text, breaking, judge }) => ({ line: `${where}: ${text}`, breaking, judge })),
    );
    expect(lost).toEqual([
      {
        line: 'servers: server production variable host: value "api2.amili.no" removed',
        breaking: true,
        judge: 'wire',
      },
    ]);
    expect(gained).toEqual([
      { line: 'servers: server production variable host: value "api3.amili.no" added', breaking: false, judge: 'wire' },
    ]);
    expect(opened).toEqual([
      { line: 'servers: server production variable host: enum removed', breaking: false, judge: 'wire' },
    ]);
    // A list where any value went: the values it leaves out are gone.
    const [closed] = await specChangesEach(withHosts(), [withHosts(both)]);
    expect(closed!.flatMap(({ changes }) => changes)).toEqual([
      expect.objectContaining({
        where: 'servers',
        text: 'server production variable host: enum ["api.amili.no","api2.amili.no"] added',
        breaking: true,
      }),
    ]);
  });
});

describe("spec:diff on an operation's or a path's own servers, judged as the API's are", () => {
  const upload = 'https://{region}.upload.amili.no/collection/v1';
  /** CreateInvoices (its operation) and CreatePayments (its path) sent to an upload server, its region a variable. */
  const withUpload = (region: { default: string; enum?: string[] }) => {
    tree = new Map(base);
    const servers = [{ url: upload, description: 'Uploads', variables: { region } }];
    edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) => d.setIn(['post', 'servers'], servers));
    edit(`${PATHS}/orgs_{organizationId}_payments.yaml`, (d) => d.set('servers', servers));
    return tree;
  };
  const both = ['eu', 'us'];

  it("a variable's value gone, or its default changed, breaks; a value come breaks nothing", async () => {
    const [lost, moved, gained] = await specChangesEach(withUpload({ default: 'eu', enum: both }), [
      withUpload({ default: 'eu', enum: ['eu'] }),
      withUpload({ default: 'us', enum: both }),
      withUpload({ default: 'eu', enum: [...both, 'ap'] }),
    ]);
    const of = (results: SpecChanges | undefined) =>
      results!
        .flatMap(({ changes }) => changes)
        .map(({ where, text, breaking, judge }) => ({ line: `${where}: ${text}`, breaking, judge }));
    const invoices = 'POST /orgs/{organizationId}/invoices (CreateInvoices)';
    const payments = 'POST /orgs/{organizationId}/payments (CreatePayments)';
    expect(of(lost)).toEqual(
      [invoices, payments].map((where) => ({
        line: `${where}: server ${upload} variable region: value "us" removed`,
        breaking: true,
        judge: 'wire',
      })),
    );
    expect(of(moved)).toEqual(
      [invoices, payments].map((where) => ({
        line: `${where}: server ${upload} moved from https://eu.upload.amili.no/collection/v1 to https://us.upload.amili.no/collection/v1`,
        breaking: true,
        judge: 'wire',
      })),
    );
    expect(of(gained)).toEqual(
      [invoices, payments].map((where) => ({
        line: `${where}: server ${upload} variable region: value "ap" added`,
        breaking: false,
        judge: 'wire',
      })),
    );
  });

  it('servers of its own given to an operation that used the API servers: those it no longer calls break', async () => {
    const [own] = await specChangesEach(base, [withUpload({ default: 'eu' })]);
    const lines = own!
      .flatMap(({ changes }) => changes)
      .filter(({ where }) => where.endsWith('(CreateInvoices)'))
      .map(({ text, breaking }) => ({ text, breaking }));
    expect(lines).toEqual([
      { text: 'server https://api.amili.no/collection/v1 removed', breaking: true },
      { text: 'server https://api.staging.amili.no/collection/v1 removed', breaking: true },
      { text: 'server http://127.0.0.1:4010/collection/v1 removed', breaking: true },
      { text: `server ${upload} (https://eu.upload.amili.no/collection/v1) added`, breaking: false },
    ]);
  });
});

describe("spec:diff on parameters' serialization, as the wire writes them", () => {
  /** The spec with GetInvoicesByOrganization taking a list of tags, in the query and in a header, as `make` shapes them. */
  const withTags = (query: Record<string, unknown>, header: Record<string, unknown>) => {
    tree = new Map(base);
    edit(`${PATHS}/orgs_{organizationId}_invoices.yaml`, (d) => {
      const list = { type: 'array', items: { type: 'string' } };
      (d.getIn(['get', 'parameters']) as any).add({ name: 'Tags', in: 'query', schema: list, ...query });
      (d.getIn(['get', 'parameters']) as any).add({ name: 'X-Tags', in: 'header', schema: list, ...header });
    });
    return tree;
  };

  it('an array written alike is no change; written otherwise, it breaks', async () => {
    const before = withTags({}, {});
    const alike = withTags({ style: 'spaceDelimited', explode: true }, { explode: true });
    const otherwise = withTags({ explode: false }, { explode: true });
    const [same, changed] = (await specChangesEach(before, [alike, otherwise])).map(lines);
    expect(same!.filter((c) => /Tags/.test(c.line))).toEqual([]);
    expect(changed!.filter((c) => /Tags/.test(c.line))).toEqual([
      expect.objectContaining({
        line: expect.stringMatching(/query parameter Tags: explode changed from true \(the default\) to false$/),
        breaking: true,
      }),
    ]);
  });
});

describe('spec:diff on object alternatives beside other types', () => {
  /** A payer, a person or a company or a plain name, on the invoice sent (request) and the one read (response). */
  const billTo = (person: Record<string, unknown>) => ({
    anyOf: [
      { type: 'object', required: ['firstname'], properties: person },
      { type: 'object', required: ['name'], properties: { name: { type: 'string' }, orgNo: { type: 'string' } } },
      { type: 'string' },
    ],
  });
  const person = { firstname: { type: 'string' }, lastname: { type: 'string' } };
  /** The spec's files with billTo on both invoices, as `make` gives it for each. */
  const withBillTo = (make: (file: string) => unknown) => {
    tree = new Map(base);
    for (const file of [`${S}/NewInvoice.yaml`, `${S}/Invoice.yaml`])
      edit(file, (d) => d.setIn(['properties', 'billTo'], make(file)));
    return tree;
  };

  it('a property removed from one object alternative breaks code that set or read it, though the unions stay assignable', async () => {
    const before = withBillTo(() => billTo(person));
    const removed = withBillTo(() => billTo({ firstname: { type: 'string' } }));
    // A response whose alternatives collapse to the one object, without the property.
    const collapsed = withBillTo((file) =>
      file.endsWith('/NewInvoice.yaml')
        ? billTo(person)
        : { type: 'object', properties: { firstname: { type: 'string' } } },
    );
    const [removedLines, collapsedLines] = (await specChangesEach(before, [removed, collapsed])).map(lines);
    const found = (all: ReturnType<typeof lines>, pattern: RegExp) => all.filter((c) => pattern.test(c.line));
    expect(
      found(
        removedLines!,
        /\(CreateInvoices\): request body invoices\[\]\.billTo\.lastname: removed \(in one of its alternatives\)$/,
      ),
    ).toEqual([expect.objectContaining({ breaking: true })]);
    expect(
      found(
        removedLines!,
        /\(GetInvoiceById\): response 200 data\.billTo\.lastname: removed \(in one of its alternatives\)$/,
      ),
    ).toEqual([expect.objectContaining({ breaking: true })]);
    expect(
      found(
        collapsedLines!,
        /\(GetInvoiceById\): response 200 data\.billTo\.lastname: removed \(in one of its alternatives\)$/,
      ),
    ).toEqual([expect.objectContaining({ breaking: true })]);
  });
});
