/**
 * Shared argument handling for the CLI: a usage error is exit code 2 with a message naming the problem,
 * never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = {
  ok: 0,
  /** Some inputs failed (the others were processed and, for ingest, stored). */
  inputFailed: 1,
  /** Bad command line: unknown flag, missing argument, bad --published. */
  usage: 2,
  /** The store could not be opened or written. */
  store: 3,
  /** Stopped by Ctrl-C (SIGINT): 128 + the signal's number, as shells report it. */
  interrupted: 130,
} as const;

export class UsageError extends Error {}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  try {
    const r = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${value}')`);
}

export function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${flag} must be a positive integer (got '${value}')`);
  return n;
}

export function nonNegativeInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`--${flag} must be a whole number >= 0 (got '${value}')`);
  return n;
}

/** A calendar date or a prefix of one: YYYY, YYYY-MM or YYYY-MM-DD. */
export function datePrefix(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value.trim())) {
    throw new UsageError(`--${flag} must be a date written YYYY, YYYY-MM or YYYY-MM-DD (got '${value}')`);
  }
  return value.trim();
}
