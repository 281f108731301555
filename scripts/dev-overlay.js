// @ts-check
// Runs in each page `npm run dev` serves: reloads the page when a rebuild changed the
// docs, and shows lint and build problems over the page until they are fixed.
(() => {
  const events = new EventSource('/__dev/events');
  let first = true;
  /** @type {HTMLElement | null} */
  let overlay = null;

  /** @param {string[]} problems */
  function show(problems) {
    overlay?.remove();
    overlay = document.createElement('div');
    overlay.id = 'autocollect-dev-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:24px;background:rgba(20,20,20,.92);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
    const title = document.createElement('h2');
    title.textContent = `The spec has ${problems.length} problem${problems.length === 1 ? '' : 's'}: fix ${problems.length === 1 ? 'it' : 'them'}, and this goes away.`;
    title.style.cssText = 'color:#ff8080;font:bold 16px sans-serif;margin:0 0 12px';
    // One block per problem (a build error may take several lines), its long lines wrapped.
    const blocks = problems.map((problem) => {
      const block = document.createElement('pre');
      block.textContent = problem;
      block.style.cssText = 'margin:0 0 12px;white-space:pre-wrap;overflow-wrap:anywhere';
      return block;
    });
    overlay.append(title, ...blocks);
    document.body.append(overlay);
  }

  events.onmessage = (message) => {
    /** @type {{ type: string, changed?: string[], problems?: string[] }} */
    const event = JSON.parse(message.data);
    const initial = first;
    first = false;
    if (event.type === 'problems') show(event.problems ?? []);
    else if (event.type === 'built' && !initial && ((event.changed ?? []).length > 0 || overlay)) location.reload();
  };
})();
