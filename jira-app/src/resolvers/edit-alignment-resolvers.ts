/**
 * Alignments that wait for a decision: the list (each saying whether the caller may decide it)
 * and the decision itself, which only the aligned-to key result's owner, its department's
 * owners or a Jira admin may make, checked on the server by the edit rights rule.
 */
import { runEdit } from '../app/edit-use-case';
import type { AppDeps } from '../app/deps';
import { cycleOf, loadCycleOrg, requireSite } from '../app/session';
import { decideAlignment } from '../domain/alignments';
import { editRightOf, isCachedAdmin, krOwnersOf } from '../domain/edit-rights';
import { ownerDepartmentOf } from '../domain/edits';
import { defineResolver } from './define';

export function alignmentResolvers(deps: AppDeps) {
  return {
    getPendingAlignments: defineResolver(deps, 'getPendingAlignments', async ({ payload, session, accountId }) => {
      const site = await requireSite(session);
      const { org, state } = await loadCycleOrg(session, site, cycleOf(site, payload.cycle));
      const objectives = new Map(org.objectives.map((o) => [o.id, o]));
      const krTitle = (kr: string) => org.objectives.flatMap((o) => o.keyResults).find((k) => k.id === kr)?.title ?? kr;
      const pending = (state?.parts.pendingAlignments ?? []).map((p) => {
        const department = ownerDepartmentOf(org, p.kr);
        const right = department === null ? 'refused' : editRightOf(site, { via: 'jira', accountId }, { department, alsoOwners: krOwnersOf(org, p.kr) }, session.nowMs).kind;
        const objective = objectives.get(p.objective);
        return { ...p, objectiveTitle: objective?.title ?? p.objective, department: objective?.department ?? '', krTitle: krTitle(p.kr), canDecide: right === 'owner' || (right === 'ask-jira' && isCachedAdmin(site, accountId, session.nowMs)) };
      });
      return { pending };
    }),
    decideAlignment: defineResolver(deps, 'decideAlignment', async ({ payload, session, accountId }) => {
      const done = await runEdit(deps, session, {
        cycle: payload.cycle,
        editor: { via: 'jira', accountId },
        target: (org) => {
          const department = ownerDepartmentOf(org, payload.kr);
          return department === null ? null : { department, alsoOwners: krOwnersOf(org, payload.kr) };
        },
        edit: (draft) => decideAlignment(draft, payload.objective, payload.kr, payload.accept),
      });
      return { id: done.id };
    }),
  };
}
