/**
 * Random changes to the tracked work of the bench site, made as people make them: through the
 * emulator's admin API over HTTP (transition, story points, flag, a Blocks link, a move to
 * another epic, a new issue in an epic, a deletion). Only changes that change something count.
 */
import { seededRandom } from '@okr-bridge/core/testing';
import type { SiteChange } from '../dev/jira-emulator';
import { STATUSES } from '../dev/jira-emulator';
import { credentials, type BenchSite } from './sync-setup';

export interface ChangesMade {
  readonly changes: readonly SiteChange[];
  /** Issues deleted: an incremental reconcile cannot see them. */
  readonly deleted: ReadonlySet<string>;
  /** Forge events the changes pushed to the webhook. */
  readonly events: number;
}

const MIX: readonly [SiteChange['kind'], number][] = [
  ['transition', 35], ['set-points', 15], ['flag', 10], ['link', 10], ['move', 15], ['create', 10], ['delete', 5],
];
const POINTS = [1, 2, 3, 5, 8, 13, null];

/** Makes `count` effective random changes to the children of `bench.epics`; resolves once their events reached the webhook. */
export async function makeRandomChanges(bench: BenchSite, count: number, seed: number): Promise<ChangesMade> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const tracked = new Set(bench.epics);
  const children = [...bench.site.issues()].filter((i) => i.fields.parent && tracked.has(i.fields.parent.key) && !i.fields.issuetype?.subtask).map((i) => i.key);
  const authorization = `Basic ${Buffer.from(`${credentials.email}:${credentials.token}`).toString('base64')}`;
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const changes: SiteChange[] = [];
  const deleted = new Set<string>();
  let events = 0;

  const choose = (): SiteChange => {
    let r = random() * total;
    const kind = MIX.find(([, w]) => (r -= w) < 0)?.[0] ?? 'transition';
    const key = pick(children);
    const fields = bench.site.get(key)!.fields as Record<string, unknown> & { status: { name: string }; parent?: { key: string } };
    switch (kind) {
      case 'transition':
        return { kind, key, status: pick(STATUSES.filter((s) => s.name !== fields.status.name)).name };
      case 'set-points':
        return { kind, key, points: pick(POINTS.filter((p) => p !== fields.customfield_10016)) };
      case 'flag':
        return { kind, key, flagged: !Array.isArray(fields.customfield_10021) };
      case 'link':
        return { kind, key, to: pick(children.filter((k) => k !== key)), type: 'Blocks' };
      case 'move':
        return { kind, key, parent: pick(bench.epics.filter((e) => e !== fields.parent?.key)) };
      case 'create': {
        const epic = pick(bench.epics);
        return { kind, project: epic.slice(0, epic.lastIndexOf('-')), parent: epic, status: pick(STATUSES).name, points: pick(POINTS) };
      }
      default:
        return { kind: 'delete', key };
    }
  };

  while (changes.length < count) {
    const change = choose();
    const res = await fetch(`${bench.emulator.url}/_emulator/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(change),
    });
    const body = (await res.json()) as { issue?: { key: string }; events?: unknown[] };
    if (res.status !== 200) throw new Error(`${change.kind} answered ${res.status}: ${JSON.stringify(body)}`);
    const n = body.events?.length ?? 0;
    if (n === 0) continue;
    changes.push(change);
    events += n;
    if (change.kind === 'create') children.push(body.issue!.key);
    if (change.kind === 'delete') {
      deleted.add(change.key);
      children.splice(children.indexOf(change.key), 1);
    }
  }
  await bench.hook.waitFor(events, 60_000);
  return { changes, deleted, events };
}
