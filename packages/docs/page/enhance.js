// @ts-check
// Runs in every docs page beside Redoc (the build inlines it): links that open where they
// point, a copy button on each code block of the guides and descriptions, and a "Try"
// button on each operation (Try it itself loads from beside the page when first opened).
// Redoc renders as the reader scrolls, so each new part of the page is enhanced as it appears.
(() => {
  const MARKDOWN = '[data-component-name="Markdown/Markdown"]';
  const COPY_CLASS = 'autocollect-copy';
  const TRY_CLASS = 'autocollect-try';

  /**
   * Redoc's links name a section by a path ("/pagination") and route by the hash: point each
   * at "#/pagination" on this page, so that it opens at its section in a new tab, when
   * shared, or on any static host. Redoc's own click handling is unchanged.
   * @param {HTMLAnchorElement} link
   */
  function pointAtSection(link) {
    const href = link.getAttribute('href');
    if (!href?.startsWith('/') || href.startsWith('//') || /\.[a-z]+$/i.test(href)) return;
    link.setAttribute('href', `${location.pathname}#${href}`);
  }

  /** Writes text to the clipboard; where the Clipboard API is refused (a file: page), by a selection. @param {string} text */
  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const copied = document.execCommand('copy');
      area.remove();
      return copied;
    }
  }

  /** The code of a block, without its button. @param {HTMLPreElement} pre */
  function codeOf(pre) {
    const clone = /** @type {HTMLPreElement} */ (pre.cloneNode(true));
    for (const button of clone.querySelectorAll(`.${COPY_CLASS}`)) button.remove();
    return clone.textContent ?? '';
  }

  /** A copy button in a code block of the guides or descriptions (the samples have their own). @param {HTMLPreElement} pre */
  function addCopyButton(pre) {
    if (pre.querySelector(`.${COPY_CLASS}`) || !pre.closest(MARKDOWN)) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = COPY_CLASS;
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code');
    button.addEventListener('click', async () => {
      const copied = await copy(codeOf(pre));
      button.textContent = copied ? 'Copied' : 'Select it to copy';
      setTimeout(() => {
        button.textContent = 'Copy';
      }, 2000);
    });
    pre.append(button);
  }

  /**
   * What the docs build tells Try it about this page: its description, its operations by the
   * last part of their section ids, and the sandbox's defaults.
   * @type {{ api: string, bundle: string, operations: Record<string, string>, credentials: { clientId: string, clientSecret: string }, organizationId: string } | undefined}
   */
  const tryIt = JSON.parse(document.getElementById('autocollect-try-it')?.textContent || 'null') ?? undefined;

  /**
   * Opens Try it, loading it from beside the page the first time. A page that cannot load it
   * (opened from a file) says how to get one that can.
   * @param {string} operationId
   */
  async function openTryIt(operationId) {
    if (!tryIt) return;
    try {
      const module = await import(new URL('try-it.js', location.href).href);
      await module.openTryIt(operationId, tryIt, copy);
    } catch (error) {
      const dialog = document.createElement('dialog');
      dialog.className = 'autocollect-try-it-unavailable';
      dialog.setAttribute('aria-label', `Try ${operationId}`);
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = `Try it could not start here (${error instanceof Error ? error.message : String(error)}). It needs the docs served over http, beside a sandbox: run \`npm start\` in the toolkit's repository (or \`npx autocollect-sandbox\` and serve these files), then open the address it prints.`;
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Close';
      close.addEventListener('click', () => dialog.close());
      dialog.append(message, close);
      dialog.addEventListener('close', () => dialog.remove());
      document.body.append(dialog);
      dialog.showModal();
    }
  }

  /** A "Try <operationId>" button under the heading of an operation's section. @param {Element} section */
  function addTryButton(section) {
    const id = section.getAttribute('data-section-id') ?? '';
    const operationId = tryIt?.operations[id.slice(id.lastIndexOf('/') + 1)];
    const heading = section.querySelector('h1, h2');
    if (!operationId || !heading || section.querySelector(`.${TRY_CLASS}`)) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = TRY_CLASS;
    button.textContent = `Try ${operationId}`;
    button.addEventListener('click', () => void openTryIt(operationId));
    heading.after(button);
  }

  /** @param {ParentNode} root */
  function enhance(root) {
    for (const link of root.querySelectorAll('a[href^="/"]')) pointAtSection(/** @type {HTMLAnchorElement} */ (link));
    for (const pre of root.querySelectorAll(`${MARKDOWN} pre`)) addCopyButton(/** @type {HTMLPreElement} */ (pre));
    if (tryIt) for (const section of root.querySelectorAll('[data-section-id]')) addTryButton(section);
  }

  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node instanceof HTMLAnchorElement) pointAtSection(node);
        enhance(node);
        // A section's heading may come after the section itself.
        const section = node.closest('[data-section-id]');
        if (tryIt && section) addTryButton(section);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => enhance(document));
})();
