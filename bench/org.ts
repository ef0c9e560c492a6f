/**
 * npm run bench:org — huge and deep org files through every surface that reads them. Writes
 * the shapes of `core/testing/org-shapes.ts` (20,000 objectives; a chain of 5,000 aligned
 * objectives; a chain of 3,000 departments; 2,000 flat departments), then runs, each in a
 * fresh process (`org-run.ts`): `okr lint`, `okr report` (text and --json) over an empty
 * snapshot, and the import of the flat departments through the local Forge host
 * (more departments than one call stores: through the queue, timed to its end). Prints wall
 * and CPU time (the machine may be shared: CPU time is what the run itself cost), peak memory
 * against the file's size, and the goals; beside it, the same command's peak over a 10-item
 * file of the same shape (what running that code costs at all) and the ratio to it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { departmentChain, flatDepartments, manyObjectives, objectiveChain } from '@okr-bridge/core/testing';

interface Run {
  ms: number;
  cpuMs: number;
  baseRssMiB: number;
  maxRssMiB: number;
  code?: number;
  invokeMs?: number;
  importedMs?: number;
  importedCpuMs?: number;
  importStatus?: string;
  settledMs?: number;
  longestCallMs?: number;
  failed?: string[];
  stderr?: string;
}

const dir = mkdtempSync(join(tmpdir(), 'okr-bench-org-'));
const AT = '2026-11-15';
try {
  // Each shape also at 10 items: the same command over it peaks at what the runtime needs to run that code at all.
  const shapes = [
    { name: '20,000 objectives', file: 'objectives.yaml', make: manyObjectives, n: 20_000, goalMs: 3000 },
    { name: 'chain of 5,000 objectives', file: 'objective-chain.yaml', make: objectiveChain, n: 5_000, goalMs: 1000 },
    { name: 'chain of 3,000 departments', file: 'department-chain.yaml', make: departmentChain, n: 3_000, goalMs: 1000 },
    { name: '2,000 flat departments', file: 'flat.yaml', make: flatDepartments, n: 2_000, goalMs: 3000 },
  ];
  const empty = join(dir, 'issues.json');
  writeFileSync(empty, '{ "issues": [] }\n');
  for (const s of shapes) {
    writeFileSync(join(dir, s.file), s.make(s.n));
    writeFileSync(join(dir, `small-${s.file}`), s.make(10));
  }

  const run = (...args: string[]): Run =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'org-run.ts'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Run;
  const mib = (bytes: number) => bytes / 1024 / 1024;
  /** One command over the shape and over its 10-item form (the baseline measured in the same run). */
  const line = (label: string, r: Run, small: Run, fileBytes: number, goalMs: number) => {
    const heap = r.maxRssMiB - r.baseRssMiB;
    const smallHeap = small.maxRssMiB - small.baseRssMiB;
    const memoryGoal = heap <= 10 * mib(fileBytes) ? 'ok' : 'over';
    const time = r.cpuMs <= goalMs ? 'ok' : 'over';
    const exit = r.code === undefined ? '' : ` exit ${r.code}`;
    console.log(
      `  ${label.padEnd(14)} ${String(r.ms).padStart(6)} ms wall ${String(r.cpuMs).padStart(6)} ms cpu (goal ${goalMs}: ${time})  peak ${r.maxRssMiB} MiB, ${heap} MiB above the runtime's ${r.baseRssMiB} (goal ${Math.round(10 * mib(fileBytes))}: ${memoryGoal}); at 10 items ${smallHeap} MiB, ×${(heap / Math.max(1, smallHeap)).toFixed(1)}${exit}${r.stderr ? `  ${r.stderr.split('\n')[0]}` : ''}`,
    );
  };
  for (const s of shapes) {
    const bytes = statSync(join(dir, s.file)).size;
    console.log(`${s.name} (${(bytes / 1024).toFixed(0)} KB)`);
    const both = (...args: string[]) => [join(dir, s.file), join(dir, `small-${s.file}`)].map((path) => run('cli', ...args.map((a) => (a === 'FILE' ? path : a)))) as [Run, Run];
    line('lint', ...both('lint', 'FILE', '--at', AT), bytes, s.goalMs);
    line('report', ...both('report', 'FILE', '--issues', empty, '--at', AT), bytes, s.goalMs);
    line('report --json', ...both('report', 'FILE', '--issues', empty, '--at', AT, '--json'), bytes, s.goalMs);
  }
  const flat = shapes[3]!;
  const importRun = run('import', join(dir, flat.file));
  console.log(`import of ${flat.name} through the local Forge host`);
  console.log(
    `  importOrg call ${importRun.invokeMs} ms (Forge's resolver limit 25,000); the import ${importRun.importStatus === 'inline' ? 'stored in that call' : `through the queue, ${importRun.importStatus}`}, end to end ${importRun.importedMs} ms wall, ${importRun.importedCpuMs} ms cpu of the host, its functions and the emulator (goal 5000: ${importRun.importedCpuMs! <= 5000 ? 'ok' : 'over'})`,
  );
  console.log(
    `  with the full reconcile it queued, settled at ${importRun.settledMs} ms, longest call ${importRun.longestCallMs} ms; process cpu ${importRun.cpuMs} ms, peak ${importRun.maxRssMiB} MiB${importRun.failed?.length ? `; failed: ${importRun.failed.join(', ')}` : ''}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
