/**
 * A progress bar for long Jira reads, drawn on stderr when it is a terminal: redrawn in place
 * with `\r`, at most every `minIntervalMs` (100 ms: ten times a second), and cleared when the
 * read ends, so that only the final statistics line stays. Off a terminal it draws nothing:
 * logs and pipes get no control characters.
 */

export interface ProgressBar {
  /** The number of issues expected (Jira's approximate count); grows when more come. */
  setTotal(total: number): void;
  /** Records `issues` more read, redrawing when the last draw is old enough. */
  advance(issues: number): void;
  /** Clears the bar; nothing is drawn after. */
  finish(): void;
}

export interface ProgressBarOptions {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
  /** Milliseconds from any origin (`performance.now`). */
  readonly clock: () => number;
  readonly label?: string;
  /** Cells of the bar itself. */
  readonly width?: number;
  readonly minIntervalMs?: number;
}

const SILENT: ProgressBar = { setTotal: () => undefined, advance: () => undefined, finish: () => undefined };

/** Thousands separated by commas, whatever the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One frame: `label [█████░░░░░]  42%  1,234 / 2,900 issues`, or a plain count while the total is unknown. */
export function renderProgress(label: string, done: number, total: number, width: number): string {
  if (total <= 0) return `${label}  ${formatCount(done)} issues`;
  const ratio = Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  const pct = String(Math.floor(ratio * 100)).padStart(3);
  return `${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}%  ${formatCount(done)} / ${formatCount(Math.max(total, done))} issues`;
}

/** A bar that draws on a terminal and stays silent elsewhere. */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  if (!options.isTTY) return SILENT;
  const label = options.label ?? 'Reading Jira';
  const width = options.width ?? 24;
  const minInterval = options.minIntervalMs ?? 100;
  let total = 0;
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawnWidth = 0;
  let finished = false;

  const draw = (force: boolean) => {
    if (finished) return;
    const now = options.clock();
    if (!force && now - lastDraw < minInterval) return;
    lastDraw = now;
    const frame = renderProgress(label, done, total, width);
    // Pad over what the previous frame left when this one is shorter.
    options.write(`\r${frame}${' '.repeat(Math.max(0, drawnWidth - frame.length))}`);
    drawnWidth = frame.length;
  };

  return {
    setTotal(n) {
      total = Math.max(0, n);
      draw(false);
    },
    advance(n) {
      done += n;
      draw(false);
    },
    finish() {
      if (finished) return;
      finished = true;
      if (drawnWidth > 0) options.write(`\r${' '.repeat(drawnWidth)}\r`);
    },
  };
}
