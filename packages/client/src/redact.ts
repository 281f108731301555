// Secrets and tokens a server echoes are taken out of what the client hands on: the client
// secret from a token endpoint's refusal, the bearer token from an API's error body.

/**
 * Never let a secret through, even if a server echoes it: as it is, URL-encoded, form-encoded,
 * or JSON-escaped inside a string, once or twice over (a JSON text quoted in a message keeps
 * its escapes, such as \u002B or a surrogate pair). Every place is found in the text as it is,
 * then each is replaced once: a secret found in the marker itself is not.
 */
export function redact(text: string, secret: string): string {
  if (!secret) return text;
  const found: [start: number, end: number][] = [];
  for (const form of new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
  ]))
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length))
      found.push([at, at + form.length]);
  // The text with its JSON escapes undone, each of its characters knowing where it came from.
  let view: View = { text, start: (i) => i, end: (i) => i + 1 };
  for (let depth = 0; depth < 2 && view.text.includes('\\'); depth++) {
    view = unescaped(view);
    for (let at = view.text.indexOf(secret); at !== -1; at = view.text.indexOf(secret, at + secret.length))
      found.push([view.start(at), view.end(at + secret.length - 1)]);
  }
  if (found.length === 0) return text;
  found.sort((a, b) => a[0] - b[0]);
  let result = '';
  let done = 0;
  for (const [start, end] of found) {
    if (end <= done) continue;
    result += `${text.slice(done, Math.max(start, done))}${start >= done ? '[redacted]' : ''}`;
    done = end;
  }
  return result + text.slice(done);
}

/** A text, and where in the original text each of its characters begins and ends. */
interface View {
  text: string;
  start: (index: number) => number;
  end: (index: number) => number;
}

/** What JSON's one-character escapes stand for. */
const SHORT_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** A view with its JSON escapes undone: \u002B is +, \" is ". */
function unescaped(outer: View): View {
  const { text } = outer;
  const starts: number[] = [];
  const ends: number[] = [];
  let result = '';
  for (let i = 0; i < text.length; ) {
    let char = text[i] as string;
    let length = 1;
    if (char === '\\') {
      const next = text[i + 1] ?? '';
      const hex = text.slice(i + 2, i + 6);
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) {
        char = String.fromCharCode(Number.parseInt(hex, 16));
        length = 6;
      } else if (next in SHORT_ESCAPES) {
        char = SHORT_ESCAPES[next] as string;
        length = 2;
      }
    }
    result += char;
    starts.push(i);
    ends.push(i + length - 1);
    i += length;
  }
  return {
    text: result,
    start: (index) => outer.start(starts[index] as number),
    end: (index) => outer.end(ends[index] as number),
  };
}

/**
 * A body with the secret redacted wherever it occurs: in the text, or in every string, key and
 * number of parsed JSON (where escapes such as \u002B are undone, so the secret shows as it is).
 */
export function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return redact(value, secret);
  if (typeof value === 'number') return redact(String(value), secret) === String(value) ? value : '[redacted]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key, secret), redactValue(item, secret)]),
  );
}

/** A text or parsed body without any of the secrets (the token, the client secret) in it. */
export function withoutSecrets<T>(value: T, secrets: readonly (string | undefined)[]): T {
  let result: unknown = value;
  for (const secret of secrets) if (secret) result = redactValue(result, secret);
  return result as T;
}

/**
 * Body text without the secret: JSON is parsed, redacted and written again (whatever its
 * escapes), other text redacted as it is; the text itself when the secret is not in it.
 */
export function redactText(text: string, secret: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text, secret);
  }
  const redacted = JSON.stringify(redactValue(parsed, secret));
  return redacted === JSON.stringify(parsed) ? text : redacted;
}
