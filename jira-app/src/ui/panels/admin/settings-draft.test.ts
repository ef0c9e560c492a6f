import { settingsInputSchema, type SettingsView } from '../../../contract';
import { describeConnection } from './connection-text';
import { draftOf, replaceAt } from './settings-draft';

const view: SettingsView = {
  configured: true,
  isAdmin: true,
  company: { id: 'acme', name: 'Acme', owners: ['dana@acme.example'] },
  departments: [{ id: 'eng', name: 'Engineering', jiraProjects: ['ENG'], owners: ['raj@acme.example'] }],
  people: [{ name: 'raj@acme.example', accountId: 'acc-raj' }],
  cycles: [{ id: '2026-Q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }],
  currentCycle: null,
  thresholds: { onTrack: 0.7, behind: 0.4 },
  statusWeights: { new: 0, indeterminate: 0.5, done: 1 },
  dueSoonDays: 7,
  jira: { baseUrl: 'https://acme.atlassian.net', storyPointsField: 'customfield_10016', blockedStatuses: ['Blocked'] },
  teams: { status: 'not-connected' },
  sync: { lastReconcile: null, lastFullSweep: null, lastDeliveryError: null },
};

describe('draftOf', () => {
  it('starts from the stored settings, the first cycle current when none is, and saves as the contract expects', () => {
    const draft = draftOf(view);
    expect(draft.currentCycle).toBe('2026-Q4');
    expect(settingsInputSchema.safeParse(draft).success).toBe(true);
  });

  it('copies what it edits, so editing the draft leaves the view alone', () => {
    const draft = draftOf(view);
    draft.departments[0]!.owners!.push('ana@acme.example');
    expect(view.departments[0]!.owners).toEqual(['raj@acme.example']);
  });
});

describe('replaceAt', () => {
  it('replaces one item and keeps the rest', () => {
    expect(replaceAt(['a', 'b', 'c'], 1, 'x')).toEqual(['a', 'x', 'c']);
  });
});

describe('describeConnection', () => {
  it('says what each state means and what to do', () => {
    expect(describeConnection({ status: 'not-connected' })).toBe('Not connected. Create a one-time code and paste it into the Teams service to connect.');
    expect(describeConnection({ status: 'pending', expiresAt: '2026-11-16T12:00:00.000Z' })).toBe('A code was created and not used yet; it expires at 2026-11-16T12:00:00.000Z.');
    expect(describeConnection({ status: 'connected', eventsHost: 'okr-teams.example.com', tenantId: 't-1', connectedAt: '2026-11-15T12:00:00.000Z' })).toBe(
      'Connected to okr-teams.example.com (tenant t-1) since 2026-11-15T12:00:00.000Z.',
    );
  });
});
