/**
 * Finding the story points field of a site when the org file does not name it. Jira
 * company-managed projects call it "Story Points", team-managed ones "Story point
 * estimate"; both are custom number fields with site-specific ids (`customfield_10016`…).
 */
import type { JiraFieldInfo } from '../ports/issue-source';
import type { FieldDetails } from './schemas';

export type StoryPointsLookup =
  | {
      readonly kind: 'found';
      readonly field: JiraFieldInfo;
      /** Other fields that also qualify, in order of preference (many sites have both names). */
      readonly alternatives: readonly JiraFieldInfo[];
    }
  | {
      readonly kind: 'not-found';
      /** Fields with a matching name that are not custom number fields. */
      readonly nearMisses: readonly JiraFieldInfo[];
    };

/** Names in order of preference, compared case-insensitively. */
export const storyPointsFieldNames = ['story points', 'story point estimate'] as const;

/**
 * The story points field among a site's fields: a custom field of type number named
 * "Story Points" (preferred) or "Story point estimate", ties broken by the lower custom
 * field number; the others that qualify come back as alternatives.
 */
export function pickStoryPointsField(fields: readonly FieldDetails[]): StoryPointsLookup {
  const rank = (f: FieldDetails) => storyPointsFieldNames.indexOf(f.name.trim().toLowerCase() as (typeof storyPointsFieldNames)[number]);
  const named = fields.filter((f) => rank(f) >= 0);
  const qualifying = named
    .filter((f) => f.custom && f.schema?.type === 'number')
    .sort((a, b) => rank(a) - rank(b) || customNumber(a.id) - customNumber(b.id) || a.id.localeCompare(b.id));
  const [first, ...rest] = qualifying.map(toFieldInfo);
  if (!first) return { kind: 'not-found', nearMisses: named.map(toFieldInfo) };
  return { kind: 'found', field: first, alternatives: rest };
}

/** The port's view of a field. */
export function toFieldInfo(f: FieldDetails): JiraFieldInfo {
  return { id: f.id, name: f.name, custom: f.custom };
}

function customNumber(id: string): number {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}
