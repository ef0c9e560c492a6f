/**
 * Builds the review agenda from computed results. It orders what deserves the meeting's time
 * (blocked dependencies, at-risk key results by impact, the biggest movers, stale check-ins,
 * decisions asked for), gives each item a presenter, links and minutes, and cuts the list at
 * the meeting length. It computes no progress itself: callers pass the results in.
 */
import type { DependencyGraph, DependencyResult } from '../dependencies/types';
import type { LintFinding } from '../lint/types';
import type { KeyResult, Objective, Org } from '../model/org';
import type { KrResult, ProgressResult } from '../progress/types';
import { flatText } from '../progress/format';
import { toDay } from '../time/dates';
import { dependencyTitleOf, describeNeed } from '../views/dependency-text';
import { AGENDA_KIND_LABELS, percentLabel } from '../views/labels';
import { describeLintFinding, titlesOf } from '../views/lint-text';
import { describeKrStatus } from '../views/status-text';
import type { AgendaItem, AgendaItemKind, AgendaLink, AgendaScope, ReviewAgenda } from './types';

/** Minutes each kind of item gets by default. */
export const AGENDA_MINUTES: Readonly<Record<AgendaItemKind, number>> = {
  'blocked-dependency': 5,
  'at-risk-kr': 4,
  'moved-kr': 2,
  'stale-check-in': 1,
  decision: 3,
};

const MAX_MOVERS = 5;
const MIN_MOVE = 0.05;

export interface AgendaInput {
  readonly org: Org;
  readonly progress: ProgressResult;
  readonly dependencies: DependencyGraph;
  readonly lint: readonly LintFinding[];
  /** Each key result's progress at `since`, to find the ones that moved most. */
  readonly progressAtSince: ReadonlyMap<string, number>;
  readonly scope: AgendaScope;
  readonly since: string;
  readonly at: string;
  readonly minutes: number;
}

/**
 * The agenda of a department or company review held at `at`, covering what changed since
 * `since`, time-boxed to `minutes`. Blocked dependencies come first, then at-risk key results
 * by impact (weight × gap to expected), the key results that moved most, stale check-ins and
 * decisions asked for in check-ins. A key result appears at most once, under its first reason.
 */
export function buildReviewAgenda(input: AgendaInput): ReviewAgenda {
  const { org, progress, scope } = input;
  const inScope = scopeDepartments(org, scope);
  const objectives = new Map(org.objectives.map((o) => [o.id, o]));
  const krDefs = new Map<string, { kr: KeyResult; objective: Objective }>();
  for (const o of org.objectives) for (const kr of o.keyResults) krDefs.set(kr.id, { kr, objective: o });
  const krInScope = (kr: KrResult) => inScope(objectives.get(kr.objective)?.department ?? '');
  const links = linker(org.jira.baseUrl);
  const owner = (krId: string) => {
    const def = krDefs.get(krId);
    return def?.kr.owner ?? def?.objective.owner ?? null;
  };
  const departmentOwner = (id: string) => org.departments.find((d) => d.id === id)?.owners[0] ?? null;
  const departmentName = (id: string) => org.departments.find((d) => d.id === id)?.name ?? id;
  const objectiveTitle = (id: string) => objectives.get(id)?.title ?? id;

  const candidates: AgendaItem[] = [];
  const covered = new Set<string>();
  const item = (kind: AgendaItemKind, subject: string, rest: Omit<AgendaItem, 'id' | 'kind' | 'subject' | 'minutes'>) =>
    // Its sentences kept flat: a large org has an item for nearly every key result.
    candidates.push({ id: flatText(`${kind}:${subject}`), kind, subject, minutes: AGENDA_MINUTES[kind], ...rest, title: flatText(rest.title), detail: flatText(rest.detail) });

  for (const dep of input.dependencies.dependencies) {
    if (dep.state !== 'blocked' || !(inScope(dep.needs.department) || inScope(dep.provider))) continue;
    covered.add(dep.needs.kr);
    item('blocked-dependency', dep.id, {
      title: `Blocked: ${describeNeed({ title: dependencyTitleOf(dep), needs: { departmentName: departmentName(dep.needs.department) }, provider: { departmentName: departmentName(dep.provider) } })}`,
      detail: describeBlocked(dep, krDefs.get(dep.needs.kr)?.kr.title ?? dep.needs.kr, owner(dep.needs.kr), objectiveTitle),
      presenter: departmentOwner(dep.provider),
      links: dep.deliverables.map((d) => links(d.key)),
    });
  }

  const atRisk = progress.keyResults
    .filter((kr) => kr.status === 'at-risk' && krInScope(kr) && !covered.has(kr.id))
    .map((kr) => ({ kr, impact: kr.weight * Math.max(0, progress.expected - kr.progress) }))
    .sort((a, b) => b.impact - a.impact || a.kr.id.localeCompare(b.kr.id));
  for (const { kr } of atRisk) {
    covered.add(kr.id);
    item('at-risk-kr', kr.id, {
      title: `At risk: ${kr.title}`,
      detail: `${describeKrStatus(kr.status, kr.basis, null)}. ${sentence(kr.explain.rule)}.`,
      presenter: owner(kr.id),
      links: krLinks(krDefs.get(kr.id)?.kr, links),
    });
  }

  const movers = progress.keyResults
    .filter((kr) => krInScope(kr) && !covered.has(kr.id))
    .map((kr) => ({ kr, delta: kr.progress - (input.progressAtSince.get(kr.id) ?? kr.progress) }))
    .filter((m) => Math.abs(m.delta) >= MIN_MOVE)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.kr.id.localeCompare(b.kr.id))
    .slice(0, MAX_MOVERS);
  for (const { kr, delta } of movers) {
    covered.add(kr.id);
    item('moved-kr', kr.id, {
      title: `${delta > 0 ? 'Moved up' : 'Moved down'}: ${kr.title}`,
      detail: `${delta > 0 ? '+' : '−'}${percentLabel(Math.abs(delta))} since ${input.since}, now ${percentLabel(kr.progress)}.`,
      presenter: owner(kr.id),
      links: krLinks(krDefs.get(kr.id)?.kr, links),
    });
  }

  let titles: Map<string, string> | undefined;
  for (const finding of input.lint) {
    if (finding.code !== 'stale-check-in' || covered.has(finding.subject)) continue;
    const def = krDefs.get(finding.subject);
    if (!def || !inScope(def.objective.department)) continue;
    covered.add(finding.subject);
    // The finding as a page shows it: key results by title, not by the org file's id.
    const detail = `${describeLintFinding(finding, (titles ??= titlesOf(org))).message}.`;
    item('stale-check-in', finding.subject, { title: `${AGENDA_KIND_LABELS['stale-check-in']}: ${def.kr.title}`, detail, presenter: owner(finding.subject), links: [] });
  }

  const sinceDay = toDay(input.since);
  const atDay = toDay(input.at);
  for (const c of org.checkIns) {
    const def = krDefs.get(c.kr);
    if (!c.decision || !def || !inScope(def.objective.department)) continue;
    const day = toDay(c.date);
    if (day <= sinceDay || day > atDay) continue;
    item('decision', `${c.kr}@${c.date}`, {
      title: `Decision: ${c.decision}`,
      detail: `Asked by ${c.author ?? owner(c.kr) ?? 'the owner'} on ${c.date} for "${def.kr.title}".${c.note ? ` ${c.note}` : ''}`,
      presenter: c.author ?? owner(c.kr),
      links: krLinks(def.kr, links),
    });
  }

  return timeBox(candidates, input, scopeTitle(org, scope));
}

