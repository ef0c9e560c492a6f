import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIssueSnapshot } from '../model/issue';
import { parseOrg } from '../model/parse-org';
import { evaluateOrg } from '../report/evaluate';
import { AGENDA_KIND_LABELS } from '../views/labels';

const EXAMPLES = join(__dirname, '../../../examples');
const org = parseOrg(readFileSync(join(EXAMPLES, 'acme.yaml'), 'utf8'));
const issues = parseIssueSnapshot(JSON.parse(readFileSync(join(EXAMPLES, 'acme-issues.json'), 'utf8')), org.jira);

describe("Engineering's review agenda over the Acme example at 2026-12-04", () => {
  const { agenda } = evaluateOrg(org, issues, { at: '2026-12-04', agenda: { scope: { kind: 'department', id: 'eng' }, minutes: 45 } });
  const checkIns = agenda.items.filter((i) => i.kind === 'stale-check-in');

  it('names a key result whose check-in is due by its title, in a sentence that ends with a full stop', () => {
    const soc2 = checkIns.find((i) => i.subject === 'eng-o1-kr3');
    expect(soc2?.title).toBe('Check-in due: Complete the SOC 2 Type II audit fieldwork');
    expect(soc2?.detail).toMatch(/^Key result "Complete the SOC 2 Type II audit fieldwork" was last checked in .*; expected a check-in at least every 14 days\.$/);
    expect(checkIns.length).toBeGreaterThan(1);
    for (const item of checkIns) expect(item.detail).not.toMatch(/\b[a-z]+-o\d+(-kr\d+)?\b/);
  });

  it('labels a check-in due in the words of its heading', () => {
    expect(AGENDA_KIND_LABELS['stale-check-in']).toBe('Check-in due');
    for (const item of checkIns) expect(item.title.startsWith(`${AGENDA_KIND_LABELS[item.kind]}: `)).toBe(true);
  });
});
