import { PIECE_CHARS, pieceWriter } from './pieces';

describe('pieceWriter', () => {
  it('writes what was put, in pieces of at least PIECE_CHARS characters but the last', () => {
    const writes: string[] = [];
    const { put, end } = pieceWriter((s) => writes.push(s));
    let all = '';
    for (let i = 0; i < 20_000; i++) {
      const line = `row ${i} ${'x'.repeat(i % 50)}\n`;
      put(line);
      all += line;
    }
    end();
    expect(writes.join('')).toBe(all);
    expect(writes.length).toBeGreaterThan(1);
    for (const w of writes.slice(0, -1)) expect(w.length).toBeGreaterThanOrEqual(PIECE_CHARS);
    expect(writes.every((w) => w.length < PIECE_CHARS + 100)).toBe(true);
  });

  it('writes nothing when nothing was put', () => {
    const writes: string[] = [];
    pieceWriter((s) => writes.push(s)).end();
    expect(writes).toEqual([]);
  });
});
