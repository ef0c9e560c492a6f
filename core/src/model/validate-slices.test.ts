import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { departmentChain, flatDepartments, manyObjectives, objectiveChain } from '../testing/org-shapes';
import { parseOrg, validateOrg } from './parse-org';
import { validateInSlices } from './validate-slices';
import { loadYamlFast } from './yaml-fast';

/** The org as validated whole, from the plain data of the whole file. */
function whole(text: string) {
  return validateOrg(loadYamlFast(text, 64)?.value);
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const checkIns = (n: number) => `checkIns:\n${Array.from({ length: n }, (_, i) => `  - { kr: O${i}-KR1, date: 2026-10-${String(2 + (i % 27)).padStart(2, '0')}, value: ${i % 90}, confidence: high }`).join('\n')}\n`;

describe('long lists validated slice by slice', () => {
  it('give the org validated whole, for every shape read in slices', () => {
    const texts = [manyObjectives(450), objectiveChain(430), departmentChain(420), flatDepartments(410), `${manyObjectives(300)}${checkIns(260)}`];
    for (const text of texts) {
      const slices = validateInSlices();
      const read = loadYamlFast(text, 64, undefined, slices.onSlice);
      expect(slices.sliced()).toBe(true);
      expect(slices.finish(read?.value)).toEqual(whole(text));
      expect(parseOrg(text)).toEqual(whole(text));
    }
  });

  it('leave a file with no long list to be validated whole', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'acme.yaml'), 'utf8');
    const slices = validateInSlices();
    loadYamlFast(text, 64, undefined, slices.onSlice);
    expect(slices.sliced()).toBe(false);
    expect(parseOrg(text)).toEqual(whole(text));
  });

  it('hold the plain data of one slice at a time: each slice is validated before the next is read', () => {
    const seen: number[] = [];
    const slices = validateInSlices();
    loadYamlFast(manyObjectives(450), 64, undefined, (key, items) => {
      const out = slices.onSlice(key, items);
      // A validated copy: the weight the schema defaults is there, the plain item has none.
      seen.push(items.length);
      expect((out[0] as { keyResults: { weight: number }[] }).keyResults[0]!.weight).toBe(1);
      expect((items[0] as { keyResults: { weight?: number }[] }).keyResults[0]!.weight).toBeUndefined();
      return out;
    });
    expect(seen).toEqual([200, 200, 51]);
  });

  it('step aside at the first problem, so the file validated whole names every problem, located', () => {
    const shape = manyObjectives(450).replace('title: Objective 300,', 'title: 300,');
    expect(errorOf(() => parseOrg(shape, 'big.yaml'))).toBe('big.yaml:397:24 objectives[301].title: Invalid input: expected string, received number');
    const unknownKey = `${manyObjectives(450)}extra: 1\n`;
    expect(errorOf(() => parseOrg(unknownKey, 'big.yaml'))).toBe('big.yaml:1:1 (root): Unrecognized key: "extra"');
    const reference = manyObjectives(450).replace('department: d80,', 'department: nowhere,');
    expect(errorOf(() => parseOrg(reference, 'big.yaml'))).toMatch(/^big\.yaml:\d+:\d+ objectives\[401\]\.department: .*"nowhere"/);
  });
});
