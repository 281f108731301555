// The Response the transport hands openapi-fetch once it has read the body: it reads as a
// fetch Response does (once, unless cloned; as text, JSON, bytes, a blob or a stream), from
// the bytes read, without a second stream of them.
import { describe, expect, it } from 'vitest';
import { ReadResponse, readBody } from '../src/read-response.js';

const json = '{"data":{"invoiceNumber":"2025-10481"}}';
const read = async (body: string | null, init: ResponseInit = {}) => {
  const fetched = new Response(body, { status: 200, headers: { 'content-type': 'application/json' }, ...init });
  Object.defineProperty(fetched, 'url', { value: 'https://api.amili.no/collection/v1/x' });
  return new ReadResponse(await readBody(fetched.body?.getReader()), fetched);
};

describe('a read Response', () => {
  it('keeps the status, headers and url, and is a Response', async () => {
    const response = await read(json, { status: 404, statusText: 'Not Found' });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.url]).toEqual([
      404,
      'Not Found',
      false,
      'https://api.amili.no/collection/v1/x',
    ]);
    expect(response.headers.get('content-type')).toBe('application/json');
  });

  it('reads as JSON, text, bytes, an ArrayBuffer or a blob of its type, once', async () => {
    expect(await (await read(json)).json()).toEqual(JSON.parse(json));
    expect(await (await read(json)).text()).toBe(json);
    expect(new TextDecoder().decode(await (await read(json)).bytes())).toBe(json);
    expect(new TextDecoder().decode(await (await read(json)).arrayBuffer())).toBe(json);
    const blob = await (await read(json)).blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', json]);
    const response = await read(json);
    expect(response.bodyUsed).toBe(false);
    await response.text();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('reads as a form', async () => {
    const form = await (
      await read('grant_type=client_credentials', { headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    ).formData();
    expect(form.get('grant_type')).toBe('client_credentials');
  });

  it('clones until it is read, each clone with the bytes of its own', async () => {
    const response = await read(json);
    const copy = response.clone();
    expect(copy).toBeInstanceOf(ReadResponse);
    expect(await copy.text()).toBe(json);
    expect(await response.json()).toEqual(JSON.parse(json));
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('gives its body as a stream, which a Response can be made of, and is read then', async () => {
    const response = await read(json);
    expect(await new Response(response.body).text()).toBe(json);
    expect(response.body).toBe(response.body);
    expect(response.bodyUsed).toBe(true);
  });

  it('is read whole from a body of many chunks, and gives exactly its bytes when a chunk is part of a larger buffer', async () => {
    const larger = new TextEncoder().encode(`xx${json}yy`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(larger.subarray(2, 10));
        controller.enqueue(larger.subarray(10, 2 + json.length));
        controller.close();
      },
    });
    const fetched = new Response(stream);
    expect(await new ReadResponse(await readBody(fetched.body?.getReader()), fetched).text()).toBe(json);
    const single = new Response(null);
    const view = new ReadResponse(
      await readBody(new Response(larger.subarray(2, 2 + json.length)).body?.getReader()),
      single,
    );
    expect(new TextDecoder().decode(await view.arrayBuffer())).toBe(json);
    const part = await readBody(
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(larger.subarray(2, 2 + json.length));
          controller.close();
        },
      }).getReader(),
    );
    expect(part?.byteLength).toBe(json.length);
    // Decoded from the view itself, and copied out of it as a buffer.
    expect(await new ReadResponse(part, single).json()).toEqual(JSON.parse(json));
    const buffer = await new ReadResponse(part, single).arrayBuffer();
    expect(buffer.byteLength).toBe(json.length);
    expect(new TextDecoder().decode(buffer)).toBe(json);
  });

  it('has no body when none came', async () => {
    const response = await read(null, { status: 204 });
    expect(response.body).toBeNull();
    expect(await (await read('')).text()).toBe('');
  });

  it.each([
    ['no body (a 204, 205, 304 or HEAD answer)', null, 204],
    ['an empty body', '', 200],
    ['a body', json, 200],
  ])("with %s, reads, clones and says it is used as fetch's own Response does", async (_, body, status) => {
    /** What a sequence of reads does to a Response, step by step. */
    const steps = async (response: Response) => {
      const seen: unknown[] = [response.body === null ? 'no body' : 'a body', response.bodyUsed];
      for (const step of ['text', 'clone', 'text', 'bodyUsed', 'arrayBuffer'] as const) {
        try {
          if (step === 'clone') seen.push(await response.clone().text());
          else if (step === 'bodyUsed') seen.push(response.bodyUsed);
          else seen.push(step === 'text' ? await response.text() : (await response.arrayBuffer()).byteLength);
        } catch (error) {
          seen.push((error as Error).name);
        }
      }
      return seen;
    };
    expect(await steps(await read(body, { status }))).toEqual(await steps(new Response(body, { status })));
  });
});
