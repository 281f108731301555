// Try it, loaded from beside the page when a panel first opens: it reads the description
// the page was built from and finds the sandbox `npm start` runs (its /sandbox.json), so
// that each panel starts filled in for it.
import { type Document, findOperation } from './description.js';
import { openPanel } from './panel.js';
import { STYLE } from './style.js';

/** What the page tells Try it (docs build, inline): its description and the sandbox's default credentials. */
export interface PageConfig {
  api: string;
  bundle: string;
  credentials: { clientId: string; clientSecret: string };
  organizationId: string;
  /** By operationId: the path parameters the sandbox holds ready for it (see the sandbox's examples). */
  pathExamples: Record<string, Record<string, string>>;
}

/** The sandbox `npm start` serves beside the docs, as it says at /sandbox.json. */
interface RunningSandbox {
  baseUrl: string;
  tokenUrl: string;
  organizationId: string;
  clientId: string;
  clientSecret: string;
}

const documents = new Map<string, Promise<Document>>();
let running: Promise<RunningSandbox | undefined> | undefined;

async function json<T>(url: URL): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Opens the panel of an operation of this page's description. */
export async function openTryIt(operationId: string, config: PageConfig, copy: (text: string) => Promise<boolean>) {
  if (!document.getElementById('try-it-style')) {
    document.head.append(Object.assign(document.createElement('style'), { id: 'try-it-style', textContent: STYLE }));
  }
  const bundleUrl = new URL(config.bundle, location.href);
  const loading = documents.get(config.bundle) ?? json<Document>(bundleUrl);
  documents.set(config.bundle, loading);
  // Only the docs server `npm start` runs has it; a static host or a file has not.
  running ??= json<RunningSandbox>(new URL('/sandbox.json', location.href)).catch(() => undefined);
  const [description, sandbox] = await Promise.all([loading, running]);
  const operation = findOperation(description, operationId);
  if (!operation) throw new Error(`${operationId} is not an operation of ${config.bundle}.`);
  const described = description.servers?.find((server) => server.description === 'Sandbox')?.url ?? '';
  // The description's sandbox server, at the origin the running sandbox actually has.
  const server = sandbox
    ? `${new URL(sandbox.baseUrl).origin}${new URL(described).pathname}`.replace(/\/$/, '')
    : described;
  return openPanel({
    api: config.api,
    document: description,
    operation,
    server,
    credentials: sandbox ? { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret } : config.credentials,
    organizationId: sandbox?.organizationId ?? config.organizationId,
    pathExamples: config.pathExamples[operation.operationId] ?? {},
    copy,
  });
}
