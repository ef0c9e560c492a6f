/**
 * Adaptive Card 1.5 building blocks shared by every card. Actions are `Action.Execute` with a
 * verb (Universal Actions) and an `Action.Submit` fallback carrying the same verb in its data,
 * for hosts that do not know Action.Execute.
 */

import { wordDates, type Tone } from '@okr-bridge/core';
import type { MentionEntity } from './mentions';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly msteams?: { readonly width: 'Full'; readonly entities?: readonly MentionEntity[] };
}

/** The verbs the bot's cards use; the bot routes on them. */
export const VERBS = {
  acknowledge: 'acknowledge',
  addToAgenda: 'add-to-agenda',
  follow: 'follow',
  checkInForm: 'check-in-form',
  checkIn: 'check-in',
  refreshStatus: 'refresh-status',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** A card with the 1.5 schema and full width in Teams, with the entities of the people it mentions. */
export function card(body: CardElement[], actions: CardElement[] = [], mentions: readonly MentionEntity[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full', ...(mentions.length ? { entities: mentions } : {}) },
  };
}

type CardColor = 'Default' | 'Attention' | 'Good' | 'Warning' | 'Accent';
type ContainerStyle = 'emphasis' | 'attention' | 'good' | 'warning';

/** The card colour of each of core's tones, so a status has the colour it has on every surface. */
export const TONE_COLORS: Readonly<Record<Tone, CardColor>> = { good: 'Good', warning: 'Warning', attention: 'Attention', neutral: 'Default' };
export const TONE_STYLES: Readonly<Record<Tone, ContainerStyle>> = { good: 'good', warning: 'warning', attention: 'attention', neutral: 'emphasis' };

/** A bold heading line. */
export function heading(text: string, color: CardColor = 'Default'): CardElement {
  return { type: 'TextBlock', text, size: 'Medium', weight: 'Bolder', wrap: true, color, style: 'heading' };
}

/** A wrapped text line; `subtle` for secondary information. */
export function text(value: string, options: { subtle?: boolean; weight?: 'Bolder'; spacing?: 'Small' | 'Medium' | 'None' } = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...(options.subtle ? { isSubtle: true, size: 'Small' } : {}), ...(options.weight ? { weight: options.weight } : {}), ...(options.spacing ? { spacing: options.spacing } : {}) };
}

/** Title/value pairs. */
export function facts(pairs: readonly (readonly [string, string])[]): CardElement {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** A group of elements, optionally styled (attention, good, …). */
export function container(items: CardElement[], style?: ContainerStyle): CardElement {
  return { type: 'Container', items, ...(style ? { style } : {}) };
}

/** An Action.Execute with its Action.Submit fallback. */
export function execute(title: string, verb: Verb, data: Record<string, unknown> = {}, style?: 'positive' | 'destructive'): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

/** A link button (Open in Jira). */
export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

const RFC3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An instant as its reader sees it: Teams replaces `{{DATE(…)}}` and `{{TIME(…)}}` in a text
 * block or fact with the date and time in the viewer's own locale and time zone (Adaptive
 * Cards text features). The functions take only RFC 3339 instants with whole seconds, so the
 * milliseconds go; a value that is not an instant is returned as it is.
 */
export function cardInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const at = RFC3339(ms);
  return `{{DATE(${at}, SHORT)}}, {{TIME(${at})}}`;
}

/**
 * A calendar date (`YYYY-MM-DD`) or the day of an instant, in the viewer's locale. A calendar
 * date is given as 10:00 UTC of that day, which is that same day from UTC−10 to UTC+13 (every
 * zone but a few Pacific islands); anything else is returned as it is.
 */
export function cardDate(iso: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T10:00:00Z`) : Date.parse(iso);
  return Number.isFinite(day) ? `{{DATE(${RFC3339(day)}, SHORT)}}` : iso;
}

/**
 * A core sentence (a reason, an agenda detail, a status sentence) as card text: escaped like
 * `plain`, with each of its dates written by Teams in the reader's locale (`cardDate`), so a
 * card words a sentence as the tab and the panels do.
 */
export function cardSentence(value: string): string {
  return wordDates(plain(value), cardDate);
}

/** Escapes characters Adaptive Card markdown would interpret in user-provided text. */
export function plain(value: string): string {
  return value.replace(/([\\*_[\]`>#])/g, '\\$1');
}

/** "a, b and c". */
export function listLabel(values: readonly string[], empty = 'nobody named'): string {
  if (values.length === 0) return empty;
  if (values.length === 1) return values[0]!;
  return `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;
}
