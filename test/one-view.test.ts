/**
 * One view per fact: the same key result reads the same on every surface. For key results of
 * the Acme example at 2026-11-15, the percent, the status label, the value label and the status
 * sentence are compared as each surface produces them: the text `okr report` prints, the view
 * the Jira department panel's resolver answers (built from the metrics stored in KVS), the page
 * the Teams tab API serves over HTTP (read from the Jira app's own web trigger), and the text of
 * the department status card. A surface that words or rounds one of them its own way fails here.
 */
import { join } from 'node:path';
import { explanationSentence } from '@okr-bridge/core';
import { runCli } from '../cli/src/main';
import { createResolverHandlers } from '../jira-app/src/resolvers';
import { createTestDeps, seedAcme } from '../jira-app/src/testing/test-deps';
import { buildDepartmentStatusCard } from '../teams-app/src/cards/view-cards';
import { devTokenFor } from '../teams-app/src/auth/dev-token';
import type { DepartmentPage } from '../teams-app/src/tab-api/contract';
import { tabApiPaths } from '../teams-app/src/tab-api/paths';
import { startTabApiStack, type TabApiStack } from '../teams-app/src/tab-api/testing';

const root = join(__dirname, '..');
const AT = '2026-11-15';

interface Facts {
  readonly progressLabel: string;
  readonly statusLabel: string;
  readonly valueLabel: string;
  readonly statusReason: string;
}

/** The four facts of a key result as a line of `okr report` prints them. */
function fromCliLine(text: string, id: string): Facts {
  const line = text.split('\n').find((l) => l.trimStart().startsWith(`${id} `));
  if (!line) throw new Error(`okr report printed no line for ${id}`);
  const [, , , progressLabel, statusLabel, valueLabel, statusReason] = line.split(/ {2,}/);
  return { progressLabel: progressLabel!, statusLabel: statusLabel!, valueLabel: valueLabel!, statusReason: statusReason! };
}

/** The TextBlocks of an Adaptive Card as Teams shows them (the markdown escapes undone). */
function cardTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) cardTexts(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text.replace(/\\(.)/g, '$1'));
    for (const v of Object.values(o)) cardTexts(v, out);
  }
  return out;
}

let cliText = '';
let stack: TabApiStack;
beforeAll(async () => {
  await runCli(['report', join(root, 'examples', 'acme.yaml'), '--issues', join(root, 'examples', 'acme-issues.json'), '--at', AT], {
    stdout: (s) => (cliText += s),
    stderr: (s) => {
      throw new Error(s);
    },
    isTTY: false,
    now: () => `${AT}T00:00:00Z`,
  });
  stack = await startTabApiStack({ devTokens: true, nowMs: () => Date.parse(`${AT}T00:00:00Z`) });
});
afterAll(() => stack.close());

async function jiraDepartment(projectKey: string) {
  const deps = createTestDeps({ now: `${AT}T00:00:00Z` });
  await seedAcme(deps);
  const answer = await createResolverHandlers(deps).getDepartmentView({ payload: { projectKey }, context: { accountId: 'raj@acme.example' } });
  if (!answer.ok || answer.data.kind !== 'department') throw new Error(`expected the department view, got ${JSON.stringify(answer)}`);
  return answer.data.view;
}

async function teamsDepartment(id: string): Promise<DepartmentPage> {
  const res = await fetch(stack.url + tabApiPaths.department(id), { headers: { authorization: `Bearer ${devTokenFor('raj@acme.example')}` } });
  if (res.status !== 200) throw new Error(`tab API answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as DepartmentPage;
}

const pick = (kr: Facts): Facts => ({ progressLabel: kr.progressLabel, statusLabel: kr.statusLabel, valueLabel: kr.valueLabel, statusReason: kr.statusReason });

describe.each([
  // At risk ahead of its pace: its sentence names the blocked dependency it waits on.
  ['SALES', 'sales', 'sales-o1-kr2', '17%', 'At risk', '2 deals (from 0 to 12 deals)', '17% done against 49% expected by today, but waits on "Single sign-on and SCIM provisioning for enterprise deals" from Engineering, which is blocked → at risk'],
  // A milestone behind its due date and its owner's confidence.
  ['PROD', 'prod', 'prod-o1-kr2', '0%', 'At risk', 'Not done', "Not done, due in 46 days (the cycle end), owner's confidence low → at risk"],
  // A metric with a plural unit read in the singular.
  ['MKT', 'mkt', 'mkt-o3-kr2', '13%', 'At risk', '1 case study (from 0 to 8 case studies)', '13% done against 49% expected by today → at risk'],
])('key result of %s (%s) %s', (projectKey, department, id, progressLabel, statusLabel, valueLabel, statusReason) => {
  const expected: Facts = { progressLabel, statusLabel, valueLabel, statusReason };

  test('okr report prints its percent, status, value and sentence', () => {
    expect(fromCliLine(cliText, id)).toEqual(expected);
  });

  test("the Jira department panel's view says the same", async () => {
    const view = await jiraDepartment(projectKey);
    expect(pick(view.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!)).toEqual(expected);
  });

  test("the Teams tab's department page says the same, and so does the department status card", async () => {
    const page = await teamsDepartment(department);
    const kr = page.department.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;
    expect(pick(kr)).toEqual(expected);
    const texts = cardTexts(buildDepartmentStatusCard(page.department));
    const title = kr.title;
    expect(texts).toContain(`• ${title}: ${progressLabel} (${statusLabel}) — ${valueLabel}, ${kr.owner}`);
    expect(texts[texts.indexOf(`• ${title}: ${progressLabel} (${statusLabel}) — ${valueLabel}, ${kr.owner}`) + 1]).toBe(statusReason);
  });

  test("Explain shows the same lines in the Jira panel's modal and in the Teams tab", async () => {
    const deps = createTestDeps({ now: `${AT}T00:00:00Z` });
    await seedAcme(deps);
    const answer = await createResolverHandlers(deps).explainKr({ payload: { kr: id }, context: { accountId: 'raj@acme.example' } });
    if (!answer.ok) throw new Error(answer.error.message);
    const page = await teamsDepartment(department);
    const teams = page.department.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;
    expect(answer.data.kr.statusReason).toBe(statusReason);
    expect(answer.data.kr.explanation.map(explanationSentence)).toEqual(teams.explanation.map(explanationSentence));
    expect(teams.explanation[0]!.text).toContain(`→ ${progressLabel} (${valueLabel})`);
  });
});
