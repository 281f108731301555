// `npm run dev` in a copy of the repo, driven from a real browser: a lint error shows in the
// terminal and over the page without stopping the watcher, a YAML syntax error the same way,
// and fixing it reloads the page and takes the overlay away.
import { describe, expect, it } from 'vitest';
import { devInBrowser, SCHEMA } from './support/dev-in-browser.js';

const session = devInBrowser();

describe('npm run dev', () => {
  it('shows a lint error in the terminal and over the page, and keeps watching', async () => {
    session.edit(SCHEMA, (text) => text.replace(/^type: object$/m, 'type: objekt'));
    await expect.poll(() => session.overlay().isVisible()).toBe(true);
    const text = await session.overlay().innerText();
    expect(text).toContain('spec/openapi/identity/components/schemas/TokenResponse.yaml:1:7');
    expect(text).toContain('struct');
    // Each problem on a block of its own, its long lines wrapped within the page.
    const said = Number(/The spec has (\d+) problems?/.exec(text)?.[1]);
    expect(await session.overlay().locator('pre').count()).toBe(said);
    expect(await session.overlay().evaluate((overlay) => overlay.scrollWidth <= overlay.clientWidth)).toBe(true);
    expect(session.dev.output()).toMatch(
      /spec\/openapi\/identity\/components\/schemas\/TokenResponse\.yaml:1:7 {2}error {2}struct/,
    );
    expect(session.dev.alive()).toBe(true);
  });

  it('shows a YAML syntax error the same way, and keeps watching', async () => {
    const lintError = await session.overlay().innerText();
    session.edit(SCHEMA, (text) => text.replace(/^type: objekt$/m, 'type: [object'));
    await expect.poll(() => session.overlay().innerText()).not.toBe(lintError);
    expect(await session.overlay().innerText()).toMatch(/TokenResponse\.yaml/);
    expect(session.dev.alive()).toBe(true);
  });

  it('reloads the page and takes the overlay away once the spec is fixed', async () => {
    const before = session.loads();
    // Fixed, with a change the page shows: the reload is the fixed spec's.
    session.edit(SCHEMA, (text) =>
      text
        .replace(/^type: \[object$/m, 'type: object')
        .replace(/^description: /m, (lead) => `${lead}Fixed in the dev test. `),
    );
    await expect.poll(() => session.loads()).toBeGreaterThan(before);
    await expect.poll(() => session.overlay().count()).toBe(0);
    await expect.poll(() => session.tab.content()).toContain('Fixed in the dev test.');
    expect(session.dev.alive()).toBe(true);
  });
});
