/**
 * Changes to a cycle's OKRs from the panels: objectives, key results, epic links, check-ins.
 * Each parses its payload (in `defineResolver`), names the edit and what it touches, and hands
 * it to the one edit use case (`app/edit-use-case.ts`) that the web trigger uses too.
 */
import type { KeyResult, Objective, Org } from '@okr-bridge/core';
import { checkIn, runEdit, type EditContext, type EditSpec } from '../app/edit-use-case';
import type { AppDeps } from '../app/deps';
import type { Session } from '../app/session';
import { requestAlignments, type Draft } from '../domain/alignments';
import { addKr, addObjective, deleteKr, deleteObjective, linkEpic, ownerDepartmentOf, unlinkEpic, updateKr, updateObjective, type EditResult } from '../domain/edits';
import { krViewIn } from '../domain/read-views';
import { defineResolver } from './define';

const newId = (deps: AppDeps, prefix: string) => `${prefix}-${deps.ids.id().replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}`;

/** The department owning `id` (an objective or key result) as the edit's target. */
const ownerOf = (id: string) => (org: Org) => {
  const department = ownerDepartmentOf(org, id);
  return department === null ? null : { department };
};

/** Applies `alignedTo` to objective `id` after `first`: alignments to others' key results wait for their decision. */
function thenAlign(first: EditResult, draft: Draft, id: string, alignedTo: Objective['alignedTo'] | undefined, context: EditContext): EditResult {
  if (first.kind !== 'ok' || alignedTo === undefined) return first;
  return requestAlignments({ org: first.org, pending: draft.pending }, id, alignedTo, { name: context.requester, at: context.at, mayDecide: context.mayDecide });
}

export function editResolvers(deps: AppDeps) {
  const edit = async (session: Session, spec: EditSpec) => ({ id: (await runEdit(deps, session, spec)).id });
  return {
    createObjective: defineResolver(deps, 'createObjective', async ({ payload, session, accountId }) => {
      const { alignedTo, ...rest } = payload.objective;
      const objective = { ...rest, id: rest.id ?? newId(deps, 'o'), keyResults: [], alignedTo: [] } as Objective;
      return edit(session, {
        cycle: payload.cycle,
        editor: { via: 'jira', accountId },
        target: () => ({ department: objective.department }),
        edit: (draft, context) => thenAlign(addObjective(draft.org, objective), draft, objective.id, alignedTo, context),
      });
    }),
    updateObjective: defineResolver(deps, 'updateObjective', async ({ payload, session, accountId }) => {
      const { alignedTo, ...patch } = payload.patch;
      return edit(session, {
        cycle: payload.cycle,
        editor: { via: 'jira', accountId },
        target: ownerOf(payload.id),
        edit: (draft, context) => thenAlign(updateObjective(draft.org, payload.id, patch), draft, payload.id, alignedTo, context),
      });
    }),
    deleteObjective: defineResolver(deps, 'deleteObjective', async ({ payload, session, accountId }) =>
      edit(session, { cycle: payload.cycle, editor: { via: 'jira', accountId }, target: ownerOf(payload.id), edit: (draft) => deleteObjective(draft.org, payload.id) }),
    ),
    createKr: defineResolver(deps, 'createKr', async ({ payload, session, accountId }) => {
      const kr = { ...payload.kr, id: payload.kr.id ?? newId(deps, 'kr') } as KeyResult;
      return edit(session, { cycle: payload.cycle, editor: { via: 'jira', accountId }, target: ownerOf(payload.objective), edit: (draft) => addKr(draft.org, payload.objective, kr), readEpics: true });
    }),
    updateKr: defineResolver(deps, 'updateKr', async ({ payload, session, accountId }) => {
      const kr = { ...payload.kr, id: payload.id } as KeyResult;
      return edit(session, { cycle: payload.cycle, editor: { via: 'jira', accountId }, target: ownerOf(payload.id), edit: (draft) => updateKr(draft.org, payload.id, kr), readEpics: true });
    }),
    deleteKr: defineResolver(deps, 'deleteKr', async ({ payload, session, accountId }) =>
      edit(session, { cycle: payload.cycle, editor: { via: 'jira', accountId }, target: ownerOf(payload.id), edit: (draft) => deleteKr(draft.org, payload.id) }),
    ),
    linkEpic: defineResolver(deps, 'linkEpic', async ({ payload, session, accountId }) =>
      edit(session, { cycle: payload.cycle, editor: { via: 'jira', accountId }, target: ownerOf(payload.kr), edit: (draft) => linkEpic(draft.org, payload.kr, payload.epic, payload.measure), readEpics: true }),
    ),
    unlinkEpic: defineResolver(deps, 'unlinkEpic', async ({ payload, session, accountId }) =>
      edit(session, { cycle: payload.cycle, editor: { via: 'jira', accountId }, target: ownerOf(payload.kr), edit: (draft) => unlinkEpic(draft.org, payload.kr, payload.epic) }),
    ),
    checkIn: defineResolver(deps, 'checkIn', async ({ payload, session, accountId }) => {
      const { cycle, ...fields } = payload;
      const done = await checkIn(deps, session, { cycle, editor: { via: 'jira', accountId }, checkIn: fields });
      const kr = krViewIn(done.org, done.metrics, session.at, payload.kr);
      if (!kr) throw new Error(`broken invariant: key result ${payload.kr} vanished after its check-in`);
      return { kr };
    }),
  };
}
