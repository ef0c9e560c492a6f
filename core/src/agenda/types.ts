/** The review agenda: ordered, time-boxed items, each with a presenter and links to Jira. */
export type AgendaScope = { readonly kind: 'company' } | { readonly kind: 'department'; readonly id: string };

export type AgendaItemKind = 'blocked-dependency' | 'at-risk-kr' | 'moved-kr' | 'stale-check-in' | 'decision';

export interface AgendaLink {
  readonly label: string;
  /** The Jira address when the org file names the site, else null (the label is the key). */
  readonly url: string | null;
}

export interface AgendaItem {
  /** Stable within one agenda: kind and subject, e.g. "blocked-dependency:D1". */
  readonly id: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly detail: string;
  /** The dependency or key result the item is about. */
  readonly subject: string;
  /** Who presents: the owner of the key result or of the providing department. */
  readonly presenter: string | null;
  readonly minutes: number;
  readonly links: readonly AgendaLink[];
}

export interface ReviewAgenda {
  readonly scope: AgendaScope;
  readonly title: string;
  readonly since: string;
  readonly at: string;
  readonly meetingMinutes: number;
  readonly items: readonly AgendaItem[];
  /** Items that did not fit in the meeting, in the same order: carry them to the next review. */
  readonly overflow: readonly AgendaItem[];
  /** Minutes left after the items: open discussion. */
  readonly bufferMinutes: number;
}
