/**
 * npm run bench:core — the cost of the full report against a plain read of the same input.
 * Generates 200 departments × 5 objectives × 4 key results over 20,000 epics and 500,000
 * issues, writes them as an org file and a snapshot, then runs, each in a fresh process, a
 * baseline (read, parse, sum every issue once) and the full report (read, parse, validate,
 * progress, roll-up, status, dependencies, lint, agenda). Prints time, peak memory and the
 * ratios; the goal is a full report within 3× the baseline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLargeOrg } from './generate-large-org';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const sizes = { departments: 200, epics: 20_000, issues: 500_000, seed: 1 };

interface RunResult {
  mode: string;
  ms: number;
  maxRssMiB: number;
  phases: Record<string, number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'okr-bench-'));
try {
  const t = performance.now();
  const { org, snapshot } = generateLargeOrg(sizes);
  writeFileSync(join(dir, 'org.json'), JSON.stringify(org));
  writeFileSync(join(dir, 'issues.json'), JSON.stringify(snapshot));
  console.log(`generated ${sizes.departments} departments, ${org.objectives!.length} objectives, ${sizes.epics} epics, ${snapshot.issues.length} issues in ${Math.round(performance.now() - t)} ms`);

  const run = (mode: string): RunResult =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'core-run.ts'), mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 })) as RunResult;
  const results: Record<string, RunResult[]> = { baseline: [], full: [] };
  for (let i = 0; i < RUNS; i++) for (const mode of ['baseline', 'full']) results[mode]!.push(run(mode));

  const row = (mode: string) => {
    const rs = results[mode]!;
    return { ms: median(rs.map((r) => r.ms)), rss: median(rs.map((r) => r.maxRssMiB)), phases: rs[rs.length - 1]!.phases };
  };
  const base = row('baseline');
  const full = row('full');
  console.log(`runs: ${RUNS} each, median shown`);
  console.log(`baseline (read + parse + sum):  ${base.ms} ms, peak RSS ${base.rss} MiB   phases ${JSON.stringify(base.phases)}`);
  console.log(`full report:                    ${full.ms} ms, peak RSS ${full.rss} MiB   phases ${JSON.stringify(full.phases)}`);
  console.log(`ratio full / baseline: time ${(full.ms / base.ms).toFixed(2)}×, peak memory ${(full.rss / base.rss).toFixed(2)}× (goal: time ≤ 3×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
