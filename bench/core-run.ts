/**
 * One measured run of bench/core.ts, in its own process so that its peak memory is its own.
 * `baseline`: read the snapshot, parse it, and sum every issue's points once.
 * `full`: read and parse the same snapshot, validate it, and build the full report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateOrg, parseIssueSnapshot, toReportJson, validateOrg } from '@okr-bridge/core';

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'baseline' && mode !== 'full') || !dir) {
  process.stderr.write('usage: tsx bench/core-run.ts baseline|full DIR\n');
  process.exit(2);
}
const phases: Record<string, number> = {};
const t0 = performance.now();
let mark = t0;
const lap = (name: string) => {
  const now = performance.now();
  phases[name] = Math.round(now - mark);
  mark = now;
};

const text = readFileSync(join(dir, 'issues.json'), 'utf8');
const json = JSON.parse(text) as { issues: { fields: Record<string, unknown> }[] };
lap('read+parse');
let check: number;
if (mode === 'baseline') {
  let points = 0;
  let done = 0;
  for (const issue of json.issues) {
    const p = issue.fields.customfield_10016;
    if (typeof p === 'number') points += p;
    if ((issue.fields.status as { statusCategory: { key: string } }).statusCategory.key === 'done') done++;
  }
  check = points + done;
  lap('sum');
} else {
  const org = validateOrg(JSON.parse(readFileSync(join(dir, 'org.json'), 'utf8')));
  const issues = parseIssueSnapshot(json, org.jira);
  lap('validate+normalize');
  const evaluation = evaluateOrg(org, issues, { at: '2026-11-15' });
  lap('evaluate');
  check = JSON.stringify(toReportJson(evaluation)).length;
  lap('report json');
}
const ms = Math.round(performance.now() - t0);
process.stdout.write(`${JSON.stringify({ mode, ms, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), phases, check })}\n`);
