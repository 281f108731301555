// What the client says while it works, as openai-node does: a console-shaped logger and a
// level, by default from AUTOCOLLECT_LOG, else 'warn'. At 'debug' each attempt is a line;
// retries, token fetches, 401 replays and create look-ups say what they did and why.
// No line ever holds a token, a secret, an Authorization header or a body.

/** Anything shaped like `console`: `console` itself, pino, winston, a test's capture. */
export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

const LEVELS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
const PREFIX = '[autocollect]';

export interface Log {
  /** Whether lines of this level are written: check before building a costly one. */
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const isLevel = (value: unknown): value is LogLevel => typeof value === 'string' && Object.hasOwn(LEVELS, value);

/** AUTOCOLLECT_LOG where there is an environment to read (Node, Bun; Deno with --allow-env). */
function levelFromEnvironment(): string | undefined {
  try {
    const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
      ?.AUTOCOLLECT_LOG;
    return value?.trim().toLowerCase() || undefined;
  } catch {
    return undefined; // an environment that may not be read
  }
}

/** Checks the logging options at construction and makes the client's log. */
export function createLog(logger: unknown, level: unknown, caller: string): Log {
  const methods = ['error', 'warn', 'info', 'debug'] as const;
  if (
    logger !== undefined &&
    (logger === null ||
      typeof logger !== 'object' ||
      methods.some((name) => typeof (logger as Record<string, unknown>)[name] !== 'function'))
  ) {
    throw new TypeError(
      `${caller}: logger must have the methods of console (error, warn, info and debug), such as console or a pino logger.`,
    );
  }
  if (level !== undefined && !isLevel(level)) {
    throw new TypeError(
      `${caller}: logLevel must be one of ${Object.keys(LEVELS).join(', ')}; got ${JSON.stringify(level)}.`,
    );
  }
  const sink = (logger as Logger | undefined) ?? console;
  const fromEnvironment = level === undefined ? levelFromEnvironment() : undefined;
  const chosen: LogLevel = isLevel(level) ? level : isLevel(fromEnvironment) ? fromEnvironment : 'warn';
  if (fromEnvironment !== undefined && !isLevel(fromEnvironment)) {
    sink.warn(
      `${PREFIX} AUTOCOLLECT_LOG is ${JSON.stringify(fromEnvironment)}, which is not a level (${Object.keys(LEVELS).join(', ')}); logging at 'warn'.`,
    );
  }
  const threshold = LEVELS[chosen];
  const write = (name: (typeof methods)[number]) => (message: string) => {
    if (LEVELS[name] <= threshold) sink[name](`${PREFIX} ${message}`);
  };
  return {
    enabled: (name) => LEVELS[name] <= threshold,
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
  };
}
