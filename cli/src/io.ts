import { datesFor, type DateWords, type Viewer } from '@okr-bridge/core';

/** What a command may touch of the outside world, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  readonly isTTY: boolean;
  /** The current instant; defaults to the clock. */
  readonly now?: () => string;
  /** Whose words the dates in text are in; defaults to the system's locale and time zone (LANG / LC_ALL and TZ set them). */
  readonly viewer?: Viewer;
}

/** The system's locale and time zone, as Intl resolves them from the environment. */
export function systemViewer(): Viewer {
  const { locale, timeZone } = new Intl.DateTimeFormat().resolvedOptions();
  return { locale, timeZone: timeZone || 'UTC' };
}

/** The dates of a command's text in the viewer's words. */
export function dateWordsOf(io: Pick<CliIo, 'viewer'>): DateWords {
  return datesFor(io.viewer ?? systemViewer());
}

/** A user-facing failure: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
