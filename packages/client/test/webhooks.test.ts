import { createHmac } from 'node:crypto';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { AutoCollectError } from '../src/index.js';
import {
  parseWebhookEvent,
  signWebhookPayload,
  verifyWebhookSignature,
  type WebhookEvent,
  WebhookVerificationError,
} from '../src/webhooks.js';
import { specExample } from './support/spec.js';

const secret = 'whsec-test-3b5f1e2c9a7d';
const sign = (body: string, key = secret, algorithm = 'sha256', encoding: 'hex' | 'base64' = 'hex') =>
  createHmac(algorithm, key).update(body).digest(encoding);
const hmac = (body: string, key = secret) => sign(body, key);

const EXAMPLES = {
  BATCH_COMPLETED: 'WebhookBatchCompleted',
  SETTLEMENT_CREATED: 'WebhookSettlementCreated',
  CASE: 'WebhookCase',
  CASE_UPDATED: 'WebhookCaseUpdated',
} as const;

function delivery(name: string, body: string, signature = `sha256=${sign(body)}`) {
  return {
    payload: body,
    secret,
    headers: {
      'x-amili-event': name,
      idempotencykey: `key-${name}`,
      'x-amili-request-id': `req-${name}`,
      'x-webhook-signature': signature,
    },
  };
}

/** Flips one byte of a string (keeping it the same length). */
function flipOneByte(text: string, at: number): string {
  const char = text.charCodeAt(at);
  return text.slice(0, at) + String.fromCharCode(char ^ 1) + text.slice(at + 1);
}

describe('verifyWebhookSignature', () => {
  const body = JSON.stringify(specExample('WebhookBatchCompleted'));

  it('accepts a valid HMAC-SHA256 hex signature, with or without the sha256= prefix', async () => {
    expect(await verifyWebhookSignature({ payload: body, signature: sign(body), secret })).toBe(true);
    expect(await verifyWebhookSignature({ payload: body, signature: `sha256=${sign(body)}`, secret })).toBe(true);
    expect(
      await verifyWebhookSignature({
        payload: new TextEncoder().encode(body),
        signature: sign(body).toUpperCase(),
        secret,
      }),
    ).toBe(true);
  });

  it('rejects a one-byte change to the body or to the signature', async () => {
    const signature = sign(body);
    for (const at of [0, Math.floor(body.length / 2), body.length - 1]) {
      expect(await verifyWebhookSignature({ payload: flipOneByte(body, at), signature, secret })).toBe(false);
    }
    for (const at of [0, 31, signature.length - 1]) {
      const changed = signature.slice(0, at) + (signature[at] === '0' ? '1' : '0') + signature.slice(at + 1);
      expect(await verifyWebhookSignature({ payload: body, signature: changed, secret })).toBe(false);
    }
  });

  it('rejects a wrong secret, a missing or malformed signature', async () => {
    expect(await verifyWebhookSignature({ payload: body, signature: sign(body, 'another-secret'), secret })).toBe(
      false,
    );
    expect(await verifyWebhookSignature({ payload: body, signature: undefined, secret })).toBe(false);
    expect(await verifyWebhookSignature({ payload: body, signature: 'not-hex!', secret })).toBe(false);
    expect(await verifyWebhookSignature({ payload: body, signature: sign(body).slice(0, 40), secret })).toBe(false);
  });

  it('can check other algorithms and base64, since Amili does not publish its scheme', async () => {
    expect(
      await verifyWebhookSignature({
        payload: body,
        signature: sign(body, secret, 'sha512', 'base64'),
        secret,
        algorithm: 'SHA-512',
        encoding: 'base64',
      }),
    ).toBe(true);
    expect(
      await verifyWebhookSignature({
        payload: body,
        signature: sign(body, secret, 'sha512', 'base64'),
        secret,
        encoding: 'base64',
      }),
    ).toBe(false);
  });

  it('refuses an empty secret at once', async () => {
    await expect(verifyWebhookSignature({ payload: body, signature: sign(body), secret: '' })).rejects.toThrow(
      /secret is empty/,
    );
  });
});

