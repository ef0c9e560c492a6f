/**
 * Lint findings as people read them on a page: objectives and key results by their titles.
 * The org file's ids stay in the finding's `subject` (and in the CLI, where people edit the
 * file by id); the message a page shows names things.
 */
import type { LintFinding } from '../lint/types';
import type { Org } from '../model/org';

/** Titles of the org's objectives and key results, by id. */
export function titlesOf(org: Org): Map<string, string> {
  const titles = new Map<string, string>();
  for (const o of org.objectives) {
    titles.set(o.id, o.title);
    for (const kr of o.keyResults) titles.set(kr.id, kr.title);
  }
  return titles;
}

const ID = /[A-Za-z0-9][A-Za-z0-9._-]*/.source;
// Compiled once: a report describes every finding of a large org (tens of thousands).
const NAMED = new RegExp(`\\b(Key result|Objective) (${ID}) \\("([^"]*)"\\)`, 'g');
const BARE_ID = new RegExp(`(?<![\\w"-])(${ID})(?![\\w"-])`, 'g');

/**
 * "Key result eng-o1-kr3 ("SOC 2") has no owner, and neither has its objective eng-o1" →
 * "Key result "SOC 2" has no owner, and neither has its objective "Be enterprise ready"";
 * an id in a list ("(e1-kr, e2-kr)") becomes its quoted title too.
 */
export function describeLintFinding(finding: LintFinding, titles: ReadonlyMap<string, string>): LintFinding {
  const message = finding.message
    .replace(NAMED, (_m, what: string, _id: string, title: string) => `${what} "${title}"`)
    .replace(BARE_ID, (token: string) => (titles.has(token) ? `"${titles.get(token)}"` : token));
  return { ...finding, message };
}
