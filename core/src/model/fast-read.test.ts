import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { departmentChain, flatDepartments, manyObjectives, objectiveChain } from '../testing/org-shapes';
import { loadYamlFast } from './yaml-fast';

/** What the `yaml` library reads, for the texts the fast path reads too. */
function slow(text: string): unknown {
  return parse(text, { uniqueKeys: true });
}

describe('the fast YAML path reads what the yaml library reads', () => {
  it('for the example org file and every generated shape', () => {
    const texts = [readFileSync(join(__dirname, '..', '..', '..', 'examples', 'acme.yaml'), 'utf8'), manyObjectives(50), objectiveChain(50), departmentChain(50), flatDepartments(50)];
    for (const text of texts) expect(loadYamlFast(text, 64)).toEqual({ value: slow(text) });
  });

  it('for plain scalars of every kind the core schema resolves', () => {
    const samples = ['~', 'null', 'Null', 'NULL', 'nULL', '', 'true', 'True', 'TRUE', 'tRUE', 'yes', 'on', '0o17', '0o8', '017', '+12', '-0', '0x1F', '0X1f', '1_000', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1e308', '1E-3', '.5e2', '5.', '.5', '1.5e', '0b101', '2026-10-01', '12:30'];
    for (const s of samples) expect([s, loadYamlFast(`v: ${s}\n`, 64)]).toEqual([s, { value: slow(`v: ${s}\n`) }]);
  });

  it('for random plain and quoted scalars (seeded)', () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[-+.~0-9a-fA-FxoeEINnaTtrulsF_:]{0,8}$/),
      fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
      fc.double().map(String),
      fc.integer().map(String),
    );
    fc.assert(
      fc.property(scalar, (s) => {
        const text = `v: ${s}\nw: [${s}]\n`;
        const fast = loadYamlFast(text, 64);
        if (fast === null) return; // stepped aside: the yaml library alone reads it
        let expected: unknown;
        try {
          expected = slow(text);
        } catch {
          throw new Error(`the fast path read ${JSON.stringify(text)} but the yaml library refuses it`);
        }
        expect(fast.value).toEqual(expected);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('steps aside for aliases, explicit tags and duplicate keys', () => {
    expect(loadYamlFast('a: &x 1\nb: *x\n', 64)).toBeNull();
    expect(loadYamlFast('a: !!int 1\n', 64)).toBeNull();
    expect(loadYamlFast('a: 1\na: 2\n', 64)).toBeNull();
  });
});

describe('a long sequence read in slices reads what the yaml library reads', () => {
  /** The slices (of `size` items) agree with the yaml library, or step aside; never a different answer. */
  function agrees(text: string, size: number): boolean {
    const fast = loadYamlFast(text, 64, size);
    if (fast === null) return false;
    let expected: unknown;
    try {
      expected = slow(text);
    } catch {
      throw new Error(`slices read ${JSON.stringify(text)} but the yaml library refuses it`);
    }
    expect(fast.value).toEqual(expected);
    return true;
  }

  it('for the example org file and every generated shape, cut into slices of a few items', () => {
    const texts = [readFileSync(join(__dirname, '..', '..', '..', 'examples', 'acme.yaml'), 'utf8'), manyObjectives(50), objectiveChain(50), departmentChain(50), flatDepartments(50)];
    for (const text of texts) {
      for (const size of [1, 3, 7]) expect(agrees(text, size)).toBe(true);
    }
  });

  it('with comments, blank lines, CRLF line ends, block scalars and nested sequences between the cuts', () => {
    expect(agrees('objectives:\r\n# c\r\n- a\r\n\r\n- b\r\n  # x\r\n- c\r\nother: 1\r\n', 1)).toBe(true);
    expect(agrees('objectives:\n  - |\n    text\n    - not an item\n  - x\n  - - y\n    - z\n  - k: [1,\n      2]\n# end\nother:\n- 1\n- 2\n', 1)).toBe(true);
  });

  it('steps aside where a cut would fall inside something spanning lines, or where the key is not a top-level block key', () => {
    const refused = [
      'objectives:\n- { a: 1,\n- b: 2 }\n- c\n',
      'objectives:\n- "abc\n- def"\n- x\n',
      "objectives:\n- 'abc\n- def'\n- x\n",
      '{\nobjectives:\n- a\n- b\n}\n',
      'a: "x\nobjectives:\n- y\n- z\n"\n',
      'objectives:\n- a\n- b\nobjectives:\n- c\n- d\n',
      'objectives:\n- &x a\n- *x\n',
      'objectives:\n  - a\n  - b\n  c: 1\n',
    ];
    for (const text of refused) expect([text, loadYamlFast(text, 64, 1)]).toEqual([text, null]);
  });

  it('never reads a file differently from the yaml library (seeded, lines from hostile fragments)', () => {
    const fragments = ['objectives:', 'other:', '- a', '  - b', '- "c', 'd"', "- 'e", "f'", '- {g: 1,', '  h: 2}', '- [1,', '2]', '- |', '    lit', '  - x', '#', '', '---', '%YAML 1.1', '- yes', '\t- t', ' - s', 'k: v', '{', '}', 'a: "x', '"'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 14 }), fc.integer({ min: 1, max: 3 }), (lines, size) => {
        agrees(`${lines.join('\n')}\n`, size);
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
