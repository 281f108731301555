import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README examples show every feature of the client; that they type-check under strict is
// checked with every other example, against the packed packages (package-tests' markdown-examples).

// The repository's README and the package's own (what npm shows).
const readmes = ['../../../README.md', '../README.md'].map((path) =>
  readFileSync(new URL(path, import.meta.url), 'utf8'),
);
const blocks = readmes.flatMap((readme) => [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!));

describe('the README examples', () => {
  it('show every client feature', () => {
    const all = blocks.join('\n');
    for (const feature of [
      'createAutoCollectClient',
      'clientSecret',
      'unwrap(',
      'ApiError',
      'TimeoutError',
      'ConnectionError',
      'AuthenticationError',
      'retry:',
      'timeoutMs',
      '.paginate(',
      '.waitForBatch(',
      'parseWebhookEvent',
      'WebhookVerificationError',
    ]) {
      expect(all, feature).toContain(feature);
    }
  });
});
