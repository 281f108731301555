// Sends what the panel holds with @autocollect/client (its retries, typed errors and token
// logic), and keeps exactly what went out and what came back.
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  createAutoCollectClient,
  TimeoutError,
} from '@autocollect/client';
import { createAutoCollectLegacyClient } from '@autocollect/client/legacy';
import { isLoopback } from '../../../client/src/endpoints.js';
import type { TryOperation } from './description.js';
import { tokenUrlFor } from './token-url.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export interface Request {
  /** The API's name in redocly.yaml: autocollect@v1, identity@v1, legacy@v1. */
  api: string;
  server: string;
  credentials: Credentials;
  operation: TryOperation;
  params: { path: Record<string, string>; query: Record<string, string>; header: Record<string, string> };
  body: unknown;
}

/** What went out: the request as the client sent it, without its Authorization header. */
export interface Sent {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | undefined;
}

export interface Answer {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  mediaType: string | undefined;
  text: string;
}

export type Outcome =
  | { sent: Sent; answer: Answer }
  | { sent: Sent | undefined; failure: { kind: 'unreachable' | 'timeout' | 'refused' | 'invalid'; message: string } };

type Client = ReturnType<typeof createAutoCollectClient>;

/** One client per server and credentials: it keeps its token until shortly before it expires. */
const clients = new Map<string, { client: Client; sent?: Sent | undefined; text?: string }>();

function clientFor(api: string, server: string, credentials: Credentials) {
  const key = JSON.stringify([api, server, credentials]);
  let entry = clients.get(key);
  if (!entry) {
    const auth = { ...credentials, tokenUrl: tokenUrlFor(api, server) };
    const create = api === 'legacy@v1' ? createAutoCollectLegacyClient : createAutoCollectClient;
    const client = create({ baseUrl: server, auth }) as Client;
    const record: { client: Client; sent?: Sent | undefined; text?: string } = { client };
    client.use({
      async onRequest({ request }) {
        const headers = [...request.headers].filter(([name]) => name !== 'authorization');
        const body = request.body === null ? undefined : await request.clone().text();
        record.sent = { method: request.method, url: request.url, headers, body };
      },
      async onResponse({ response }) {
        record.text = await response.clone().text();
      },
    });
    entry = record;
    clients.set(key, entry);
  }
  return entry;
}

/** Sends the request; never throws: a failure is an outcome the panel explains. */
export async function send(request: Request): Promise<Outcome> {
  const { operation, server, params, body } = request;
  const started = performance.now();
  let entry: ReturnType<typeof clientFor> | undefined;
  try {
    if (request.api === 'identity@v1') return await sendForm(request, started);
    entry = clientFor(request.api, server, request.credentials);
    entry.sent = undefined;
    // The client's method of that name (GET, POST, …), as openapi-fetch has it.
    const { request: call } = entry.client as unknown as {
      request: (method: string, path: string, init: object) => Promise<{ response: Response }>;
    };
    const init = { params, ...(body === undefined ? {} : { body }), parseAs: 'text' };
    const { response } = await call(operation.method, operation.path, init);
    return { sent: entry.sent as unknown as Sent, answer: answerOf(response, entry.text ?? '', started) };
  } catch (error) {
    return { sent: entry?.sent, failure: failureOf(error, server) };
  }
}

/** The token request: a form post, with no token (the one operation the client does not wrap). */
async function sendForm({ server, operation, body }: Request, started: number): Promise<Outcome> {
  const url = `${server.replace(/\/$/, '')}${operation.path}`;
  const form = new URLSearchParams(body as Record<string, string>).toString();
  const sent: Sent = {
    method: operation.method,
    url,
    headers: [['content-type', 'application/x-www-form-urlencoded']],
    body: form,
  };
  try {
    const response = await fetch(url, {
      method: operation.method,
      headers: sent.headers,
      body: form,
      redirect: 'manual',
    });
    return { sent, answer: answerOf(response, await response.text(), started) };
  } catch (error) {
    return {
      sent,
      failure: failureOf(new ConnectionError(String((error as Error).message), { cause: error }), server),
    };
  }
}

function answerOf(response: Response, text: string, started: number): Answer {
  return {
    status: response.status,
    statusText: response.statusText,
    ms: Math.round(performance.now() - started),
    headers: [...response.headers],
    mediaType: response.headers.get('content-type')?.split(';')[0]?.trim() || undefined,
    text,
  };
}

function failureOf(error: unknown, server: string): Extract<Outcome, { failure: unknown }>['failure'] {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ConnectionError)
    return {
      kind: 'unreachable',
      message: isLoopback(new URL(server).hostname)
        ? `${server} cannot be reached from this page: ${message} Start the sandbox with \`npm start\` (docs and sandbox) or \`npx autocollect-sandbox\`; a page opened from a file cannot call it, so open the docs that \`npm start\` serves.`
        : `${server} cannot be reached from this page: ${message} Check the base URL and this machine's connection; a server that does not allow this page's origin (CORS) fails the same way.`,
    };
  if (error instanceof TimeoutError) return { kind: 'timeout', message };
  if (error instanceof AuthenticationError || error instanceof ApiError) return { kind: 'refused', message };
  return { kind: 'invalid', message };
}
