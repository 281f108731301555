// The breaking-change gate, on real commits: each change is committed in a copy of the
// repo, and `npm run spec:diff` compares it with the commit before.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, parseDocument } from 'yaml';
import { copyOfRepo } from '../../scripts/repo-copy.js';
import { specChanges } from '../../scripts/spec-diff.js';

let copy: string;
let base: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, encoding: 'utf8' }).trim();

beforeAll(() => {
  copy = copyOfRepo('spec-diff');
  base = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** Edits a YAML file of the copy, keeping its layout and comments. */
function edit(file: string, change: (document: Document) => void) {
  const path = join(copy, file);
  const document = parseDocument(readFileSync(path, 'utf8'));
  change(document);
  writeFileSync(path, document.toString({ lineWidth: 0 }));
}

/** Index of the parameter named `name` in a path file's list. */
const parameterIndex = (document: Document, method: string, name: string) =>
  (document.getIn([method, 'parameters']) as any).toJSON().findIndex((p: { name?: string }) => p.name === name);

/** Commits an edit on top of the base commit, and lists what spec:diff says of it. */
async function commit(change: () => void) {
  git('reset', '-q', '--hard', base);
  change();
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
  const results = await specChanges('HEAD~1', copy);
  return results.flatMap(({ api, changes }) =>
    changes.map((c) => ({ api, line: `${c.where}: ${c.text}`, breaking: c.breaking })),
  );
}

const S = 'spec/openapi/components/schemas';
const PATHS = 'spec/openapi/paths';
const IDENTITY = 'spec/openapi/identity';
const LEGACY = 'spec/openapi/legacy';

interface Case {
  change: string;
  api: string;
  edit: () => void;
  breaking: boolean;
  /** A line the change list must hold. */
  line: RegExp;
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
  it.each(CASES)('$change ($api): breaking $breaking', async ({ api, edit, breaking, line }) => {
    const changes = await commit(edit);
    expect(
      changes.some((c) => c.api === api && line.test(c.line)),
      changes.map((c) => c.line).join('\n'),
    ).toBe(true);
    // The verdict of the whole commit, and no change to any other description.
    expect(changes.some((c) => c.breaking)).toBe(breaking);
    expect(changes.filter((c) => c.api !== api)).toEqual([]);
  });

  it('finds nothing between a commit and itself', async () => {
    git('reset', '-q', '--hard', base);
    const results = await specChanges('HEAD', copy);
    expect(results.flatMap((r) => r.changes)).toEqual([]);
  });
});

describe('npm run spec:diff', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(copy, 'scripts/spec-diff.js'), ...args], { cwd: copy, encoding: 'utf8' });
  const changeset = (bump: string) =>
    writeFileSync(join(copy, '.changeset/spec-change.md'), `---\n'@autocollect/client': ${bump}\n---\n\nA change.\n`);

  it('fails on a breaking change without a major changeset for @autocollect/client, and says what to do', async () => {
    await commit(() => edit(`${S}/Invoice.yaml`, (d) => d.deleteIn(['properties', 'ocrReferenceNumber'])));
    const result = run('--base', 'HEAD~1');
    expect(result.stdout).toMatch(
      /^ {2}BREAKING {2}GET .*\(GetInvoiceById\): response 200 data\.ocrReferenceNumber: removed$/m,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/breaking change\(s\) without a major changeset for @autocollect\/client/);
    expect(result.stderr).toMatch(/npx changeset/);

    changeset('minor');
    expect(run('--base', 'HEAD~1').status).toBe(1);
    changeset('major');
    const released = run('--base', 'HEAD~1');
    expect(released.status, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/released as a major version of @autocollect\/client/);
  });

  it('passes a safe change, and lists it', async () => {
    await commit(() => edit(`${S}/Invoice.yaml`, (d) => d.setIn(['properties', 'kid'], { type: 'string' })));
    const result = run('--base', 'HEAD~1');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^ {2}safe {6}GET .*\(GetInvoiceById\): response 200 data\.kid: added \(optional\)$/m,
    );
    expect(result.stdout).toMatch(/No breaking change\./);
  });

  it('explains its usage', () => {
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--base <git ref>/);
    const unknown = run('--base', 'no-such-ref');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'git knows no commit "no-such-ref": pass a branch, tag or commit of this repo as --base.',
    );
  });
});
