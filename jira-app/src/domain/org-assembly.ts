/**
 * Between the org file (one cycle, `Org`) and what the app stores: the site settings shared by
 * every cycle and one cycle's parts. Assembling checks nothing (the parts were validated when
 * stored); callers that change an org validate the assembled result with core's `validateOrg`.
 */
import { normalizeUserJql, type Org } from '@okr-bridge/core';
import type { CycleParts, SiteRecord } from '../storage/records';

const DEFAULT_SETTINGS: Org['settings'] = {
  thresholds: { onTrack: 0.7, behind: 0.4 },
  statusWeights: { new: 0, indeterminate: 0.5, done: 1 },
  dueSoonDays: 7,
  lint: { minObjectives: 3, maxObjectives: 5, staleCheckInDays: 14, maxKrsPerOwner: 6 },
};

/** A site with nothing set up yet. */
export function emptySite(): SiteRecord {
  return {
    version: 1,
    company: { id: 'company', name: 'Company', owners: [] },
    departments: [],
    people: [],
    cycles: [],
    currentCycle: null,
    jira: { blockedStatuses: ['Blocked'] },
    settings: DEFAULT_SETTINGS,
    index: {},
    admins: {},
    teams: { status: 'not-connected' },
  };
}

/** The org file of `cycle`: the site's settings and the cycle's parts. Null when the site has no such cycle. */
export function assembleOrg(site: SiteRecord, cycle: string, parts: CycleParts): Org | null {
  const c = site.cycles.find((x) => x.id === cycle);
  if (!c) return null;
  return {
    version: 1,
    cycle: c,
    company: site.company,
    departments: [...site.departments],
    objectives: [...parts.objectives],
    dependencies: [...parts.dependencies],
    checkIns: [...parts.checkIns],
    reviews: [...parts.reviews],
    jira: site.jira,
    settings: site.settings,
  };
}

/** The parts of an org that belong to its cycle. */
export function cyclePartsOf(org: Org): CycleParts {
  return { objectives: org.objectives, dependencies: org.dependencies, checkIns: org.checkIns, reviews: org.reviews };
}

/** The site with `org`'s settings and cycle (added or replaced), the rest kept. */
export function siteWithOrg(site: SiteRecord, org: Org): SiteRecord {
  const cycles = [...site.cycles.filter((c) => c.id !== org.cycle.id), org.cycle].sort((a, b) => a.start.localeCompare(b.start));
  return {
    ...site,
    company: org.company,
    departments: org.departments,
    jira: org.jira,
    settings: org.settings,
    cycles,
    currentCycle: site.currentCycle ?? org.cycle.id,
  };
}

/** The JQL under which the deliverables of an org's dependencies are read and stored (one query, normalized). */
export function deliverablesJql(org: Org): string | null {
  const keys = [...new Set(org.dependencies.flatMap((d) => d.deliverables))].sort();
  if (keys.length === 0) return null;
  return normalizeUserJql(`key in (${keys.join(', ')})`).jql;
}