describe('parseWebhookEvent', () => {
  it.each(Object.entries(EXAMPLES))("parses Amili's %s example into its typed event", async (name, example) => {
    const payload = specExample(example);
    const event = await parseWebhookEvent(delivery(name, JSON.stringify(payload)));
    expect(event).toEqual({
      type: name,
      payload,
      delivery: { idempotencyKey: `key-${name}`, requestId: `req-${name}` },
    });
  });

  it('smooths type and eventType into one discriminant that narrows the payload', async () => {
    const body = JSON.stringify(specExample('WebhookCaseUpdated'));
    const event = await parseWebhookEvent({
      ...delivery('CASE_UPDATED', body),
      headers: new Headers(delivery('CASE_UPDATED', body).headers),
    });
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.type !== 'CASE_UPDATED') throw new Error(`expected CASE_UPDATED, got ${event.type}`);
    expect(event.payload.eventType).toBe('CASE_UPDATED');
    expect(event.payload.data?.fields).toEqual(['status']);
    expect(event.payload.data?.orgId).toBe('0d87bfbd-f478-451c-aa73-91c208ce3e09');
  });

  it('returns an event of an unknown type as UNKNOWN instead of throwing', async () => {
    const body = JSON.stringify({ id: 'e1', type: 'INVOICE_PAID', data: { invoiceId: 'x' } });
    const event = await parseWebhookEvent(delivery('INVOICE_PAID', body));
    expect(event).toMatchObject({ type: 'UNKNOWN', name: 'INVOICE_PAID', payload: JSON.parse(body) });
  });

  it('types an event only when its body has what the spec requires of it, named as the spec names it; else UNKNOWN', async () => {
    const example = specExample('WebhookBatchCompleted') as Record<string, unknown>;
    for (const [body, name] of [
      [{ type: 'BATCH_COMPLETED' }, 'BATCH_COMPLETED'], // no id, no data
      [{ ...example, data: 'done' }, 'BATCH_COMPLETED'], // data not an object
      [{ ...example, eventType: 'CASE' }, 'BATCH_COMPLETED'], // two names that disagree
      [{ ...example, type: undefined, eventType: 'BATCH_COMPLETED' }, 'BATCH_COMPLETED'], // named where CASE events are
      [{ foo: 1 }, 'CASE'], // named only by the header, which the signature does not cover
    ] as const) {
      const text = JSON.stringify(body);
      const event = await parseWebhookEvent(delivery('CASE', text));
      expect(event, text).toMatchObject({ type: 'UNKNOWN', payload: JSON.parse(text) });
      expect((event as { name?: string }).name, text).toBe(name);
    }
  });

  it('reads a body with a byte order mark as a string as it does as bytes, and refuses one that is not UTF-8', async () => {
    const text = `\uFEFF${JSON.stringify(specExample('WebhookBatchCompleted'))}`;
    const signature = `sha256=${sign(text)}`;
    for (const payload of [text, Buffer.from(text)]) {
      const event = await parseWebhookEvent({ ...delivery('BATCH_COMPLETED', text, signature), payload });
      expect(event.type).toBe('BATCH_COMPLETED');
    }
    const latin1 = Buffer.from('{"id":"\u00e6","type":"X"}', 'latin1');
    const latin1Signature = `sha256=${createHmac('sha256', secret).update(latin1).digest('hex')}`;
    await expect(parseWebhookEvent({ ...delivery('X', '', latin1Signature), payload: latin1 })).rejects.toThrow(
      /not valid UTF-8/,
    );
  });

  it('throws WebhookVerificationError on a bad signature, a missing one, or a body that is not JSON', async () => {
    const body = JSON.stringify(specExample('WebhookCase'));
    const tampered = delivery('CASE', flipOneByte(body, 10), `sha256=${sign(body)}`);
    await expect(parseWebhookEvent(tampered)).rejects.toThrow(WebhookVerificationError);
    await expect(parseWebhookEvent({ ...delivery('CASE', body), headers: {} })).rejects.toThrow(
      /no X-Webhook-Signature/,
    );
    await expect(parseWebhookEvent(delivery('CASE', '{"id": '))).rejects.toThrow(/not valid JSON/);
    await expect(parseWebhookEvent(delivery('CASE', '[1,2]'))).rejects.toThrow(/not a JSON object/);
    expect(new WebhookVerificationError('x')).toBeInstanceOf(AutoCollectError);
  });
});

