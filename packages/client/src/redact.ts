// Secrets and tokens a server echoes are taken out of what the client hands on: the client
// secret from a token endpoint's refusal, the bearer token from an API's error body.

/**
 * Never let a secret through, even if a server echoes it: as it is, URL-encoded, form-encoded,
 * or JSON-escaped inside a string (a JSON text quoted in a message keeps its escapes).
 */
export function redact(text: string, secret: string): string {
  if (!secret) return text;
  const forms = new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
  let result = text;
  for (const form of forms) result = result.split(form).join('[redacted]');
  return result.replace(escapedForms(secret), '[redacted]');
}

/** The last few secrets' patterns of their JSON-escaped forms (a token is replaced every hour or so). */
const escapedPatterns = new Map<string, RegExp>();

/** The secret with any character but a letter or digit as it is or escaped as JSON may escape it (\u002B, \", \/). */
function escapedForms(secret: string): RegExp {
  let pattern = escapedPatterns.get(secret);
  if (!pattern) {
    const parts = [...secret].map((char) => {
      const plain = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      const code = char.codePointAt(0) as number;
      if (/[A-Za-z0-9]/.test(char) || code > 0xffff) return plain;
      // Hex digits in either case, as encoders differ.
      const hex = code
        .toString(16)
        .padStart(4, '0')
        .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);
      return `(?:${plain}|\\\\u${hex}|\\\\${plain})`;
    });
    pattern = new RegExp(parts.join(''), 'g');
    if (escapedPatterns.size === 4) escapedPatterns.delete(escapedPatterns.keys().next().value as string);
    escapedPatterns.set(secret, pattern);
  }
  return pattern;
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
