/**
 * The Jira panels' words in headless Chromium, over the local Forge host with Acme imported:
 * no ISO date left on any panel, tab or Explain (dates, inside core's sentences too, in the
 * viewer's locale), the dependency table's impact and the sparklines' names in core's words,
 * the ones the Teams tab and the cards use.
 */
import { buildCompanyView, buildDepartmentView, describeImpact, describeSparkline, evaluateOrg, parseIssueSnapshot, parseOrg } from '@okr-bridge/core';
import { readFileSync } from 'node:fs';
import { ACME_ISSUES, ACME_ORG, textOf as text } from '../dev/forge-host/testing';
import { usePanelSuite } from './panel-suite';

const NOW = '2026-11-15T12:00:00.000Z';
const RAJ = 'raj@acme.example'; // owns Engineering in acme.yaml

const org = parseOrg(readFileSync(ACME_ORG, 'utf8'), 'acme.yaml');
const evaluation = evaluateOrg(org, parseIssueSnapshot(JSON.parse(readFileSync(ACME_ISSUES, 'utf8')), org.jira), { at: NOW });
const engineering = buildDepartmentView(org, evaluation, 'eng');
const company = buildCompanyView(org, evaluation);

const suite = usePanelSuite(NOW);
const open = suite.open;

/** ISO dates (YYYY-MM-DD) in a page's text: none may be left, in fields or inside core's sentences. */
const isoDatesIn = (text: string) => text.match(/\d{4}-\d{2}-\d{2}/g) ?? [];

describe('one wording, with dates in the viewer\'s words', () => {
  it('writes no ISO date in the company page, any of its tabs, the department page, its tabs or an Explain', async () => {
    const comp = await open('company', {}, (p) => p.getByTestId('alignment-tree').waitFor());
    const seen: [string, string][] = [['company', await comp.locator('body').innerText()]];
    for (const tab of ['Departments', 'Dependencies', 'Lint', 'Review agenda']) {
      await comp.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await comp.getByRole('tabpanel').first().waitFor();
      seen.push([`company ${tab}`, await comp.locator('body').innerText()]);
    }
    await comp.close();
    const dep = await open('department', { project: 'ENG', accountId: RAJ }, (p) => p.getByTestId('kr-row-eng-o2-kr2').waitFor());
    seen.push(['department', await dep.locator('body').innerText()]);
    // A metric key result whose current value comes from a check-in: its rule names the check-in's day.
    const checkedIn = engineering!.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o2-kr2')!;
    await dep.getByRole('button', { name: `Explain ${checkedIn.title}` }).click();
    await dep.getByTestId('explain-rule').waitFor();
    seen.push(['explain', await dep.getByTestId('explain-modal').innerText()]);
    await dep.keyboard.press('Escape');
    await dep.getByTestId('explain-modal').waitFor({ state: 'detached' });
    for (const tab of ['Dependencies', 'Lint']) {
      await dep.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      seen.push([`department ${tab}`, await dep.locator('body').innerText()]);
    }
    await dep.close();
    const epic = await open('epic', { issue: 'ENG-101', accountId: RAJ }, (p) => p.getByTestId('epic-kr-eng-o1-kr1').waitFor());
    seen.push(['epic', await epic.locator('body').innerText()]);
    await epic.close();
    const gadget = await open('gadget', {}, (p) => p.getByTestId('gadget-view').waitFor());
    seen.push(['gadget', await gadget.locator('body').innerText()]);
    await gadget.close();
    expect(seen.map(([where]) => where)).toHaveLength(11);
    expect(seen.filter(([, t]) => isoDatesIn(t).length > 0).map(([where, t]) => [where, isoDatesIn(t)])).toEqual([]);
    // The check-in's day and a deliverable's due day, in the host's locale (en-US) inside core's sentences.
    // (The org file's check-in of 9 Nov is the latest, unless a test of this stack checked in on 15 Nov.)
    expect(seen.find(([where]) => where === 'explain')![1]).toMatch(/current from the check-in of Nov (9|15), 2026/);
    expect(seen.find(([where]) => where === 'company Dependencies')![1]).toContain('due Nov 20, 2026, in 5 days');
    // A stale check-in is "Check-in due" in the lint list as on the review agenda, with its day in words.
    expect(seen.find(([where]) => where === 'company Lint')![1]).toMatch(/Check-in due\s+Key result "Publish 8 customer case studies" was last checked in on Oct 6, 2026/);
  }, 30_000);

  it('shows in the dependency table what a blocked dependency puts at risk, in the words the tab and the cards use', async () => {
    const blocked = company.dependencies.find((d) => describeImpact(d) !== null)!;
    const comp = await open('company', {}, (p) => p.getByTestId('alignment-tree').waitFor());
    await comp.getByRole('tab', { name: /^Dependencies/ }).click();
    expect(await text(comp, `dependency-impact-${blocked.id}`)).toBe(describeImpact(blocked));
    await comp.close();
  });

  it('names each sparkline with core\'s trend sentence', async () => {
    const kr = engineering!.objectives[0]!.keyResults[0]!;
    const dep = await open('department', { project: 'ENG', accountId: RAJ }, (p) => p.getByTestId(`kr-row-${kr.id}`).waitFor());
    expect(await dep.getByTestId(`kr-row-${kr.id}`).getByTestId('sparkline').getAttribute('aria-label')).toBe(describeSparkline(kr.title, kr.progressLabel, engineering!.expectedLabel));
    await dep.close();
  });
});
