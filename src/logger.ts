/**
 * The client's log: a `logger` with console's four methods and a `logLevel`
 * threshold (option, else the api's environment variable such as SGP_LOG,
 * else `warn`). Lines are built only when their level is on, and they are
 * built from the method, the redacted URL, statuses, timings and request ids:
 * never from request headers, so never carry the API key.
 */
import { readEnv } from './environment.js';

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with console's methods: `console` itself, pino, winston, … */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const LEVELS: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
export const LOG_DEBUG = LEVELS.debug;
export const LOG_INFO = LEVELS.info;
export const LOG_WARN = LEVELS.warn;

/** A logger with its threshold resolved; `level` is compared before a line is built. */
export interface Log {
  readonly level: number;
  readonly logger: Logger;
  /** Prefix of every line, e.g. `[EGP API V4]`. */
  readonly prefix: string;
}

function isLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(LEVELS, value);
}

/**
 * The option wins; a bad option is a programming error (TypeError). A bad
 * environment value is reported once through the logger and ignored, as a
 * misspelt variable should not stop a program.
 */
export function createLog(apiName: string, logger: Logger | undefined, level: LogLevel | undefined, envVar: string | undefined): Log {
  const sink = logger ?? (globalThis.console as Logger);
  const prefix = `[${apiName}]`;
  if (level !== undefined && !isLevel(level)) {
    throw new TypeError(`${apiName}: logLevel must be one of ${Object.keys(LEVELS).join(', ')}, got ${JSON.stringify(level)}`);
  }
  let resolved: LogLevel = level ?? 'warn';
  if (level === undefined && envVar !== undefined) {
    const env = readEnv(envVar);
    if (env !== undefined) {
      const lower = env.toLowerCase();
      if (isLevel(lower)) resolved = lower;
      else sink.warn(`${prefix} ${envVar} is ${JSON.stringify(env.slice(0, 20))}, not one of ${Object.keys(LEVELS).join(', ')}; using warn`);
    }
  }
  return { level: LEVELS[resolved], logger: sink, prefix };
}
