/** A problem with how the command was called or with its environment: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A problem with the machine, not with the command line (no browser, no built
 * extension): exit code 2 too, but said alone, without the options, which the
 * user got right.
 */
export class EnvironmentError extends UsageError {
  override name = 'EnvironmentError';
}
