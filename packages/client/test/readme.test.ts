import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The README examples show every feature of the client; that they type-check under strict is
// checked with every other example, against the packed packages (package-tests' markdown-examples).

// The package's own README: what npm shows, and where the repository's README sends its readers.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

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
      'signal:',
      'client.use(',
      'fetch:',
      'parseWebhookEvent',
      'WebhookVerificationError',
    ]) {
      expect(all, feature).toContain(feature);
    }
  });
});
