/** Where a failed save's messages go: on the field each issue names, the rest above the form. */
import type { ResolverError } from '../../../contract';
import { describeError } from '../../api/errors';

/** Splits an error into per-field messages and what fits no field. */
export function splitErrors(error: ResolverError, fields: readonly string[]): { readonly byField: Record<string, string>; readonly rest: readonly string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error.issues ?? []) {
    const field = issue.where
      .split(/[.\s[\]]+/)
      .reverse()
      .find((part) => fields.includes(part));
    if (field && !byField[field]) byField[field] = issue.message;
    else rest.push(`${issue.where}: ${issue.message}`);
  }
  if (!error.issues?.length) rest.push(describeError(error));
  return { byField, rest };
}
