// A sandbox for one test file, and plain fetch calls against it: the tests see the
// wire as a client in any language would.
import { type SandboxOptions, startSandbox } from '@autocollect/sandbox';

export type RunningSandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function tokenFor(sandbox: RunningSandbox): Promise<string> {
  const response = await fetch(sandbox.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
    }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A started sandbox with a token, and a call helper that takes paths relative to the organization. */
export async function sandboxWithToken(options: SandboxOptions = {}) {
  const sandbox = await startSandbox({ port: 0, batchDelayMs: 0, ...options });
  let token = await tokenFor(sandbox);
  const org = `/orgs/${sandbox.organizationId}`;
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const url = path.startsWith('http') ? path : `${sandbox.baseUrl}${path.replace('{org}', org)}`;
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes('json') ? JSON.parse(text) : text,
    };
  }
  return {
    sandbox,
    call,
    org,
    renewToken: async () => {
      token = await tokenFor(sandbox);
    },
  };
}

let counter = 0;
/** An invoice as CreateInvoices takes it. */
export function newInvoice(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    type: 'PAYMENT_REMINDER' as const,
    invoiceNumber: `2025-${String(counter).padStart(5, '0')}`,
    vat: false,
    fees: true,
    originalInvoiceAmount: 1250.5,
    currency: 'NOK',
    invoiceDate: '2025-03-01',
    dueDate: '2025-03-15',
    collectionNoticeDate: null,
    uniqueSourceInvoiceId: `ORDER-${counter}`,
    description: 'Strøm mars',
    debtors: [{ type: 'PRIVATE' as const, firstname: 'Kari', lastname: 'Nordmann', customerNumber: `C-${counter}` }],
    ...overrides,
  };
}
