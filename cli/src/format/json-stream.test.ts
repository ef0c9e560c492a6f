import fc from 'fast-check';
import { writeJsonDocument } from './json-stream';
import { PIECE_CHARS } from './pieces';

function written(value: unknown): { text: string; pieces: string[] } {
  const pieces: string[] = [];
  writeJsonDocument(value, (s) => pieces.push(s));
  return { text: pieces.join(''), pieces };
}

describe('writeJsonDocument', () => {
  it('writes what JSON.stringify(value, null, 2) writes, for any JSON value (seeded)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(written(v).text).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('skips what JSON.stringify skips and calls toJSON as it does', () => {
    const v = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 1, Symbol('s'), { d: undefined }, [], {}],
      e: new Date(Date.UTC(2026, 10, 15)),
      f: { toJSON: (key: string) => `key ${key}` },
      g: 'line\nbreak',
      h: [{ i: [{ j: 'deep\n' }] }],
    };
    expect(written(v).text).toBe(`${JSON.stringify(v, null, 2)}\n`);
    expect(written([]).text).toBe('[]\n');
    expect(written({ only: undefined }).text).toBe('{}\n');
  });

  it('writes a large value in pieces of about PIECE_CHARS characters, never the whole text at once', () => {
    const v = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: `O${i}`, progress: i / 20_000, status: 'on-track' })) };
    const { text, pieces } = written(v);
    expect(text).toBe(`${JSON.stringify(v, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(text.length / (2 * PIECE_CHARS));
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(PIECE_CHARS + 1000);
  });
});
