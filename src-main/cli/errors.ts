/** A mistake in how the command was called; exits with status 2 and the usage hint. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** `roster audit --fail-on` found findings at or above the given severity. */
export const EXIT_FINDINGS = 3;
