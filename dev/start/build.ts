/**
 * Builds what the stack serves before it starts: the Jira panels (`jira-app/dist/ui`) and the
 * Teams tab (`teams-app/dist/tab`), each when missing or older than its sources, so a fresh
 * clone and an edited checkout both start with what the code says.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildUi, DEFAULT_UI_OUT_DIR, PANELS } from '../../jira-app/scripts/build-ui';
import { buildTab } from '../../teams-app/scripts/build-tab';

export const REPO_ROOT = resolve(__dirname, '..', '..');
/** Where the Teams service serves the tab from (teams-app/src/main.ts). */
export const TAB_DIR = join(REPO_ROOT, 'teams-app', 'dist', 'tab');

const PANEL_SOURCES = ['jira-app/src', 'core/src'].map((p) => join(REPO_ROOT, p));
const TAB_SOURCES = ['teams-app/src/tab', 'teams-app/src/tab-api', 'core/src'].map((p) => join(REPO_ROOT, p));

/** The newest modification time (ms) of the files under `dirs`, tests excepted. */
export function newestSourceMs(dirs: readonly string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') visit(path);
      } else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) visit(dir);
  return newest;
}

/** Whether every file in `outputs` exists and is newer than every source under `sources`. */
export function isFresh(outputs: readonly string[], sources: readonly string[]): boolean {
  if (!outputs.every((f) => existsSync(f))) return false;
  const oldest = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return oldest >= newestSourceMs(sources);
}

export type BuildMode = 'if-stale' | 'always' | 'never';

/** Builds the panels into `panelsDir` (the default folder unless given) and the tab, as `mode` says; returns what was built. */
export async function ensureBuilt(mode: BuildMode, log: (line: string) => void, panelsDir = DEFAULT_UI_OUT_DIR): Promise<string[]> {
  if (mode === 'never') return [];
  const built: string[] = [];
  if (mode === 'always' || !isFresh(PANELS.map((p) => join(panelsDir, p.name, 'index.html')), PANEL_SOURCES)) {
    log(`building the Jira panels into ${panelsDir}`);
    await buildUi({ outDir: panelsDir });
    built.push('panels');
  }
  if (mode === 'always' || !isFresh([join(TAB_DIR, 'index.html'), join(TAB_DIR, 'config.html')], TAB_SOURCES)) {
    log(`building the Teams tab into ${TAB_DIR}`);
    await buildTab(TAB_DIR);
    built.push('tab');
  }
  return built;
}
