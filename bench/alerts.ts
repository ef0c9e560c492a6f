/**
 * `npm run bench:alerts`: 2,000 signed dependency events (1,000 blocked, then the same 1,000
 * unblocked) across 50 channels of one tenant, through the real service (SQLite file, outbox,
 * rate limiter, Agents SDK sender) to the Bot Connector emulator, which enforces Teams' limits
 * with 429s on its own clock. Real time throughout: no scaled clock. Each event reaches two
 * channels (the needing and the delivering department), so 4,000 activities are expected:
 * 2,000 cards and 2,000 in-place updates. The binding limit is the tenant's 30 requests per
 * second (50 channels × 2 per second sustained = 100 per second would allow more).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DependencyChangedEvent } from '@okr-bridge/core';
import { startBotConnector } from '../dev/bot-connector';
import { startWebTrigger } from '../dev/forge-webtrigger';
import { startService } from '../teams-app/src/server';
import { openSqliteStore } from '../teams-app/src/store/sqlite-store';

const CHANNELS = 50;
const DEPENDENCIES = 1_000;
const TENANT = 'tenant-bench';
const TENANT_LIMIT_PER_S = 30;
const CONVERSATION_SUSTAINED_PER_S = 60 / 30;

function dependency(k: number, state: 'blocked' | 'open'): DependencyChangedEvent['dependency'] {
  const a = k % CHANNELS;
  const b = (a + 1 + (k % (CHANNELS - 1))) % CHANNELS;
  return {
    id: `dep-${k}`,
    title: `Deliverable ${k}`,
    state,
    stateLabel: state === 'blocked' ? 'Blocked' : 'Open',
    tone: state === 'blocked' ? 'attention' : 'neutral',
    reason: state === 'blocked' ? `PROJ-${k}: status is Blocked` : 'moving again',
    due: null,
    needs: { department: `d${a}`, departmentName: `Department ${a}`, kr: `kr-${k}`, krTitle: `Key result ${k}`, owner: `owner${a}@acme.example` },
    provider: { department: `d${b}`, departmentName: `Department ${b}`, owners: [`lead${b}@acme.example`] },
    deliverables: [{ key: `PROJ-${k}`, url: `https://acme.atlassian.net/browse/PROJ-${k}`, state, status: state === 'blocked' ? 'Blocked' : 'In Progress', reasons: [] }],
    companyObjectivesAtRisk: [],
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-alerts-'));
  // The Jira app's web trigger, connected as an admin does it; the events are signed with that connection's secret.
  const forge = await startWebTrigger();
  const connected = await forge.connectTeams('http://127.0.0.1:1/api/events', TENANT);
  const connection = { id: connected.id, secret: connected.secret };
  const connector = await startBotConnector();
  const store = await openSqliteStore(join(dir, 'teams.sqlite'), Date.now());
  await store.saveConnection({ ...connection, tenantId: TENANT, url: forge.url, siteUrl: connected.siteUrl, siteName: connected.siteName, createdAt: Date.now() });
  for (let i = 0; i < CHANNELS; i++) {
    const id = `19:channel-${i}@thread.tacv2`;
    await store.saveConversation({
      id,
      tenantId: TENANT,
      reference: { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id, tenantId: TENANT, conversationType: 'channel', isGroup: true }, agent: { id: '28:okr-bot', name: 'OKR' } },
      timeZone: null,
      updatedAt: Date.now(),
    });
    await store.follow(id, `d${i}`);
  }
  const service = await startService({ store, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, log: () => undefined, outbox: { concurrency: 8 } });
  const events: DependencyChangedEvent[] = [];
  for (let k = 0; k < DEPENDENCIES; k++) events.push({ type: 'dependency.changed', id: `blocked-${k}`, occurredAt: new Date().toISOString(), previousState: 'open', dependency: dependency(k, 'blocked') });
  for (let k = 0; k < DEPENDENCIES; k++) events.push({ type: 'dependency.changed', id: `unblocked-${k}`, occurredAt: new Date().toISOString(), previousState: 'blocked', dependency: dependency(k, 'open') });

  const started = Date.now();
  let next = 0;
  const refused: number[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < events.length) {
        const event = events[next++]!;
        const answer = await forge.sendEvent(`${service.url}/api/events`, connection, event);
        if (answer.status !== 200) refused.push(answer.status);
      }
    }),
  );
  const ingested = Date.now();
  const expected = 2 * events.length;
  const accepted = () => connector.stats().sends + connector.stats().updates;
  while (accepted() < expected && Date.now() - started < 280_000) await new Promise((r) => setTimeout(r, 100));
  const done = Date.now();
  await new Promise((r) => setTimeout(r, 1_500)); // anything still coming would be a duplicate

  const records = connector.allActivities();
  const cards = new Map<string, number>();
  let updates = 0;
  let duplicateUpdates = 0;
  for (const r of records) {
    const key = `${r.conversationId} ${String(r.versions[0]?.summary)}`;
    cards.set(key, (cards.get(key) ?? 0) + 1);
    updates += Math.min(1, r.versions.length - 1);
    duplicateUpdates += Math.max(0, r.versions.length - 2);
  }
  const duplicateCards = [...cards.values()].reduce((n, c) => n + c - 1, 0);
  const delivered = cards.size + updates;
  const ok = connector.requests.filter((r) => r.status === 201 || r.status === 200);
  const windowS = (ok.at(-1)!.atMs - ok[0]!.atMs) / 1000;
  const allowed = Math.min(TENANT_LIMIT_PER_S, CHANNELS * CONVERSATION_SUSTAINED_PER_S);
  const rate = (ok.length - 1) / windowS;
  const outbox = await store.listOutbox();
  const states = outbox.reduce<Record<string, number>>((m, e) => ({ ...m, [e.state]: (m[e.state] ?? 0) + 1 }), {});

  console.log(`bench:alerts — ${events.length} events (${DEPENDENCIES} blocked, then ${DEPENDENCIES} unblocked) across ${CHANNELS} channels of one tenant, real time`);
  console.log(`events: ${events.length - refused.length} accepted by /api/events in ${((ingested - started) / 1000).toFixed(1)} s${refused.length ? `, ${refused.length} refused` : ''}`);
  console.log(`delivered: ${delivered} / ${expected} activities (${cards.size} cards sent, ${updates} updated in place); outbox ${JSON.stringify(states)}`);
  console.log(`duplicates: ${duplicateCards + duplicateUpdates} (${duplicateCards} cards, ${duplicateUpdates} updates)`);
  console.log(`429s received: ${connector.stats().throttled}`);
  console.log(
    `throughput: ${rate.toFixed(2)} activities/s over ${windowS.toFixed(1)} s = ${((100 * rate) / allowed).toFixed(1)}% of the ${allowed}/s Teams allows here ` +
      `(tenant ${TENANT_LIMIT_PER_S}/s binds; ${CHANNELS} channels × ${CONVERSATION_SUSTAINED_PER_S}/s = ${CHANNELS * CONVERSATION_SUSTAINED_PER_S}/s)`,
  );
  console.log(`total: ${((done - started) / 1000).toFixed(1)} s from the first event to the last delivery`);
  const goals = delivered === expected && duplicateCards + duplicateUpdates === 0 && connector.stats().throttled === 0 && rate / allowed >= 0.9;
  console.log(`goals (all delivered, no duplicates, no 429s, ≥ 90% of the allowed rate): ${goals ? 'met' : 'NOT met'}`);

  await service.close();
  await store.close();
  await connector.close();
  await forge.close();
  rmSync(dir, { recursive: true, force: true });
  if (!goals) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
