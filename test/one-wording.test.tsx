/**
 * One wording per fact, beside one-view.test.ts: for the Acme example at 2026-11-15, the same
 * sentence comes out of every surface that says it. A trend's accessible name from the Jira
 * sparkline and the Teams one; who needs what from whom from the agenda, the Teams cards and
 * core; and no ISO date in the human text of `okr report`, `okr lint` or the cards. The Jira
 * panels' and the Teams tab's pages are read the same way where they render, in Chromium
 * (jira-panels.test.ts "one wording, with dates in the viewer's words", with the dependency
 * table's impact text; teams-tab.test.ts "writes no ISO date in the text of any view"): Atlaskit's
 * compiled CSS does not load under Jest.
 */
import React from 'react';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { buildCompanyView, buildDepartmentView, dependencyViewSchema, describeNeed, describeSparkline, evaluateOrg, reviewAgendaSchema, type Viewer } from '@okr-bridge/core';
import { runCli } from '../cli/src/main';
import { loadAcmeExample } from '../dev/forge-webtrigger';
import { Sparkline as JiraSparkline } from '../jira-app/src/ui/components/sparkline';
import { buildAlertCard } from '../teams-app/src/cards/alert-card';
import { buildAgendaCard, buildBlockedListCard } from '../teams-app/src/cards/view-cards';
import { Sparkline as TeamsSparkline } from '../teams-app/src/tab/views/sparkline';

// Jest compiles JSX with the classic runtime (React.createElement); the builds use the automatic one.
(globalThis as { React?: typeof React }).React = React;

const root = join(__dirname, '..');
const AT = '2026-11-15';
const { org, issues } = loadAcmeExample();
const evaluation = evaluateOrg(org, issues, { at: AT, agenda: { scope: { kind: 'department', id: 'eng' } } });
const company = buildCompanyView(org, evaluation);
const eng = buildDepartmentView(org, evaluation, 'eng')!;
// Views as the bot receives them: through the wire schemas.
const blocked = company.dependencies.filter((d) => d.state === 'blocked').map((d) => dependencyViewSchema.parse(d));
const agenda = reviewAgendaSchema.parse(evaluation.agenda);
const newYork: Viewer = { locale: 'en-US', timeZone: 'America/New_York' };

const ISO = /\d{4}-\d{2}-\d{2}/g;
/** The texts of a card's TextBlocks and facts, with Teams' DATE()/TIME() (which it writes in the reader's words) set aside. */
function cardText(node: unknown): string {
  return JSON.stringify(node)
    .replace(/"(url|data|verb|id|subject|scope|since|\$schema)":("[^"]*"|\{[^}]*\})/g, '')
    .replace(/\{\{(DATE|TIME)\([^)]*\)\}\}/g, '…');
}

async function cli(...argv: string[]): Promise<string> {
  let out = '';
  await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (out += s), isTTY: false, now: () => `${AT}T09:00:00Z`, viewer: newYork });
  return out;
}

describe('one wording per fact', () => {
  it("names a trend the same in the Jira panel and the Teams tab: core's sentence", () => {
    const kr = eng.objectives[0]!.keyResults[0]!;
    const jira = renderToStaticMarkup(<JiraSparkline start={eng.cycle.start} end={eng.cycle.end} at={eng.at} progress={kr.progress} expected={eng.expected} tone={kr.tone} name={kr.title} />);
    const teams = renderToStaticMarkup(<TeamsSparkline cycle={eng.cycle} points={[]} progressLabel={kr.progressLabel} expectedLabel={eng.expectedLabel} tone={kr.tone} name={kr.title} />);
    const label = (html: string) => /aria-label="([^"]*)"/.exec(html)?.[1];
    expect(label(jira)).toBe(describeSparkline(kr.title, kr.progressLabel, eng.expectedLabel));
    expect(label(teams)).toBe(label(jira));
  });

  it('says who needs what from whom in one sentence: the agenda, the alert card and the blocked list', () => {
    expect(blocked.length).toBeGreaterThan(1);
    const agendaCard = cardText(buildAgendaCard(agenda, []));
    const list = cardText(buildBlockedListCard(blocked));
    for (const d of blocked) {
      const need = describeNeed(d);
      if (evaluation.agenda.items.some((i) => i.id === `blocked-dependency:${d.id}`)) expect(agendaCard).toContain(`Blocked: ${need}`);
      expect(list).toContain(need);
      expect(cardText(buildAlertCard(d, { since: `${AT}T09:00:00Z` }))).toContain(`${need}.`);
    }
  });

  it('leaves no ISO date in the human text of the CLI or the cards', async () => {
    const texts: [string, string][] = [
      ['okr report', await cli('report', join(root, 'examples', 'acme.yaml'), '--issues', join(root, 'examples', 'acme-issues.json'), '--at', AT, '--department', 'eng')],
      ['okr lint', await cli('lint', join(root, 'examples', 'acme.yaml'), '--at', AT)],
      ['agenda card', cardText(buildAgendaCard(agenda, []))],
      ['blocked list card', cardText(buildBlockedListCard(blocked))],
      ...blocked.map((d) => [`alert card ${d.id}`, cardText(buildAlertCard(d, { since: `${AT}T09:00:00Z` }))] as [string, string]),
    ];
    expect(texts.filter(([, t]) => (t.match(ISO) ?? []).length > 0).map(([where, t]) => [where, t.match(ISO)])).toEqual([]);
    // Core's sentences carry the days, in the viewer's words: a deliverable's due day, a stale check-in's day.
    expect(texts[0]![1]).toContain('changes since Nov 4, 2026');
    // (On a card Teams writes the day: DATE() stands in the text, set aside here as "…".)
    expect(texts[2]![1]).toContain('ENG-142: status is Blocked. Due ….');
    expect(texts[1]![1]).toContain('was last checked in on Oct 6, 2026');
  });
});
