/**
 * The Jira emulator's site kept across restarts. The emulator holds its issues in memory
 * only, so the orchestrator saves a snapshot whenever the site changed: it watches the site's
 * version (bumped by every change, whether made over `/_emulator/changes` or in-process) and
 * writes `{ "issues": [...] }` in the REST v3 shape, the very format the emulator loads, to a
 * temporary file renamed over the old one (a crash mid-write leaves the previous snapshot).
 * A change made less than one interval before a hard kill can be lost; `flush()` on a clean
 * stop loses nothing.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadSnapshotFile, type Site } from '../jira-emulator';

/** The site saved in `file`, or, on the first start, the one in `seedFile`. */
export function openPersistentSite(file: string, seedFile: string): { readonly site: Site; readonly restored: boolean } {
  const restored = existsSync(file);
  return { site: loadSnapshotFile(restored ? file : seedFile), restored };
}

/** Writes the site's issues to `file` atomically. */
export function saveSite(site: Site, file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ issues: [...site.issues()] }));
  renameSync(temporary, file);
}

export interface SiteWatcher {
  /** Saves now if the site changed since the last save. */
  flush(): void;
  /** Stops watching, saving what changed first. */
  stop(): void;
  /** How many snapshots were written. */
  readonly saves: number;
}

/** Saves `site` to `file` within `intervalMs` of each change; saves at once when `file` does not exist yet. */
export function watchSite(site: Site, file: string, intervalMs = 250, onError: (error: Error) => void = () => undefined): SiteWatcher {
  let savedVersion = existsSync(file) ? site.version : -1;
  let saves = 0;
  const flush = () => {
    if (site.version === savedVersion) return;
    const version = site.version;
    try {
      saveSite(site, file);
      savedVersion = version;
      saves++;
    } catch (error) {
      onError(error as Error);
    }
  };
  flush();
  const timer = setInterval(flush, intervalMs);
  timer.unref();
  return {
    flush,
    stop() {
      clearInterval(timer);
      flush();
    },
    get saves() {
      return saves;
    },
  };
}
