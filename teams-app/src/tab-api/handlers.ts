/**
 * The tab API's handlers: each takes an authenticated caller and validated input, asks the
 * Jira app (through the caller's own connection) for the view, adds what the tab remembers,
 * and returns the reply. No handler reads another tenant's connection or space.
 */
import { createHash } from 'node:crypto';
import { AGENDA_MINUTES, dependenciesAnswerOf, DEPENDENCY_STATE_RANK, fromDay, toDay, trendPointsOf, type WebTriggerAction } from '@okr-bridge/core';
import type { ForgeOutcome } from '../forge/forge-client';
import type { AgendaRequest } from '../store/port';
import {
  REVIEW_LIMITS,
  type AgendaPage,
  type AgendaQuery,
  type CompanyPage,
  type DepartmentPage,
  type DepartmentView,
  type DependenciesPage,
  type RequestedAgendaItem,
  type ReviewItemState,
  type ReviewItemUpdate,
  type TabContext,
  type TabError,
  type VersionPage,
} from './contract';
import type { TabCaller } from './deps';
import { applyItemChange, type ReviewStore } from '../store/review-store';

export type Reply<T> = { readonly status: 200; readonly body: T } | { readonly status: 400 | 404 | 409 | 413 | 502; readonly body: TabError };

const dayOf = (iso: string) => fromDay(toDay(iso));

/** Maps the Jira app's refusals and failures to replies; `ok` data goes to `then`. */
async function fromForge<A extends WebTriggerAction, T>(
  outcome: ForgeOutcome<A>,
  then: (data: Extract<ForgeOutcome<A>, { kind: 'ok' }>['data']) => Promise<T> | T,
): Promise<Reply<T>> {
  return outcome.kind === 'ok' ? { status: 200, body: await then(outcome.data) } : problemOf(outcome);
}

/** The reply to a Jira app call that did not succeed. */
function problemOf(outcome: Exclude<ForgeOutcome<WebTriggerAction>, { kind: 'ok' }>): Reply<never> {
  if (outcome.kind === 'refused') {
    if (outcome.code === 'not-found') return { status: 404, body: { error: { code: 'not-found', message: outcome.message } } };
    if (outcome.code === 'bad-request') return { status: 400, body: { error: { code: 'bad-request', message: outcome.message } } };
    return { status: 502, body: { error: { code: 'jira-app-refused', message: `the Jira app refused the call (${outcome.code}): ${outcome.message}` } } };
  }
  return { status: 502, body: { error: { code: 'jira-app-unavailable', message: outcome.message } } };
}

export async function getContext(caller: TabCaller): Promise<Reply<TabContext>> {
  return fromForge(await caller.call({ action: 'departments' }), (data) => ({
    people: data.people ?? [],
    user: { name: caller.identity.name, email: caller.identity.email },
    tenantId: caller.identity.tenantId,
    site: { url: caller.connection.siteUrl ?? null, name: caller.connection.siteName ?? null },
    company: data.company,
    departments: data.departments,
  }));
}

function progressSubjects(view: DepartmentView): { subject: string; progress: number }[] {
  return [
    { subject: view.id, progress: view.progress },
    ...view.objectives.flatMap((o) => [{ subject: o.id, progress: o.progress }, ...o.keyResults.map((kr) => ({ subject: kr.id, progress: kr.progress }))]),
  ];
}

export async function getDepartment(caller: TabCaller, store: ReviewStore, id: string): Promise<Reply<DepartmentPage>> {
  return fromForge(await caller.call({ action: 'department', department: id }), async ({ trend: computed, people: sent, ...department }) => {
    const people = sent ?? [];
    // Jira computes the trend once from its stored facts; sampling on each tab open is only for an app that does not send it.
    if (computed) return { department, trend: trendPointsOf(computed, department.id), people };
    const samples = progressSubjects(department);
    await store.recordProgress(caller.space, dayOf(department.at), samples);
    const trend = await store.progressOf(
      caller.space,
      samples.map((s) => s.subject),
    );
    return { department, trend: Object.fromEntries(trend), people };
  });
}

/** The version open views poll: three counter reads by key (`TabCaller.version`), no call to the Jira app. */
export async function getVersion(caller: TabCaller): Promise<Reply<VersionPage>> {
  return { status: 200, body: { version: await caller.version() } };
}

export async function getCompany(caller: TabCaller, store: ReviewStore): Promise<Reply<CompanyPage>> {
  return fromForge(await caller.call({ action: 'company' }), async (company) => {
    await store.recordProgress(
      caller.space,
      dayOf(company.at),
      company.departments.map((d) => ({ subject: d.id, progress: d.progress })),
    );
    return { ...company, people: company.people ?? [] };
  });
}