function timeBox(candidates: readonly AgendaItem[], input: AgendaInput, title: string): ReviewAgenda {
  const items: AgendaItem[] = [];
  const overflow: AgendaItem[] = [];
  let left = Math.max(0, Math.floor(input.minutes));
  for (const c of candidates) {
    if (overflow.length === 0 && c.minutes <= left) {
      items.push(c);
      left -= c.minutes;
    } else {
      overflow.push(c);
    }
  }
  return { scope: input.scope, title, since: input.since, at: input.at, meetingMinutes: input.minutes, items, overflow, bufferMinutes: left };
}

/** "Close 12 deals" (owner zoe@…) waits on it. ENG-142: status is Blocked. Due …. Puts company objective "Win the mid-market" at risk. */
function describeBlocked(dep: DependencyResult, krTitle: string, needOwner: string | null, objectiveTitle: (id: string) => string): string {
  const who = needOwner ? ` (owner ${needOwner})` : '';
  const due = dep.due ? ` Due ${dep.due}.` : '';
  const titles = dep.companyObjectivesAtRisk.map((id) => `"${objectiveTitle(id)}"`);
  const company = titles.length > 0 ? ` Puts company objective${titles.length > 1 ? 's' : ''} ${titles.join(' and ')} at risk.` : '';
  return `"${krTitle}"${who} waits on it. ${dep.reason}.${due}${company}`;
}

/** A rule as a sentence: capital first letter, no final stop (the caller adds it). */
function sentence(rule: string): string {
  return `${rule.charAt(0).toUpperCase()}${rule.slice(1)}`.replace(/\.$/, '');
}

function krLinks(kr: KeyResult | undefined, link: (key: string) => AgendaLink): AgendaLink[] {
  return kr?.kind === 'jira' ? kr.epics.map(link) : [];
}

function linker(baseUrl: string | undefined): (key: string) => AgendaLink {
  const base = baseUrl?.replace(/\/+$/, '');
  return (key) => ({ label: key, url: base ? `${base}/browse/${key}` : null });
}

/** The departments a scope covers: a department and every department below it, or all. */
export function scopeDepartments(org: Org, scope: AgendaScope): (departmentId: string) => boolean {
  if (scope.kind === 'company') return () => true;
  const ids = new Set([scope.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of org.departments) {
      if (d.parent !== undefined && ids.has(d.parent) && !ids.has(d.id)) {
        ids.add(d.id);
        grew = true;
      }
    }
  }
  return (id) => ids.has(id);
}

function scopeTitle(org: Org, scope: AgendaScope): string {
  if (scope.kind === 'company') return `${org.company.name} OKR review`;
  return `${org.departments.find((d) => d.id === scope.id)?.name ?? scope.id} OKR review`;
}
