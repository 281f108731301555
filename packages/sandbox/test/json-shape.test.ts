// The JSON shape watch counts every value a body holds, as valueCount does once it is parsed:
// the first value in each object or array as well as each one after a comma, so a body one
// value over the limit is refused wherever that value stands.
import { describe, expect, it } from 'vitest';
import { jsonShapeWatch, valueCount } from '../src/json-shape.js';

const refused = (text: string, maxValues: number) => {
  const watch = jsonShapeWatch({ maxDepth: 32, maxProperties: 1000, maxValues });
  return watch.feed(Buffer.from(text)) ? undefined : watch.over;
};

describe('the JSON shape watch', () => {
  it('refuses a body one value over the limit, though its last values come first in their objects', () => {
    const text = '{"a":{"b":[1]}}';
    expect(valueCount(JSON.parse(text))).toBe(4);
    expect(refused(text, 3)).toBe('values');
    expect(refused(text, 4)).toBeUndefined();
  });

  it('counts as the parsed body does, after its last comma too', () => {
    const text = `{"extra":[${Array(97).fill('1').join(',')},${'['.repeat(30)}${']'.repeat(30)}]}`;
    const count = valueCount(JSON.parse(text));
    expect(refused(text, count - 1)).toBe('values');
    expect(refused(text, count)).toBeUndefined();
  });
});
