/**
 * One measured run of bench/org.ts, in its own process so that its peak memory is its own.
 * `cli ARGS…`: the okr command in-process (output discarded). `import FILE`: the org file
 * imported through the local Forge host (real resolvers, KVS double, Jira emulator): the
 * resolver's call, the queued import to its end when the file went through the queue, then
 * the rest of the queued work it started (the full reconcile). Prints one JSON line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/src/main';
import { startForgeHost } from '../dev/forge-host/host';
import { siteFromSnapshot, startJiraEmulator } from '../dev/jira-emulator';

const [mode, ...args] = process.argv.slice(2);
const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function measure(work: () => Promise<Record<string, unknown>>): Promise<void> {
  const baseRss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const extra = await work();
  const ms = Math.round(performance.now() - t0);
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: Math.round((used.user + used.system) / 1000), baseRssMiB: mib(baseRss), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), ...extra })}\n`,
  );
}

async function main(): Promise<void> {
  if (mode === 'cli') {
    await measure(async () => {
      let bytes = 0;
      let stderr = '';
      const code = await runCli(args, { stdout: (s) => (bytes += s.length), stderr: (s) => (stderr += s), isTTY: false, now: () => '2026-11-15T09:00:00Z' });
      return { code, outputChars: bytes, stderr: stderr.slice(0, 300) };
    });
    return;
  }
  if (mode === 'import' && args[0]) {
    const text = readFileSync(args[0], 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'okr-bench-import-'));
    const now = '2026-11-15T12:00:00.000Z';
    const emulator = await startJiraEmulator({ site: siteFromSnapshot({ issues: [] }, {}, 'empty'), now: () => now });
    const host = await startForgeHost({ emulatorUrl: emulator.url, dataDir: join(dir, 'data'), uiDir: join(dir, 'ui'), build: 'never', clock: () => Date.parse(now), retryDelayScale: 0, log: () => undefined });
    try {
      await measure(async () => {
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const cpuSince = () => {
          const used = process.cpuUsage(cpu0);
          return Math.round((used.user + used.system) / 1000);
        };
        const answer = (await host.invoke('importOrg', { text })) as Record<string, unknown>;
        const invokeMs = Math.round(performance.now() - t0);
        if (process.env.BENCH_VERBOSE) process.stderr.write(`invoke done in ${invokeMs} ms\n`);
        // A queued import: ask for its progress until it ends (each ask waits for the call before it, as the host runs one at a time).
        let importedMs = invokeMs;
        let importedCpuMs = cpuSince();
        let progress: { status?: string; message?: string } = {};
        if ((answer.data as { queued?: boolean } | undefined)?.queued) {
          const settling = host.settled();
          for (;;) {
            progress = ((await host.invoke('getImportProgress', {})) as { data: { status: string; message?: string } }).data;
            if (progress.status !== 'running') break;
            await new Promise((r) => setTimeout(r, 20));
          }
          importedMs = Math.round(performance.now() - t0);
          importedCpuMs = cpuSince();
          await settling;
        }
        await host.settled();
        const calls = host.stats().calls;
        const longest = calls.reduce((m, c) => Math.max(m, c.ms), 0);
        const failed = calls.filter((c) => !c.ok).map((c) => `${c.kind} ${c.name}`);
        return { invokeMs, importedMs, importedCpuMs, importStatus: progress.status ?? 'inline', settledMs: Math.round(performance.now() - t0), calls: calls.length, longestCallMs: longest, failed, answer: JSON.stringify(answer).slice(0, 200) };
      });
    } finally {
      await host.stop();
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  process.stderr.write('usage: tsx bench/org-run.ts cli ARGS… | import FILE\n');
  process.exitCode = 2;
}

void main();
