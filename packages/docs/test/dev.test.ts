// `npm run dev` in a copy of the repo, driven from a real browser: it serves the docs with
// its overlay script and the sandbox beside them, and an edit reloads the page with the
// change, rebuilding only what the edit changed. Its errors are dev-errors.test.ts's.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevSession } from '../../../scripts/dev-session.js';
import { copyOfRepo } from '../../../scripts/repo-copy.js';
import { devInBrowser, SCHEMA } from './support/dev-in-browser.js';

// As freshly cloned: npm run dev builds what it serves, the sandbox's descriptions too.
const session = devInBrowser({ built: false });

describe('npm run dev', () => {
  it('built and serves the docs, with the overlay script in the page', async () => {
    expect(session.dev.output()).toMatch(/✓ autocollect@v1, identity@v1, legacy@v1 rebuilt in \d+ ms/);
    await expect.poll(() => session.tab.locator('.menu-content').innerText()).toContain('Token');
    expect(await session.tab.content()).toContain('/__dev/events');
  });

  it('runs the sandbox beside the docs, as npm start does, so that Try it has a server to send to', async () => {
    expect(session.dev.output()).toMatch(/^Sandbox for Try it: http:\/\/127\.0\.0\.1:\d+\/collection\/v1 /m);
    const sandbox = await (await fetch(`${session.dev.url}sandbox.json`)).json();
    const token = await fetch(sandbox.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: sandbox.clientId,
        client_secret: sandbox.clientSecret,
      }),
    });
    expect(token.status).toBe(200);
    // On a port of its own, as SANDBOX_PORT asks: the page names it there, samples included.
    const page = await (await fetch(session.dev.url)).text();
    expect(page).toContain(`baseUrl: '${sandbox.baseUrl}',`);
    expect(page).not.toMatch(/127\.0\.0\.1:4010(?!\d)/);
  });

  it('reloads the page with an edit', async () => {
    const before = session.loads();
    const printed = session.dev.output().length;
    session.edit(SCHEMA, (text) => text.replace(/^description: /m, (lead) => `${lead}Edited live in the dev test. `));
    await expect.poll(() => session.loads()).toBeGreaterThan(before);
    await expect.poll(() => session.tab.content()).toContain('Edited live in the dev test.');
    // Only what the edit changed was rebuilt.
    await expect.poll(() => session.dev.output().slice(printed)).toMatch(/✓ identity@v1 rebuilt in \d+ ms/);
    expect(session.dev.output().slice(printed)).not.toMatch(/autocollect@v1|legacy/);
  });
});

describe('npm run dev, edited at once', () => {
  it('sees an edit saved as soon as it prints its address, and stops on a signal, saying so, its sandbox with it', async () => {
    const copy = copyOfRepo('dev-at-once', { built: true });
    const dev = await startDevSession(copy);
    try {
      const printed = dev.output().length;
      const path = join(copy, SCHEMA);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^description: /m, 'description: Saved at once. '));
      await expect.poll(() => dev.output().slice(printed)).toMatch(/✓ identity@v1 rebuilt in \d+ ms/);
      const sandbox = /^Sandbox for Try it: (\S+)/m.exec(dev.output())?.[1];
      await dev.stop();
      expect(dev.output()).toContain('Stopped the live docs and the sandbox (SIGTERM).');
      await expect(fetch(`${sandbox}/orgs`)).rejects.toThrow();
    } finally {
      await dev.stop();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
