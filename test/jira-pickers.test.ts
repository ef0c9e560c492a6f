/**
 * The people and project pickers in headless Chromium, over the local Forge host, the real
 * resolvers and the Jira emulator (Acme snapshot): an admin maps a new department to a Jira
 * project and an owner picked from Jira's search, a lead picks an objective's owner; each is
 * stored as a project key or an Atlassian account id and shown by name; owners written in the
 * org file as emails are kept, shown as the person Jira shows that email on, else as typed. Needs `npm run build:jira`.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPanel, startAcmeStack, textOf, type PanelStack } from '../dev/forge-host/testing';

const NOW = '2026-11-15T12:00:00.000Z';
const RAJ = 'raj@acme.example';
// Account ids of the Acme snapshot's people (examples/acme-issues.json).
const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const MEI = '712020:263467eb-d198-3786-8f77-e0744ed09341';

let stack: PanelStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startAcmeStack(NOW), launchChromium()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function open(panel: Parameters<typeof openPanel>[2], query: Record<string, string>, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const { page, errors } = await openPanel(browser, stack.host, panel, query, ready);
  expect(errors).toEqual([]);
  return page;
}

/** Types `search` into the picker whose input is `input` and picks the option named `option`. */
async function pick(page: Page, input: ReturnType<Page['locator']>, search: string, option: string): Promise<void> {
  // Typing opens the menu; a chosen person's avatar covers the input, so it is not clicked.
  await input.fill(search);
  // A person's option reads their name (its avatar is named after them too).
  await page.getByRole('option', { name: option }).first().click();
}

interface Settings {
  departments: { id: string; owners: string[]; jiraProjects: string[] }[];
}

describe('people and project pickers', () => {
  it('maps a new department to a project and an owner picked from Jira, stored as key and account id, owners written as emails kept', async () => {
    const admin = await open('admin', {}, (p) => p.getByTestId('admin-department-eng').waitFor());
    // An owner written as an email Jira shows on a person reads as that person, stored as written.
    await admin.getByRole('button', { name: 'Department 1 owners: Raj Patel' }).click();
    // The picker holds him (react-select's hidden live region repeats the name; the visible one counts).
    await admin.getByTestId('admin-department-eng').locator('text=Raj Patel >> visible=true').waitFor();
    expect(await textOf(admin, 'admin-department-eng')).not.toContain('as typed');
    await admin.getByRole('button', { name: 'Add department' }).click();
    // The row is named by its id once it has one.
    await admin.getByLabel('Department 8 id').fill('ops');
    await admin.getByLabel('Department 8 name').fill('IT Operations');
    // A cell shows its values until edited; the picker loads then.
    await admin.getByRole('button', { name: 'Department 8 Jira projects: none' }).click();
    await pick(admin, admin.locator('#dep-7-projects'), 'operat', 'OPS · IT Operations');
    await admin.getByRole('button', { name: 'Department 8 owners: none' }).click();
    await pick(admin, admin.locator('#dep-7-owners'), 'ana', 'Ana Costa');
    // Who an org-file name stands for, picked too.
    await admin.getByRole('button', { name: 'Add person' }).click();
    await admin.getByLabel('Person 1 name').fill('ana@acme.example');
    await admin.getByRole('button', { name: 'Person 1 Jira account: none' }).click();
    await pick(admin, admin.locator('#person-0-account'), 'costa', 'Ana Costa');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByTestId('settings-saved').waitFor();
    await admin.close();

    const settings = (await stack.host.invoke('getSettings', {})) as { ok: true; data: Settings & { people: { name: string; accountId: string }[] } };
    expect(settings.data.people).toEqual([{ name: 'ana@acme.example', accountId: ANA }]);
    const byId = Object.fromEntries(settings.data.departments.map((d) => [d.id, d]));
    expect(byId.ops).toMatchObject({ jiraProjects: ['OPS'], owners: [ANA] });
    expect(byId.eng).toMatchObject({ jiraProjects: ['ENG'], owners: [RAJ] });

    const ops = await open('department', { project: 'OPS' }, (p) => p.getByRole('heading', { name: 'IT Operations OKRs' }).waitFor());
    await ops.getByText(/owners Ana Costa · projects OPS/).waitFor();
    await ops.close();
  }, 60_000);

  it("picks an objective's owner: stored as the account id, shown by name; an email Jira hides offered as typed", async () => {
    const dep = await open('department', { project: 'ENG', accountId: RAJ }, (p) => p.getByTestId('objective-eng-o1').waitFor());
    // Written as her email in the org file, which Jira shows on her account: named.
    await dep.getByTestId('objective-eng-o1').getByTestId('owner-name').filter({ hasText: 'Ana Costa' }).first().waitFor();
    expect(await textOf(dep, 'objective-eng-o1')).toContain('Ana Costa · score');
    await dep.getByRole('button', { name: 'Edit objective Make Acme ready for enterprise security reviews' }).click();
    const form = dep.getByTestId('objective-form');
    // Her email names her in Jira: the picker shows her, not the email as typed.
    await dep.waitForFunction(() => (document.querySelector('[data-testid="objective-form"]') as HTMLElement | null)?.innerText.includes('Ana Costa'));
    expect(await form.innerText()).not.toContain('as typed');
    await pick(dep, form.getByLabel('Owner'), 'mei', 'Mei Lin');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await dep.getByTestId('objective-eng-o1').getByTestId('owner-name').filter({ hasText: 'Mei Lin' }).waitFor();
    // Name and avatar (Atlaskit's, named after the person), not the account id.
    expect(await textOf(dep, 'objective-eng-o1')).not.toContain(MEI);
    const chip = dep.getByTestId('objective-eng-o1').locator('[data-testid="owner-name"][data-avatar="loaded"]').filter({ hasText: 'Mei Lin' });
    await chip.waitFor();
    await expect(chip.getByRole('img', { name: 'Mei Lin' }).count()).resolves.toBe(1);

    // Priya hides her email from Jira: her objective's owner stays as typed until someone picks her.
    await dep.getByRole('button', { name: 'Edit objective Build the analytics workspace with Product' }).click();
    await dep.getByTestId('objective-form').getByText('priya@acme.example (as typed; pick the person)').waitFor();
    await dep.getByTestId('objective-form').getByRole('button', { name: 'Cancel' }).click();
    await dep.getByTestId('objective-form').waitFor({ state: 'detached' });
    await dep.close();

    const view = (await stack.host.invoke('getDepartmentView', { projectKey: 'ENG' }, { accountId: RAJ })) as { ok: true; data: { view: { objectives: { id: string; owner?: string }[] } } };
    expect(view.data.view.objectives.find((o) => o.id === 'eng-o1')?.owner).toBe(MEI);
  }, 60_000);

  it('names owners from the cache on later loads, asking Jira for no one', async () => {
    stack.emulator.resetStats();
    const meiShown = (p: Page) => p.getByTestId('objective-eng-o1').getByTestId('owner-name').filter({ hasText: 'Mei Lin' }).first().waitFor();
    const first = await open('department', { project: 'ENG', accountId: RAJ }, meiShown);
    await first.close();
    const second = await open('department', { project: 'ENG', accountId: RAJ }, meiShown);
    await second.close();
    // The edit above already cached Mei Lin, and the owners written as emails: neither load asked Jira for people.
    expect(stack.emulator.stats().byEndpoint['GET /rest/api/3/user/bulk'] ?? 0).toBe(0);
    expect(stack.emulator.stats().byEndpoint['GET /rest/api/3/user/search'] ?? 0).toBe(0);
  }, 60_000);
});
