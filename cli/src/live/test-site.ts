/**
 * A small Jira site and the org that reads it, for the live runner's tests against the
 * emulator over HTTP. Test-only.
 */
import type { OrgInput } from '@okr-bridge/core';
import { buildDepartment, buildJiraKr, buildObjective, buildOrg } from '@okr-bridge/core/testing';
import { Site } from '../../../dev/jira-emulator';
import { rawIssue } from '../../../dev/jira-emulator/testing';

export const credentials = { email: 'lead@example.com', token: 'live-test-token-71' };

/**
 * Tracked epics ENG-1 and ENG-2 with three children (one in another project), an untracked
 * epic ENG-3 with one, a sub-task, two SUP bugs and a task (the JQL key result's project),
 * and two OPS issues: OPS-7 a deliverable, OPS-8 noise.
 */
export function buildTestSite(): Site {
  return new Site([
    rawIssue(1, 'ENG-1', { type: 'Epic', status: 'In Progress' }),
    rawIssue(2, 'ENG-2', { type: 'Epic' }),
    rawIssue(3, 'ENG-3', { type: 'Epic' }),
    rawIssue(10, 'ENG-10', { parent: 'ENG-1', status: 'Done', points: 3 }),
    rawIssue(11, 'ENG-11', { parent: 'ENG-1', status: 'In Progress', points: 5 }),
    rawIssue(12, 'PLAT-5', { parent: 'ENG-2', points: null }),
    rawIssue(13, 'ENG-12', { parent: 'ENG-3', points: 8 }),
    rawIssue(14, 'ENG-13', { parent: 'ENG-10', type: 'Sub-task' }),
    rawIssue(20, 'SUP-1', { type: 'Bug', status: 'Done' }),
    rawIssue(21, 'SUP-2', { type: 'Bug' }),
    rawIssue(22, 'SUP-3', { type: 'Task' }),
    rawIssue(30, 'OPS-7', { status: 'Blocked', due: '2026-11-20' }),
    rawIssue(31, 'OPS-8'),
  ]);
}

/** Points over ENG-1 and ENG-2, the SUP bugs by JQL, and a dependency on OPS-7, ENG-11 and a missing OPS-99. */
export function buildTestOrgInput(overrides: { jql?: string; storyPointsField?: string | null } = {}): OrgInput {
  const jira = overrides.storyPointsField === null ? { flaggedField: 'customfield_10021' } : { storyPointsField: overrides.storyPointsField ?? 'customfield_10016', flaggedField: 'customfield_10021' };
  return {
    version: 1,
    cycle: { id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
    company: { id: 'acme', name: 'Acme' },
    departments: [buildDepartment('eng', { jiraProjects: ['ENG', 'PLAT'] }), buildDepartment('sup', { jiraProjects: ['SUP'] }), buildDepartment('ops', { jiraProjects: ['OPS'] })],
    objectives: [
      buildObjective('eng-o1', 'eng', [buildJiraKr('k1', { epics: ['ENG-1', 'ENG-2'], measure: 'points' })]),
      buildObjective('sup-o1', 'sup', [buildJiraKr('k2', { jql: overrides.jql ?? 'project = SUP AND issuetype = Bug' })]),
    ],
    dependencies: [{ id: 'd1', needs: { department: 'eng', kr: 'k1' }, provider: 'ops', deliverables: ['OPS-7', 'ENG-11', 'OPS-99'] }],
    jira,
  };
}

export const buildTestOrg = (overrides: Parameters<typeof buildTestOrgInput>[0] = {}) => buildOrg(buildTestOrgInput(overrides));