describe('key rotation, test signing and what a payload may be', () => {
  const body = JSON.stringify(specExample('WebhookBatchCompleted'));

  it('accepts a list of secrets: any one matching is enough, none matching fails', async () => {
    const signature = `sha256=${sign(body)}`;
    await expect(verifyWebhookSignature({ payload: body, signature, secret: ['whsec-new', secret] })).resolves.toBe(
      true,
    );
    await expect(
      verifyWebhookSignature({ payload: body, signature, secret: ['whsec-new', 'whsec-old'] }),
    ).resolves.toBe(false);
    await expect(verifyWebhookSignature({ payload: body, signature, secret: [] })).rejects.toThrow(/secret is empty/);
    const event = await parseWebhookEvent({ ...delivery('BATCH_COMPLETED', body), secret: ['whsec-new', secret] });
    expect(event.type).toBe('BATCH_COMPLETED');
  });

  it('signWebhookPayload gives the value verifyWebhookSignature accepts, as Node computes it', async () => {
    const signature = await signWebhookPayload({ payload: body, secret });
    expect(signature).toBe(sign(body));
    await expect(verifyWebhookSignature({ payload: body, signature, secret })).resolves.toBe(true);
    const base64 = await signWebhookPayload({ payload: body, secret, algorithm: 'SHA-512', encoding: 'base64' });
    expect(base64).toBe(sign(body, secret, 'sha512', 'base64'));
    const handled = await parseWebhookEvent({ ...delivery('BATCH_COMPLETED', body, signature) });
    expect(handled.type).toBe('BATCH_COMPLETED');
  });

  it('accepts a header with several signatures (Node joins a repeated header with a comma), any one matching', async () => {
    const signature = `sha256=${sign(body, 'whsec-other')}, sha256=${sign(body)}`;
    await expect(verifyWebhookSignature({ payload: body, signature, secret })).resolves.toBe(true);
    await expect(
      verifyWebhookSignature({ payload: body, signature: `sha256=${sign(body, 'whsec-other')}, nonsense`, secret }),
    ).resolves.toBe(false);
  });

  it('names an algorithm in any case, as WebCrypto does', async () => {
    const signature = sign(body, secret, 'sha512');
    for (const algorithm of ['sha-512', 'Sha-512'])
      await expect(
        verifyWebhookSignature({ payload: body, signature, secret, algorithm: algorithm as never }),
      ).resolves.toBe(true);
  });

  it('checks many signatures in a header for the cost of one, taking only those of the right length, at most 8', async () => {
    // An HMAC of the body per candidate let one request cost seconds: one per secret, whatever the header holds.
    const sign = vi.spyOn(crypto.subtle, 'sign');
    const verify = vi.spyOn(crypto.subtle, 'verify');
    const many = [...Array.from({ length: 5000 }, () => '00'), hmac(body)].join(',');
    await expect(
      verifyWebhookSignature({ payload: body, signature: many, secret: [secret, 'whsec-old'] }),
    ).resolves.toBe(false);
    expect(sign.mock.calls.length + verify.mock.calls.length).toBeLessThanOrEqual(2);
    const nine = [...Array.from({ length: 8 }, () => hmac(body, 'whsec-other')), hmac(body)].join(',');
    await expect(verifyWebhookSignature({ payload: body, signature: nine, secret })).resolves.toBe(false);
    const eight = [...Array.from({ length: 7 }, () => hmac(body, 'whsec-other')), hmac(body)].join(',');
    await expect(verifyWebhookSignature({ payload: body, signature: eight, secret })).resolves.toBe(true);
    sign.mockRestore();
    verify.mockRestore();
  });

  it('refuses an encoding, an algorithm or a secret it cannot use, saying which, instead of failing every delivery', async () => {
    const signature = sign(body);
    await expect(
      verifyWebhookSignature({ payload: body, signature, secret, encoding: 'HEX' as never }),
    ).rejects.toThrow(/encoding must be 'hex' or 'base64'; got "HEX"/);
    await expect(signWebhookPayload({ payload: body, secret, encoding: 'base58' as never })).rejects.toThrow(
      /encoding must be 'hex' or 'base64'/,
    );
    await expect(
      verifyWebhookSignature({ payload: body, signature, secret, algorithm: 'sha256' as never }),
    ).rejects.toThrow(/algorithm must be one of 'SHA-256', 'SHA-384', 'SHA-512', 'SHA-1'; got "sha256"/);
    await expect(verifyWebhookSignature({ payload: body, signature, secret: 42 as never })).rejects.toThrow(
      /the secret must be a string or bytes, not number/,
    );
  });

  it('verifies any view of the raw bytes: a DataView, a Buffer slice', async () => {
    const bytes = Buffer.from(`xx${body}yy`).subarray(2, 2 + Buffer.byteLength(body));
    for (const payload of [bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)]) {
      await expect(verifyWebhookSignature({ payload: payload as never, signature: sign(body), secret })).resolves.toBe(
        true,
      );
    }
  });

  it('refuses a payload that is not the raw body, instead of verifying it as empty', async () => {
    const empty = `sha256=${sign('')}`;
    const parsed = JSON.parse(body) as never;
    await expect(verifyWebhookSignature({ payload: parsed, signature: empty, secret })).rejects.toThrow(
      /the payload must be the raw body as a string, bytes or an ArrayBuffer, not object/,
    );
    await expect(
      verifyWebhookSignature({ payload: Buffer.from(body), signature: `sha256=${sign(body)}`, secret }),
    ).resolves.toBe(true);
  });
});
