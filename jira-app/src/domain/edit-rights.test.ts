import { emptySite } from './org-assembly';
import { editRightOf, showsEditControls } from './edit-rights';
import type { SiteRecord } from '../storage/records';

const NOW = Date.parse('2026-11-15T09:00:00Z');

const site: SiteRecord = {
  ...emptySite(),
  company: { id: 'acme', name: 'Acme', owners: ['dana@acme.example'] },
  departments: [{ id: 'eng', name: 'Engineering', owners: ['raj@acme.example', 'Lee'], jiraProjects: ['ENG'] } as SiteRecord['departments'][number]],
  people: [
    { name: 'raj@acme.example', accountId: 'acct-raj' },
    { name: 'Lee', accountId: 'acct-lee' },
    { name: 'ada@acme.example', accountId: 'acct-ada' },
  ],
  admins: { 'acct-ada': NOW + 60_000, 'acct-old': NOW - 1 },
};

describe('edit rights (one rule for panels and Teams)', () => {
  it.each([
    ['a department owner by account (through the people list)', { via: 'jira', accountId: 'acct-raj' }, 'owner'],
    ['an owner named by name, matched through the people list', { via: 'jira', accountId: 'acct-lee' }, 'owner'],
    ['a panel caller who owns nothing: only Jira can tell', { via: 'jira', accountId: 'acct-ada' }, 'ask-jira'],
    ['a panel caller not signed in', { via: 'jira', accountId: undefined }, 'refused'],
    ['a department owner by email from Teams, in any case', { via: 'teams', email: ' Raj@Acme.example ' }, 'owner'],
    ['a Teams member whose account the site remembers as a Jira admin', { via: 'teams', email: 'ada@acme.example' }, 'admin'],
    ['a Teams member who owns nothing', { via: 'teams', email: 'mallory@acme.example' }, 'refused'],
    ['a Teams call with no email', { via: 'teams', email: undefined }, 'refused'],
    ['a Teams user linked to an owner\'s account, with no email', { via: 'teams', email: undefined, linkedAccountId: 'acct-raj' }, 'owner'],
    ['a Teams user linked to a remembered Jira admin, with no email', { via: 'teams', email: undefined, linkedAccountId: 'acct-ada' }, 'admin'],
    ['a Teams user linked to a remembered Jira admin, whose email owns nothing', { via: 'teams', email: 'mallory@acme.example', linkedAccountId: 'acct-ada' }, 'admin'],
    ['a Teams user linked to an account that owns nothing', { via: 'teams', email: undefined, linkedAccountId: 'acct-old' }, 'refused'],
  ] as const)('%s', (_who, editor, kind) => {
    expect(editRightOf(site, editor, { department: 'eng' }, NOW).kind).toBe(kind);
  });

  it("admits a key result's own owner for what the change allows it (a check-in), from either surface", () => {
    const target = { department: 'eng', alsoOwners: ['tom@acme.example'] };
    expect(editRightOf(site, { via: 'teams', email: 'tom@acme.example' }, target, NOW).kind).toBe('owner');
    expect(editRightOf(site, { via: 'teams', email: 'tom@acme.example' }, { department: 'eng' }, NOW).kind).toBe('refused');
    expect(editRightOf({ ...site, people: [...site.people, { name: 'tom@acme.example', accountId: 'acct-tom' }] }, { via: 'jira', accountId: 'acct-tom' }, target, NOW).kind).toBe('owner');
  });

  it("reads the company's owners for the company id", () => {
    expect(editRightOf(site, { via: 'teams', email: 'dana@acme.example' }, { department: 'acme' }, NOW).kind).toBe('owner');
    expect(editRightOf(site, { via: 'teams', email: 'dana@acme.example' }, { department: 'eng' }, NOW).kind).toBe('refused');
  });

  it('shows edit controls to owners and remembered admins only, asking Jira nothing', () => {
    expect(showsEditControls(site, 'acct-raj', 'eng', NOW)).toBe(true);
    expect(showsEditControls(site, 'acct-ada', 'eng', NOW)).toBe(true);
    expect(showsEditControls(site, 'acct-old', 'eng', NOW)).toBe(false);
    expect(showsEditControls(site, undefined, 'eng', NOW)).toBe(false);
  });
});
