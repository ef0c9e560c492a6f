/** The settings being edited on the admin page: the contract's `saveSettings` input, started from what `getSettings` answered. */
import type { ResolverPayload, SettingsView } from '../../../contract';

export type SettingsDraft = ResolverPayload<'saveSettings'>['settings'];
export type DepartmentDraft = SettingsDraft['departments'][number];
export type CycleDraft = SettingsDraft['cycles'][number];

/** The draft of `view`; with no cycle yet, `currentCycle` is empty and saving says a cycle is needed. */
export function draftOf(view: SettingsView): SettingsDraft {
  return {
    company: { id: view.company.id, name: view.company.name, owners: [...view.company.owners] },
    departments: view.departments.map((d) => ({ ...d, jiraProjects: [...d.jiraProjects], owners: [...d.owners] })),
    people: view.people.map((p) => ({ ...p })),
    cycles: view.cycles.map((c) => ({ ...c })),
    currentCycle: view.currentCycle ?? view.cycles[0]?.id ?? '',
    thresholds: { ...view.thresholds },
    statusWeights: { ...view.statusWeights },
    dueSoonDays: view.dueSoonDays,
    jira: { ...view.jira, blockedStatuses: [...view.jira.blockedStatuses] },
  };
}

/** Replaces item `index` of `list`. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}
