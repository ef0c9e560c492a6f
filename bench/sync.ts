/**
 * npm run bench:sync — what reading Jira costs, in one run, against the emulator in this
 * process serving a generated site of 2,000 epics, 50,000 child issues and 100,000 unrelated
 * issues, with an org whose jira key results cover every epic:
 *   (a) a full reconcile (planReconcile, batched `parent in (…)` chunks, read by the client);
 *   (b) the naive way: one paged `parent = KEY` query per epic;
 *   (c) an incremental reconcile after 500 random changes made through the admin API;
 *   (d) the Jira calls the changes' Forge events cost through applyIssueEvent.
 * Prints calls, issues and wall time, the lower bounds, the ratios and the goals. Not a test.
 */
import { emptyMetrics } from '@okr-bridge/core';
import { makeRandomChanges } from './sync-changes';
import { explainDrift, measureEvents, measureNaive, measureReconcile, measureReport } from './sync-measure';
import { startBenchSite } from './sync-setup';

const SIZES = { epics: 2000, children: 50_000, noise: 100_000, seed: 1 };
const CHANGES = 500;
const PAGE = 100;

const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

async function main(): Promise<void> {
  const t = performance.now();
  const bench = await startBenchSite(SIZES);
  try {
    const krs = bench.org.objectives.flatMap((o) => o.keyResults).length;
    console.log(`bench:sync — ${n(bench.site.size)} issues generated (${n(SIZES.epics)} epics, ${n(SIZES.children)} children, ${n(SIZES.noise)} unrelated, seed ${SIZES.seed}) and served at ${bench.emulator.url} in ${s(performance.now() - t)}`);
    console.log(`org: ${krs} jira key results covering ${n(bench.epics.length)} epics; pages of ${PAGE} issues; 4 queries read at a time\n`);

    const full = await measureReconcile(bench.client(), bench.org, emptyMetrics());
    const fullBound = Math.ceil(SIZES.children / PAGE);
    const fullGoal = 1.1 * fullBound + full.chunks;
    console.log(`(a) full reconcile (planReconcile + client): ${n(full.calls)} Jira calls, ${n(full.issues)} issues read, ${s(full.ms)}`);
    console.log(`    lower bound ⌈${n(SIZES.children)} / ${PAGE}⌉ = ${fullBound}; ratio ${(full.calls / fullBound).toFixed(3)}×`);
    console.log(`    goal ≤ 1.1 × ${fullBound} + ${full.chunks} chunks of ≤ 500 epics = ${fullGoal}: ${met(full.calls <= fullGoal)}`);

    const report = await measureReport(bench.client(), bench.org);
    console.log(`    okr report --jira reads the same plus the epics in bulk: ${n(report.calls)} Jira calls (${report.calls - full.calls} bulk fetches of ≤ 100), ${n(report.issues)} issues, ${s(report.ms)}`);

    const naive = await measureNaive(bench.client(), bench.org, bench.epics);
    console.log(`(b) naive, one paged query per epic (parent = KEY): ${n(naive.calls)} Jira calls, ${n(naive.issues)} issues read, ${s(naive.ms)}`);
    console.log(`    ratio ${(naive.calls / fullBound).toFixed(3)}× the lower bound; naive / full: ${(naive.calls / full.calls).toFixed(2)}× the calls, ${(naive.ms / full.ms).toFixed(2)}× the time`);

    const watermark = bench.now();
    const made = await makeRandomChanges(bench, CHANGES, 2);
    const kinds = Object.entries(made.changes.reduce<Record<string, number>>((m, c) => ({ ...m, [c.kind]: (m[c.kind] ?? 0) + 1 }), {}));
    console.log(`\n${CHANGES} random changes through the admin API (${kinds.map(([k, c]) => `${c} ${k}`).join(', ')}), ${made.events} Forge events pushed; watermark taken before them: ${watermark}`);

    const inc = await measureReconcile(bench.client(), bench.org, full.metrics, { watermark, now: bench.now() });
    const incBound = Math.ceil(CHANGES / PAGE);
    console.log(`(c) incremental reconcile: ${n(inc.calls)} Jira calls, ${n(inc.issues)} issues read, ${s(inc.ms)}`);
    console.log(`    lower bound ⌈${CHANGES} / ${PAGE}⌉ = ${incBound} (⌈${inc.issues} issues read / ${PAGE}⌉ = ${Math.ceil(inc.issues / PAGE)}); ratio ${(inc.calls / incBound).toFixed(2)}×`);
    console.log(`    goal ≤ 2 × ${incBound} = ${2 * incBound}: ${met(inc.calls <= 2 * incBound)}`);

    const events = await measureEvents(bench.client(), bench.org, full.metrics, bench.hook.received);
    const o = events.outcomes;
    console.log(`(d) the ${CHANGES} changes' ${events.issues} events through applyIssueEvent: ${events.calls} Jira calls (${o.applied} applied, ${o.ignored} ignored, ${o.fetch} fetched), ${s(events.ms)}`);
    console.log(`    goal: events that carry their change cost 0 calls: ${met(events.calls === 0)}`);

    const fresh = await measureReconcile(bench.client(), bench.org, emptyMetrics());
    const same = JSON.stringify(events.metrics.epics) === JSON.stringify(fresh.metrics.epics);
    const drift = explainDrift(inc.metrics, fresh.metrics, made.deleted);
    console.log(`\nchecks against a fresh full reconcile after the changes (${n(fresh.calls)} calls, not counted above):`);
    console.log(`    metrics kept by the events: ${same ? 'equal' : 'DIFFERENT'}`);
    console.log(`    incremental reconcile: ${drift.deleted} deleted issues still held, ${drift.linkToDeleted} with a stale link to a deleted issue, ${drift.other.length} other differences${drift.other.length ? ` (${drift.other.slice(0, 5).join(', ')}…)` : ''} — deletions are what the periodic full sweep is for`);
  } finally {
    await bench.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
