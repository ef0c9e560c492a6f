/**
 * The limits an org file must respect so that every host downstream can hold it: the Forge
 * app stores a department under the KVS key `dept:<cycle>:<department>#000` (keys are at most
 * 500 characters), Teams cards and Jira panels show titles in full, and weights feed sums
 * that must stay finite. They are rules of the org schema, so `okr lint`, `okr report` and
 * the Jira import refuse the same file with the same located message before anything is
 * written.
 */
export const ORG_LIMITS = {
  /** Any id (cycle, company, department, objective, key result, dependency). */
  idLength: 100,
  /** Titles, names and owners. */
  textLength: 1_000,
  /** Descriptions, notes, decisions. */
  longTextLength: 10_000,
  /** A key result's JQL. */
  jqlLength: 10_000,
  /**
   * An alignment's or key result's weight: it says how much one part counts beside its
   * siblings, so a hundredfold spread is plenty; the bound keeps one part from drowning every
   * other in a roll-up it shares, and sums of thousands of weights exact and finite.
   */
  maxWeight: 100,
} as const;
