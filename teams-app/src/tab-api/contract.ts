/**
 * The tab ↔ tab API boundary: the paths, the zod schemas of what the API accepts and the
 * shapes it answers with. The API parses with these schemas; the tab imports only types and
 * `tabApiPaths` (from `paths.ts`), so no zod ships in the browser bundle.
 */
import { z } from 'zod';
import type { OwnerPerson } from '@okr-bridge/core/present';
import type { companyViewSchema, departmentViewSchema, DependencyState, dependencyViewSchema, reviewAgendaSchema } from '@okr-bridge/core';

/** The views as they cross the wire from the Jira app (what its schemas let through). */
export type DepartmentView = z.infer<typeof departmentViewSchema>;
export type CompanyView = z.infer<typeof companyViewSchema>;
export type DependencyView = z.infer<typeof dependencyViewSchema>;
export type ReviewAgenda = z.infer<typeof reviewAgendaSchema>;
export type ObjectiveView = DepartmentView['objectives'][number];
export type KrView = ObjectiveView['keyResults'][number];
export type AgendaItem = ReviewAgenda['items'][number];

/**
 * Every page that names owners carries the people the Jira app sent for them (account ids
 * with names); the tab labels owners with core's `ownerLabel` over these.
 */
export interface NamingPage {
  readonly people: readonly OwnerPerson[];
}

const id = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, { error: 'expected an id of letters, digits, ".", "_" or "-"' });

export const departmentParamsSchema = z.object({ id });

export const agendaQuerySchema = z.strictObject(
  {
    department: id.optional(),
    since: z.iso.date({ error: 'expected since as a date like 2026-11-01' }).optional(),
    minutes: z.coerce
      .number({ error: 'expected minutes as a whole number from 1 to 480' })
      .int({ error: 'expected minutes as a whole number from 1 to 480' })
      .min(1, { error: 'expected minutes as a whole number from 1 to 480' })
      .max(480, { error: 'expected minutes as a whole number from 1 to 480' })
      .optional(),
  },
  { error: 'expected only the query parameters department, since and minutes' },
);
export type AgendaQuery = z.infer<typeof agendaQuerySchema>;

/** No query parameters: views that take none refuse stray ones rather than ignore them. */
export const emptyQuerySchema = z.strictObject({}, { error: 'expected no query parameters' });

export const reviewItemParamsSchema = z.object({
  reviewId: z.string().regex(/^[A-Za-z0-9._@:-]{1,200}$/, { error: 'expected a review id of letters, digits and . _ @ : -' }),
  itemId: z.string().regex(/^[A-Za-z0-9._:-]{1,300}$/, { error: 'expected an agenda item id like blocked-dependency:dep-sso' }),
});

/**
 * What one tenant may keep per review: a meeting's agenda has far fewer items than this, and
 * an item's decision and notes are a few paragraphs. Past either bound a save is refused with
 * 409 (a full review) or 413 (an item too large), naming the limit.
 */
export const REVIEW_LIMITS = { itemsPerReview: 100, itemBytes: 8 * 1024 } as const;

export const reviewItemUpdateSchema = z
  .strictObject(
    {
      discussed: z.boolean({ error: 'expected discussed to be true or false' }).optional(),
      decision: z.string({ error: 'expected decision as text' }).max(2000, { error: 'expected a decision of at most 2000 characters' }).optional(),
      notes: z.string({ error: 'expected notes as text' }).max(8000, { error: 'expected notes of at most 8000 characters' }).optional(),
    },
    { error: 'expected only discussed, decision and notes' },
  )
  .refine((u) => u.discussed !== undefined || u.decision !== undefined || u.notes !== undefined, { error: 'expected at least one of discussed, decision, notes' });
export type ReviewItemUpdate = z.infer<typeof reviewItemUpdateSchema>;

// ── Answers ────────────────────────────────────────────────────────────────────────────────

export interface TabError {
  readonly error: { readonly code: string; readonly message: string };
}

export interface TabContext extends NamingPage {
  readonly user: { readonly name: string; readonly email: string | null };
  readonly tenantId: string;
  readonly site: { readonly url: string | null; readonly name: string | null };
  readonly company: { readonly id: string; readonly name: string };
  readonly departments: readonly { readonly id: string; readonly name: string; readonly parent: string | null; readonly owners: readonly string[] }[];
}

/** One observation of a progress number, the latest of its day. */
export interface ProgressPoint {
  readonly day: string;
  readonly progress: number;
}

export interface DepartmentPage extends NamingPage {
  readonly department: DepartmentView;
  /** Observed progress by subject (the department id, objective ids, key result ids), oldest first. */
  readonly trend: Readonly<Record<string, readonly ProgressPoint[]>>;
}

export interface DependencyWithSince extends DependencyView {
  /** When the service first saw the dependency in its current state (ISO instant). */
  readonly stateSince: string;
}

export interface DependenciesPage extends NamingPage {
  /** Blocked first, then at risk, open, done. */
  readonly dependencies: readonly DependencyWithSince[];
}

export interface ReviewItemState {
  readonly reviewId: string;
  readonly itemId: string;
  readonly discussed: boolean;
  readonly decision: string;
  readonly notes: string;
  readonly updatedBy: string;
  /** Epoch milliseconds. */
  readonly updatedAt: number;
}

/** An item someone put on the agenda from Teams ("Add to agenda" on a card). */
export interface RequestedAgendaItem {
  /** The id its discussion is recorded under (like a generated item's id), e.g. `requested:dependency:dep-sso`. */
  readonly id: string;
  /** What the card was about, e.g. `dependency:dep-sso`. */
  readonly subject: string;
  readonly title: string;
  /** The Teams display name of who asked. */
  readonly requestedBy: string;
  /** When they asked (ISO instant). */
  readonly requestedAt: string;
  /** The time box its timer starts from. */
  readonly minutes: number;
}

export interface AgendaPage extends NamingPage {
  /** The review this agenda belongs to: its scope and day, e.g. `eng@2026-11-15`. */
  readonly reviewId: string;
  readonly agenda: ReviewAgenda;
  /** Items added from Teams for this scope, oldest first: they follow the generated items. */
  readonly requested: readonly RequestedAgendaItem[];
  /** What the meeting recorded, by agenda item id (generated and requested items alike). */
  readonly items: Readonly<Record<string, ReviewItemState>>;
}

export type CompanyPage = CompanyView & NamingPage;

/**
 * What open views poll every second or two: a stamp that changes whenever the Jira site told
 * the service of a change (null before its first event). Views reload only when it moved.
 */
export interface VersionPage {
  /** Opaque; it changes when anything the open views show may have changed. */
  readonly version: string;
}

export type { DependencyState };
