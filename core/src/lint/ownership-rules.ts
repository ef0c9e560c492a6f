/**
 * Lint rules on who answers for the OKRs: objectives and key results without an owner, and
 * owners holding more key results than one person can drive. A key result with no owner of
 * its own is its objective's owner's.
 */
import type { Org } from '../model/org';
import type { LintFinding } from './types';

/** `no-owner`: an objective with no owner; a key result when neither it nor its objective has one. */
export function lintOwners(org: Org): LintFinding[] {
  const out: LintFinding[] = [];
  for (const o of org.objectives) {
    if (o.owner === undefined) {
      out.push({ code: 'no-owner', severity: 'warning', subject: o.id, message: `Objective ${o.id} ("${o.title}") has no owner; expected one person who answers for it` });
    }
    for (const kr of o.keyResults) {
      if (kr.owner !== undefined || o.owner !== undefined) continue;
      out.push({
        code: 'no-owner',
        severity: 'warning',
        subject: kr.id,
        message: `Key result ${kr.id} ("${kr.title}") has no owner, and neither has its objective ${o.id}; expected an owner on the key result or its objective`,
      });
    }
  }
  return out;
}

/** `owner-overload`: an owner (the key result's, else its objective's) holding more than `maxKrsPerOwner` key results. */
export function lintOwnerOverload(org: Org): LintFinding[] {
  const max = org.settings.lint.maxKrsPerOwner;
  const held = new Map<string, string[]>();
  for (const o of org.objectives) {
    for (const kr of o.keyResults) {
      const owner = kr.owner ?? o.owner;
      if (owner === undefined) continue;
      const list = held.get(owner);
      if (list) list.push(kr.id);
      else held.set(owner, [kr.id]);
    }
  }
  return [...held]
    .filter(([, krs]) => krs.length > max)
    .map(([owner, krs]) => ({
      code: 'owner-overload',
      severity: 'warning',
      subject: owner,
      message: `${owner} holds ${krs.length} key results (${krs.join(', ')}); expected at most ${max} per owner`,
    }));
}
