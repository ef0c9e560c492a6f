/** Option parsing shared by the commands, on node:util's parseArgs. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { isIsoDate } from '@okr-bridge/core';
import { UsageError } from './io';

export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}

/** `--at` / `--since`: a date YYYY-MM-DD or an ISO instant. */
export function parseMoment(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (isIsoDate(value) || (/^\d{4}-\d{2}-\d{2}T/.test(value) && Number.isFinite(Date.parse(value)))) return value;
  throw new UsageError(`${flag}: expected a date YYYY-MM-DD or an ISO instant, got "${value}"`);
}

export function parsePositiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value) && Number(value) > 0) return Number(value);
  throw new UsageError(`${flag}: expected a whole number above 0, got "${value}"`);
}
