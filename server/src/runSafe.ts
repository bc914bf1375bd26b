import type { ResponseError } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

/**
 * Wraps a handler so that a bug yields the fallback result and a log line, never a dead server
 * or an error popup for the user.
 */
export function runSafe<A extends unknown[], R>(
  logger: Logger,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R | ResponseError<void>> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      logger.error(`${name} failed: ${describe(error)}`);
      return fallback;
    }
  };
}

export function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
