/**
 * "Link Microsoft Teams" in headless Chromium, over the local Forge host (the bundle Forge's own
 * packaging builds, its real web trigger) and the Jira emulator: before the site is connected
 * to Teams the dialog says so; once the Teams service has connected with the admin's code, a
 * department lead gets a one-time code in the dialog, and the web trigger links it, signed as
 * the Teams service signs, to the Entra object id of whoever sent it to the bot; the lead then
 * sees that Teams account in the dialog and undoes the link.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { decodeConnectionCode, signBridgeRequest } from '@okr-bridge/core';
import { textOf } from '../dev/forge-host/testing';
import { PANEL_ARTIFACTS, usePanelSuite } from './panel-suite';

const NOW = '2026-11-15T12:00:00.000Z';
const RAJ = 'raj@acme.example';
const suite = usePanelSuite(NOW);

const department = () => suite.open('department', { project: 'ENG', accountId: RAJ }, (p) => p.getByRole('heading', { name: 'Engineering OKRs' }).waitFor());

describe('linking Microsoft Teams from a Jira page', () => {
  it('says the site is not connected to Teams yet, then gives a code the web trigger links once it is', async () => {
    const before = await department();
    await before.getByRole('button', { name: 'Link Microsoft Teams' }).click();
    const modal = before.getByTestId('teams-link-modal');
    await modal.getByText('not connected to Microsoft Teams yet').waitFor();
    await before.close();

    // The admin's connection code, completed by the Teams service with a signed `connect`.
    const made = (await suite.stack.host.invoke('createConnectionCode', {})) as { ok: true; data: { code: string } };
    const decoded = decodeConnectionCode(made.data.code, Date.parse(NOW));
    if (decoded.kind !== 'ok') throw new Error(decoded.message);
    const { url, connection, secret } = decoded.payload;
    const call = async (request: object) => {
      const body = JSON.stringify(request);
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signBridgeRequest(secret, { connection, id: randomUUID(), nowMs: Date.parse(NOW), body }) }, body });
      return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } } };
    };
    expect(await call({ action: 'connect', eventsUrl: 'https://teams.example/api/events', tenantId: 'tenant-acme' })).toMatchObject({ status: 200, body: { ok: true } });

    const page = await department();
    await page.getByRole('button', { name: 'Link Microsoft Teams' }).click();
    await page.getByTestId('teams-link-code').waitFor();
    const shown = await textOf(page, 'teams-link-code');
    expect(shown).toMatch(/^link [0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(await textOf(page, 'teams-link-modal')).toContain('It works once, for 15 minutes');
    await page.getByTestId('teams-link-modal').screenshot({ path: join(PANEL_ARTIFACTS, 'teams-link.png') });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('teams-link-modal').waitFor({ state: 'detached' });
    await page.close();

    const code = shown.slice('link '.length);
    const linked = await call({ action: 'link-account', code, aadObjectId: '5f1c0a2e-8b7d-4c3a-9e61-2d4b8f0a7c13', name: 'Raj Patel' });
    expect(linked).toMatchObject({ status: 200, body: { ok: true, data: { accountId: RAJ } } });
    // Used once.
    expect(await call({ action: 'link-account', code, aadObjectId: '0b0b0b0b-0000-4000-8000-000000000000', name: 'Mallory' })).toMatchObject({ status: 404 });

    // Raj sees the Teams account linked to him, and undoes it.
    const again = await department();
    await again.getByRole('button', { name: 'Link Microsoft Teams' }).click();
    await again.getByTestId('teams-links').waitFor();
    expect(await textOf(again, 'teams-links')).toBe('Raj Patel · linked Nov 15, 2026 Unlink');
    await again.getByRole('button', { name: 'Unlink Raj Patel' }).click();
    await again.getByTestId('teams-link-modal').getByText('None yet.').waitFor();
    await again.close();
    const checkIn = await call({ action: 'check-in', kr: 'eng-o4-kr1', value: 36, author: 'Raj Patel', authorAadObjectId: '5f1c0a2e-8b7d-4c3a-9e61-2d4b8f0a7c13' });
    expect(checkIn).toMatchObject({ status: 403 });
  }, 60_000);
});
