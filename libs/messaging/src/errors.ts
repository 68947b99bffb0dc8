/**
 * Error vocabulary of the consumer runner.
 * - A handler that THROWS signals a transient failure (a dependency is down): the runner retries
 *   the chunk with backoff, then pauses the partition and retries later. Nothing is committed.
 * - A message that can never be processed is RETURNED by the handler as a DLQ item (or thrown as
 *   PermanentError by per-message helpers): it goes to the DLQ and the partition moves on.
 */
export class PermanentError extends Error {
  constructor(
    message: string,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = 'PermanentError';
  }
}

export class TransientError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
