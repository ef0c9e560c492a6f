/**
 * Which company objectives a key result contributes to: up the alignment tree from the key
 * result's objective, through every key result that objective is aligned to (several parents
 * allowed), to the company level. The org parser rejects alignment cycles; this walk still
 * visits each objective once so a cycle cannot hang it.
 */
import type { Org } from '../model/org';

export type CompanyObjectivesOf = (krId: string) => readonly string[];

/**
 * Builds a lookup from key result id to the ids of the company objectives it contributes to,
 * in the org file's order (its own objective included when that is a company objective). An
 * unknown key result contributes to none. Results are memoized per key result.
 */
export function buildCompanyObjectivesOf(org: Org): CompanyObjectivesOf {
  const objectiveOfKr = new Map<string, string>();
  const objectives = new Map(org.objectives.map((o) => [o.id, o]));
  const order = new Map(org.objectives.map((o, i) => [o.id, i]));
  for (const o of org.objectives) for (const kr of o.keyResults) objectiveOfKr.set(kr.id, o.id);
  const memo = new Map<string, readonly string[]>();

  return (krId) => {
    const cached = memo.get(krId);
    if (cached) return cached;
    const start = objectiveOfKr.get(krId);
    const found: string[] = [];
    const seen = new Set<string>();
    const stack = start === undefined ? [] : [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const objective = objectives.get(id);
      if (!objective) continue;
      if (objective.department === org.company.id) found.push(id);
      for (const a of objective.alignedTo) {
        const parent = objectiveOfKr.get(a.kr);
        if (parent !== undefined && !seen.has(parent)) stack.push(parent);
      }
    }
    found.sort((a, b) => order.get(a)! - order.get(b)!);
    memo.set(krId, found);
    return found;
  };
}
