/**
 * A large synthetic org and issue snapshot for benchmarks: `departments` × 5 objectives × 4
 * key results (3 jira, 1 metric) over `epics` epics and `issues` child issues, seeded.
 */
import type { OrgInput } from '@okr-bridge/core';
import { seededRandom } from '@okr-bridge/core/testing';

const STATUSES = [
  { name: 'To Do', key: 'new' },
  { name: 'In Progress', key: 'indeterminate' },
  { name: 'In Review', key: 'indeterminate' },
  { name: 'Blocked', key: 'indeterminate' },
  { name: 'Done', key: 'done' },
] as const;

export interface LargeOrgOptions {
  readonly departments: number;
  readonly epics: number;
  readonly issues: number;
  readonly seed: number;
}

export function generateLargeOrg(o: LargeOrgOptions): { org: OrgInput; snapshot: { issues: unknown[] } } {
  const rand = seededRandom(o.seed);
  const measures = ['issues', 'points', 'weighted'] as const;
  const companyKrs = Array.from({ length: 20 }, (_, i) => `C${Math.floor(i / 4) + 1}-KR${(i % 4) + 1}`);
  const objectives: NonNullable<OrgInput['objectives']> = [];
  for (let c = 1; c <= 5; c++) {
    objectives.push({
      id: `C${c}`,
      title: `Company objective ${c}`,
      department: 'bigco',
      owner: 'ceo@bigco.example',
      keyResults: Array.from({ length: 4 }, (_, k) => ({ id: `C${c}-KR${k + 1}`, title: `Company KR ${c}.${k + 1}`, kind: 'rollup' as const })),
    });
  }
  const departments: NonNullable<OrgInput['departments']> = [];
  const jiraKrs: { id: string; epics: string[] }[] = [];
  for (let d = 0; d < o.departments; d++) {
    const id = `d${d}`;
    departments.push({ id, name: `Department ${d}`, jiraProjects: [`P${d}`], owners: [`lead${d}@bigco.example`] });
    for (let j = 1; j <= 5; j++) {
      const oid = `${id}-O${j}`;
      const krs: NonNullable<OrgInput['objectives']>[number]['keyResults'] = [];
      for (let k = 1; k <= 3; k++) {
        const krId = `${oid}-KR${k}`;
        const kr = { id: krId, epics: [] as string[] };
        jiraKrs.push(kr);
        krs!.push({ id: krId, title: `Deliver ${krId}`, kind: 'jira', measure: measures[(k - 1) % 3], epics: kr.epics, owner: `owner${d}-${k}@bigco.example` });
      }
      krs!.push({ id: `${oid}-KR4`, title: `Move metric ${oid}`, kind: 'metric', start: 0, target: 100, current: Math.floor(rand() * 100), owner: `lead${d}@bigco.example` });
      objectives.push({ id: oid, title: `Objective ${oid}`, department: id, owner: `lead${d}@bigco.example`, keyResults: krs, alignedTo: [{ kr: companyKrs[(d * 5 + j) % companyKrs.length]! }] });
    }
  }
  const issues: unknown[] = [];
  const epicKeys: string[] = [];
  for (let e = 0; e < o.epics; e++) {
    const kr = jiraKrs[e % jiraKrs.length]!;
    const project = kr.id.slice(1, kr.id.indexOf('-'));
    const key = `P${project}-${100000 + e}`;
    kr.epics.push(key);
    epicKeys.push(key);
    issues.push(rawIssue(String(e + 1), key, 'Epic', null, STATUSES[1], null, rand));
  }
  for (let i = 0; i < o.issues; i++) {
    const epic = epicKeys[Math.floor(rand() * epicKeys.length)]!;
    const project = epic.slice(0, epic.indexOf('-'));
    const status = STATUSES[Math.floor(rand() * STATUSES.length)]!;
    issues.push(rawIssue(String(o.epics + i + 1), `${project}-${i + 1}`, 'Story', epic, status, rand() < 0.1 ? null : Math.ceil(rand() * 8), rand));
  }
  const dependencies: NonNullable<OrgInput['dependencies']> = [];
  for (let d = 0; d < o.departments; d++) {
    const provider = (d + 1) % o.departments;
    dependencies.push({
      id: `DEP${d}`,
      needs: { department: `d${d}`, kr: `d${d}-O1-KR1` },
      provider: `d${provider}`,
      deliverables: [`P${provider}-${d + 1}`],
      due: '2026-12-01',
    });
  }
  const org: OrgInput = {
    version: 1,
    cycle: { id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
    company: { id: 'bigco', name: 'BigCo', owners: ['ceo@bigco.example'] },
    departments,
    objectives,
    dependencies,
    jira: { storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021', blockedStatuses: ['Blocked'] },
  };
  return { org, snapshot: { issues } };
}

function rawIssue(id: string, key: string, type: string, parent: string | null, status: (typeof STATUSES)[number], points: number | null, rand: () => number) {
  const createdDay = 1 + Math.floor(rand() * 75);
  const created = new Date(Date.UTC(2026, 8, createdDay)).toISOString();
  return {
    id,
    key,
    fields: {
      summary: `${type} ${key}`,
      issuetype: { name: type, subtask: false },
      ...(parent ? { parent: { key: parent } } : {}),
      status: { name: status.name, statusCategory: { key: status.key } },
      created,
      resolutiondate: status.key === 'done' ? new Date(Date.UTC(2026, 8, createdDay + 10)).toISOString() : null,
      customfield_10016: points,
      customfield_10021: rand() < 0.01 ? [{ value: 'Impediment' }] : null,
      issuelinks: [],
    },
  };
}
