// The Try it dialog of one operation: server, credentials, parameters and body, prefilled;
// Send; then the answer (status, time, headers, body), checked against the description,
// with "Copy as curl" and "Copy as TypeScript" of what was sent.
import type { Document, TryOperation } from './description.js';
import { type Credentials, type Outcome, type Request, send } from './send.js';
import { asCurl, asTypeScript } from './snippets.js';
import { checkAnswer } from './validate.js';

export interface PanelSettings {
  api: string;
  document: Document;
  operation: TryOperation;
  server: string;
  credentials: Credentials;
  organizationId: string;
  /** Path parameters the sandbox holds ready for this operation (the case a case action needs). */
  pathExamples: Record<string, string>;
  copy: (text: string) => Promise<boolean>;
}

/** An element with attributes and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

let fieldCount = 0;
/** A labelled input. */
function field(label: string, value: string, attributes: Record<string, string> = {}) {
  const id = `try-it-field-${++fieldCount}`;
  const input = el('input', { id, type: 'text', spellcheck: 'false', autocomplete: 'off', ...attributes });
  input.value = value;
  return { input, row: el('div', { class: 'try-it-field' }, el('label', { for: id }, label), input) };
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** Opens the dialog of an operation; it removes itself when closed. */
export function openPanel(settings: PanelSettings): HTMLDialogElement {
  const { api, document: description, operation, credentials } = settings;
  const title = `Try ${operation.operationId}`;
  const headingId = `try-it-title-${++fieldCount}`;
  const dialog = el('dialog', { class: 'try-it', 'aria-labelledby': headingId });
  const close = el('button', { type: 'button', class: 'try-it-close', 'aria-label': 'Close' }, '×');
  close.addEventListener('click', () => dialog.close());

  const server = field('Base URL', settings.server, { type: 'url' });
  const clientId = field('Client id', credentials.clientId);
  const clientSecret = field('Client secret', credentials.clientSecret);
  const parameterFields = operation.parameters
    .filter((p) => p.in !== 'cookie')
    .map((p) => {
      // Path and required parameters start at their examples (the organization: the sandbox's;
      // a case action's case: the one the sandbox holds ready for it);
      // optional ones (filters, the idempotency key the client makes itself) start empty.
      const value =
        p.in !== 'path'
          ? text(p.example)
          : p.name === 'organizationId'
            ? settings.organizationId
            : (settings.pathExamples[p.name] ?? text(p.example));
      const label = `${p.name} (${p.in}${p.required ? ', required' : ''})`;
      const prefilled = p.in === 'path' || p.required;
      const placeholder = value === '' ? {} : { placeholder: `e.g. ${value}` };
      return { parameter: p, ...field(label, prefilled ? value : '', prefilled ? {} : placeholder) };
    });
  const form = el('form', { class: 'try-it-form' });
  form.append(
    el('fieldset', {}, el('legend', {}, 'Server'), server.row),
    ...(operation.secured
      ? [
          el(
            'fieldset',
            {},
            el('legend', {}, 'Credentials (sent only to the server above)'),
            clientId.row,
            clientSecret.row,
          ),
        ]
      : []),
    ...(parameterFields.length
      ? [el('fieldset', {}, el('legend', {}, 'Parameters'), ...parameterFields.map((f) => f.row))]
      : []),
  );
  let bodyInput: HTMLTextAreaElement | undefined;
  if (operation.body) {
    const example =
      api === 'identity@v1'
        ? { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }
        : operation.body.example;
    bodyInput = el('textarea', { id: `try-it-body-${fieldCount}`, rows: '12', spellcheck: 'false' });
    bodyInput.value = JSON.stringify(example ?? {}, null, 2);
    form.append(
      el(
        'fieldset',
        {},
        el('legend', {}, `Body (${operation.body.mediaType}, as JSON)`),
        el('label', { for: bodyInput.id, class: 'try-it-hidden' }, 'Request body'),
        bodyInput,
      ),
    );
  }
  const sendButton = el('button', { type: 'submit', class: 'try-it-send' }, 'Send');
  form.append(sendButton);
  const result = el('section', { class: 'try-it-result', 'aria-live': 'polite', 'aria-label': 'Answer' });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Whatever goes wrong is shown in the panel, never left to the page as an unhandled error.
    run().catch((error: unknown) => {
      sendButton.disabled = false;
      show(result, [
        el(
          'p',
          { class: 'try-it-problem', role: 'alert' },
          `Try it failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      ]);
    });
  });

  async function run() {
    let body: unknown;
    try {
      body = bodyInput ? JSON.parse(bodyInput.value) : undefined;
    } catch (error) {
      return show(result, [
        el('p', { class: 'try-it-problem', role: 'alert' }, `The body is not valid JSON: ${(error as Error).message}`),
      ]);
    }
    const params: Request['params'] = { path: {}, query: {}, header: {} };
    for (const { parameter, input } of parameterFields) {
      if (input.value === '' && !parameter.required) continue;
      (params[parameter.in as 'path' | 'query' | 'header'] as Record<string, string>)[parameter.name] = input.value;
    }
    const request: Request = {
      api,
      server: server.input.value.trim(),
      credentials: { clientId: clientId.input.value, clientSecret: clientSecret.input.value },
      operation,
      params,
      body,
    };
    sendButton.disabled = true;
    show(result, [el('p', {}, 'Sending…')]);
    const outcome = await send(request);
    sendButton.disabled = false;
    show(result, describe(request, outcome));
  }

  function describe(request: Request, outcome: Outcome): Node[] {
    const copies = outcome.sent ? copyButtons(request, outcome.sent) : [];
    if ('failure' in outcome) {
      return [el('p', { class: 'try-it-problem', role: 'alert' }, outcome.failure.message), ...copies];
    }
    const { answer } = outcome;
    let parsed: unknown = answer.text;
    let pretty = answer.text;
    if (answer.mediaType?.endsWith('json') && answer.text !== '') {
      try {
        parsed = JSON.parse(answer.text);
        pretty = JSON.stringify(parsed, null, 2);
      } catch {
        // shown as it came
      }
    }
    const mismatches = checkAnswer(
      description,
      operation,
      answer.status,
      answer.mediaType,
      answer.text === '' ? undefined : parsed,
    );
    const verdict =
      mismatches === undefined
        ? el('p', { class: 'try-it-verdict' }, 'The description gives no schema to check this answer by.')
        : mismatches.length === 0
          ? el('p', { class: 'try-it-verdict try-it-ok' }, 'The answer matches the description.')
          : el(
              'div',
              { class: 'try-it-verdict try-it-mismatch' },
              el('p', {}, 'The answer does not match the description:'),
              el('ul', {}, ...mismatches.map((m) => el('li', {}, `${m.where}: ${m.what}`))),
            );
    return [
      el(
        'p',
        { class: 'try-it-status' },
        `${answer.status} ${answer.statusText}`.trim(),
        el('span', {}, ` in ${answer.ms} ms`),
      ),
      el(
        'details',
        {},
        el('summary', {}, `Response headers (${answer.headers.length})`),
        el('dl', {}, ...answer.headers.flatMap(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])),
      ),
      el('pre', { class: 'try-it-body', tabindex: '0', 'aria-label': 'Response body' }, pretty || '(no body)'),
      verdict,
      ...copies,
    ];
  }

  function copyButtons(request: Request, sent: NonNullable<Outcome['sent']>) {
    const make = (label: string, snippet: () => string) => {
      const button = el('button', { type: 'button', class: 'try-it-copy' }, label);
      button.addEventListener('click', async () => {
        button.textContent = (await settings.copy(snippet())) ? 'Copied' : 'Could not copy';
        setTimeout(() => {
          button.textContent = label;
        }, 2000);
      });
      return button;
    };
    return [
      el(
        'div',
        { class: 'try-it-copies' },
        make('Copy as curl', () => asCurl(sent, request.credentials, operation.secured, api)),
        make('Copy as TypeScript', () => asTypeScript(request, sent)),
      ),
    ];
  }

  dialog.append(
    el('header', {}, el('h2', { id: headingId }, title), close),
    el('p', { class: 'try-it-where' }, `${operation.method} ${operation.path}`),
    form,
    result,
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function show(where: HTMLElement, nodes: Node[]) {
  where.replaceChildren(...nodes);
}
