/** What a command may touch of the outside world, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn only there). */
  readonly isTTY: boolean;
  /** The current instant; defaults to the clock. */
  readonly now?: () => string;
}

/** A user-facing failure: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
