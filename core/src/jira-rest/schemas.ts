/**
 * The response bodies the client reads, as zod schemas following the Jira Cloud REST v3
 * spec (`SearchAndReconcileResults`, `JQLCountResultsBean`, `BulkIssueResults`,
 * `FieldDetails`). Objects are loose: fields Jira adds later pass through untouched.
 */
import { z } from 'zod';
import { rawIssueSchema } from '../model/issue';

/** `isLast: false` without a token would silently truncate the result, so it is refused. */
function withPaging<T extends z.ZodType>(issue: T) {
  return z
    .looseObject({ issues: z.array(issue), isLast: z.boolean().optional(), nextPageToken: z.string().nullish() })
    .refine((page) => page.isLast !== false || typeof page.nextPageToken === 'string', {
      message: 'expected a nextPageToken since isLast is false',
      path: ['nextPageToken'],
    });
}

export const searchPageSchema = withPaging(rawIssueSchema);
export const searchPageExpected = 'a search result { issues: [...], isLast, nextPageToken } with status and created on every issue';

export const issueRefSchema = z.looseObject({ id: z.string(), key: z.string().optional() });
export const refPageSchema = withPaging(issueRefSchema);
export const refPageExpected = 'a search result { issues: [{ id, key }], isLast, nextPageToken }';

export const countSchema = z.looseObject({ count: z.number().int().min(0) });
export const countExpected = 'a count { count: number }';

export const bulkFetchSchema = z.looseObject({
  issues: z.array(rawIssueSchema).default([]),
  issueErrors: z.array(z.looseObject({ id: z.string().optional(), errorMessage: z.string().optional() })).default([]),
});
export const bulkFetchExpected = 'a bulk fetch result { issues: [...], issueErrors: [...] }';

export const fieldDetailsSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().default(false),
  schema: z.looseObject({ type: z.string() }).optional(),
});
export type FieldDetails = z.infer<typeof fieldDetailsSchema>;
export const fieldListSchema = z.array(fieldDetailsSchema);
export const fieldListExpected = 'a list of fields [{ id, name, custom, schema }]';

/**
 * Where the next page starts: null on the last page. Jira leaves `nextPageToken` out (or
 * null) on the last page and may send `isLast: true`; `total` is never used.
 */
export function readNextPageToken(page: { isLast?: boolean | undefined; nextPageToken?: string | null | undefined }): string | null {
  if (page.isLast === true) return null;
  return page.nextPageToken ?? null;
}
