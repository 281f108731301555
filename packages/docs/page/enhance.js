// @ts-check
// Runs in every docs page beside Redoc (the build inlines it): links that open where they
// point, and a copy button on each code block of the guides and descriptions. Redoc
// renders as the reader scrolls, so each new part of the page is enhanced as it appears.
(() => {
  const MARKDOWN = '[data-component-name="Markdown/Markdown"]';
  const COPY_CLASS = 'autocollect-copy';

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

  /** @param {ParentNode} root */
  function enhance(root) {
    for (const link of root.querySelectorAll('a[href^="/"]')) pointAtSection(/** @type {HTMLAnchorElement} */ (link));
    for (const pre of root.querySelectorAll(`${MARKDOWN} pre`)) addCopyButton(/** @type {HTMLPreElement} */ (pre));
  }

  new MutationObserver((changes) => {
    for (const change of changes) {
      for (const node of change.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node instanceof HTMLAnchorElement) pointAtSection(node);
        enhance(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => enhance(document));
})();
