/** What a command may touch of the outside world; tests pass their own. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readTextFile: (path: string) => string;
  readonly writeTextFile: (path: string, text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The one clock of the shells: the system clock, or FIRSTLINE_NOW when it is set. */
  readonly now: () => Date;
  /** The root of the git repository the command runs in (relative to the working folder), or null outside one. */
  readonly repositoryRoot: () => string | null;
}