export async function getDependencies(caller: TabCaller, store: ReviewStore, nowMs: number): Promise<Reply<DependenciesPage>> {
  return fromForge(await caller.call({ action: 'dependencies', withPeople: true }), async (answer) => {
    const { dependencies: list, people } = dependenciesAnswerOf(answer);
    const sorted = list.map((d, i) => ({ d, i })).sort((a, b) => DEPENDENCY_STATE_RANK[a.d.state] - DEPENDENCY_STATE_RANK[b.d.state] || a.i - b.i);
    const since = await store.observeStates(
      caller.space,
      sorted.map(({ d }) => ({ subject: d.id, state: d.state })),
      nowMs,
    );
    return { dependencies: sorted.map(({ d }) => ({ ...d, stateSince: new Date(since.get(d.id) ?? nowMs).toISOString() })), people };
  });
}

/** The review an agenda belongs to: its scope and the day it is held. */
export function reviewIdOf(department: string | undefined, at: string): string {
  return `${department ?? 'company'}@${dayOf(at)}`;
}

const ITEM_ID_SUBJECT = /^[A-Za-z0-9._:-]{1,290}$/;

/**
 * The review item id of an agenda request: `requested:` and its subject when that is an id
 * (`requested:dependency:dep-sso`), else a digest of the subject, so that any stored subject
 * gives an id the review item path accepts.
 */
export function requestedItemId(subject: string): string {
  return `requested:${ITEM_ID_SUBJECT.test(subject) ? subject : `sha256-${createHash('sha256').update(subject).digest('hex').slice(0, 40)}`}`;
}

/** Agenda requests as the Review view lists them, in the order given; each gets a decision's time box. */
export function toRequestedItems(requests: readonly AgendaRequest[]): RequestedAgendaItem[] {
  return requests.map((r) => ({
    id: requestedItemId(r.subject),
    subject: r.subject,
    title: r.title,
    requestedBy: r.addedBy,
    requestedAt: new Date(r.addedAt).toISOString(),
    minutes: AGENDA_MINUTES.decision,
  }));
}

/** The scope agenda requests are filed under: the department, or for the company review the company id (only the org names it). */
async function requestScopeOf(caller: TabCaller, department: string | undefined): Promise<{ kind: 'ok'; id: string } | Exclude<ForgeOutcome<'departments'>, { kind: 'ok' }>> {
  if (department) return { kind: 'ok', id: department };
  const org = await caller.call({ action: 'departments' });
  return org.kind === 'ok' ? { kind: 'ok', id: org.data.company.id } : org;
}

export async function getAgenda(caller: TabCaller, store: ReviewStore, query: AgendaQuery): Promise<Reply<AgendaPage>> {
  const request = {
    action: 'agenda' as const,
    ...(query.department ? { department: query.department } : {}),
    ...(query.since ? { since: query.since } : {}),
    ...(query.minutes !== undefined ? { minutes: query.minutes } : {}),
  };
  const [outcome, scope] = await Promise.all([caller.call(request), requestScopeOf(caller, query.department)]);
  if (outcome.kind !== 'ok') return problemOf(outcome);
  if (scope.kind !== 'ok') return problemOf(scope);
  const { people, ...agenda } = outcome.data;
  const reviewId = reviewIdOf(query.department, agenda.at);
  const [items, requests] = await Promise.all([store.itemsOf(caller.space, reviewId), caller.agendaRequests(scope.id)]);
  return { status: 200, body: { reviewId, agenda, people: people ?? [], requested: toRequestedItems(requests), items: Object.fromEntries(items.map((i) => [i.itemId, i])) } };
}

export async function saveReviewItem(
  caller: TabCaller,
  store: ReviewStore,
  key: { reviewId: string; itemId: string },
  update: ReviewItemUpdate,
  nowMs: number,
): Promise<Reply<ReviewItemState>> {
  const by = { name: caller.identity.name, atMs: nowMs };
  // Checked on what is recorded now; saves racing each other can pass a bound by a few at most.
  const recorded = await store.itemsOf(caller.space, key.reviewId);
  const before = recorded.find((i) => i.itemId === key.itemId);
  if (!before && recorded.length >= REVIEW_LIMITS.itemsPerReview) {
    const message = `expected at most ${REVIEW_LIMITS.itemsPerReview} items in a review; ${key.reviewId} has ${recorded.length} already`;
    return { status: 409, body: { error: { code: 'review-full', message } } };
  }
  const after = applyItemChange(before, key, update, by);
  const bytes = Buffer.byteLength(after.decision, 'utf8') + Buffer.byteLength(after.notes, 'utf8');
  if (bytes > REVIEW_LIMITS.itemBytes) {
    const message = `expected at most ${REVIEW_LIMITS.itemBytes} bytes of decision and notes together in a review item; this change would make ${bytes}`;
    return { status: 413, body: { error: { code: 'item-too-large', message } } };
  }
  return { status: 200, body: await store.saveItem(caller.space, key.reviewId, key.itemId, update, by) };
}
