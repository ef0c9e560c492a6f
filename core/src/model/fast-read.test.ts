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
