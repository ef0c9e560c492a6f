/**
 * The org file shapes that stress the org pipeline (tests, `bench/org.ts`), as YAML text:
 * many objectives, a long alignment chain, a deep department tree, many flat departments.
 * Deterministic (no random).
 */

const HEAD = (departments: string) => `version: 1
cycle: { id: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
company: { id: bigco, name: BigCo, owners: [ceo@bigco.example] }
${departments}`;

/** `n` objectives, five to a department, each with a metric key result, aligned to a company roll-up. */
export function manyObjectives(n: number): string {
  const departments = Math.ceil(n / 5);
  const out: string[] = [HEAD('departments:')];
  for (let d = 0; d < departments; d++) out.push(`  - { id: d${d}, name: Department ${d}, jiraProjects: [P${d}], owners: [lead${d}@bigco.example] }`);
  out.push('objectives:');
  out.push('  - { id: C1, title: Grow, department: bigco, owner: ceo@bigco.example, keyResults: [{ id: C1-KR1, title: Revenue, kind: rollup }] }');
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / 5);
    out.push(
      `  - { id: O${i}, title: Objective ${i}, department: d${d}, owner: lead${d}@bigco.example, alignedTo: [{ kr: C1-KR1 }], keyResults: [{ id: O${i}-KR1, title: Metric ${i}, kind: metric, start: 0, target: 100, current: ${i % 101} }] }`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** `n` objectives, each aligned to the previous one's roll-up key result. */
export function objectiveChain(n: number): string {
  const out: string[] = [HEAD('departments: [{ id: eng, name: Engineering }]'), 'objectives:'];
  for (let i = 0; i < n; i++) {
    const department = i === 0 ? 'bigco' : 'eng';
    const aligned = i === 0 ? '' : `alignedTo: [{ kr: O${i - 1}-R }], `;
    const leaf = i === n - 1 ? `{ id: O${i}-M, title: Leaf, kind: metric, start: 0, target: 10, current: 5 }` : `{ id: O${i}-R, title: Roll-up ${i}, kind: rollup }`;
    out.push(`  - { id: O${i}, title: Link ${i}, department: ${department}, owner: o${i}@bigco.example, ${aligned}keyResults: [${leaf}] }`);
  }
  return `${out.join('\n')}\n`;
}

/** `n` departments, each the parent of the next. */
export function departmentChain(n: number): string {
  const out: string[] = [HEAD('departments:')];
  for (let i = 0; i < n; i++) out.push(`  - { id: d${i}, name: Department ${i}${i === 0 ? '' : `, parent: d${i - 1}`} }`);
  return `${out.join('\n')}\n`;
}

/** `n` departments directly under the company, one objective each. */
export function flatDepartments(n: number): string {
  const out: string[] = [HEAD('departments:')];
  for (let i = 0; i < n; i++) out.push(`  - { id: d${i}, name: Department ${i}, jiraProjects: [P${i}], owners: [lead${i}@bigco.example] }`);
  out.push('objectives:');
  out.push('  - { id: C1, title: Grow, department: bigco, keyResults: [{ id: C1-KR1, title: Revenue, kind: rollup }] }');
  for (let i = 0; i < n; i++) {
    out.push(`  - { id: O${i}, title: Objective ${i}, department: d${i}, owner: lead${i}@bigco.example, alignedTo: [{ kr: C1-KR1 }], keyResults: [{ id: O${i}-KR1, title: Epics ${i}, kind: jira, epics: [P${i}-1] }] }`);
  }
  return `${out.join('\n')}\n`;
}
