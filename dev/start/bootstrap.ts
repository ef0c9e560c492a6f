/**
 * What the first start does once, remembered in `<data>/start-state.json` so a restart does
 * not do it again (each step is recorded as soon as it succeeded, so an interrupted first
 * start resumes where it stopped): import the org file into the Forge host and reconcile;
 * connect the Jira site to the local Teams tenant through the real one-time-code flow (a Jira
 * admin creates the code in OKR settings, a Teams user sends `connect <code>` to the bot), and
 * again whenever the Forge host or the Teams service comes up on another port (each stores the
 * other's URL);
 * add the bot to one channel per department, each following its department.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ForgeHost } from '../forge-host';
import type { BotConnector } from '../bot-connector';
import type { Conversation, TeamsClient } from './teams-client';

const stateSchema = z.object({
  importedAt: z.string().optional(),
  connectedAt: z.string().optional(),
  /** Where the Forge host and the Teams service were when they were connected: each keeps the other's URL. */
  connectedVia: z.object({ forge: z.string(), teams: z.string() }).optional(),
  channelsAt: z.string().optional(),
});
export type StartState = z.infer<typeof stateSchema>;

/** The state in `dataDir`, empty when there is none yet. */
export function readStartState(dataDir: string): StartState {
  const file = join(dataDir, 'start-state.json');
  if (!existsSync(file)) return {};
  const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: expected { importedAt?, connectedAt?, connectedVia?, channelsAt? }; delete the file (or the whole data folder) to start over`);
  return parsed.data;
}

function writeStartState(dataDir: string, state: StartState): void {
  const file = join(dataDir, 'start-state.json');
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** The personal chat the local user connects from. */
export const PERSONAL_CHAT: Conversation = { id: 'a:local-user-personal-chat', name: 'OKR bridge (personal chat)', type: 'personal' };

/** The demo channel of a department. */
export function departmentChannel(department: { readonly id: string; readonly name: string }): Conversation {
  return { id: `19:okr-${department.id}@thread.tacv2`, name: `${department.name} OKRs`, type: 'channel' };
}

/** Imports `orgText` as the host's default account (a Jira admin), then reconciles. */
export async function importOrg(host: ForgeHost, orgText: string): Promise<void> {
  const answer = (await host.invoke('importOrg', { text: orgText })) as { ok: boolean; error?: { message: string } };
  if (!answer.ok) throw new Error(`importing the org file failed: ${answer.error?.message ?? 'unknown error'}`);
  const report = await host.reconcile();
  if (report.kind === 'skipped') throw new Error(`the reconcile after the import was skipped: ${report.reason}`);
  await host.settled();
}

/** Creates a one-time code in OKR settings and sends `connect <code>` to the bot; resolves once Jira says it is connected. */
export async function connectTeams(host: ForgeHost, client: TeamsClient, connector: BotConnector): Promise<void> {
  const created = (await host.invoke('createConnectionCode', {})) as { ok: boolean; data?: { code: string }; error?: { message: string } };
  const code = created.data?.code;
  if (!created.ok || !code) throw new Error(`creating a connection code failed: ${created.error?.message ?? JSON.stringify(created)}`);
  const before = connector.activities(PERSONAL_CHAT.id).length;
  const answer = await client.say(PERSONAL_CHAT, `connect ${code}`);
  if (answer.status !== 200) throw new Error(`the bot answered connect with ${answer.status}: ${JSON.stringify(answer.body)}`);
  const settings = (await host.invoke('getSettings', {})) as { ok: boolean; data?: { teams?: { status?: string } } };
  if (settings.data?.teams?.status !== 'connected') {
    const reply = connector.activities(PERSONAL_CHAT.id).slice(before).map((a) => JSON.stringify(a.activity.attachments ?? a.activity.text)).join('\n');
    throw new Error(`connecting Teams failed; the bot said: ${reply || 'nothing'}`);
  }
}

export interface BootstrapInputs {
  readonly dataDir: string;
  /** The Forge host's and the Teams service's base URLs now. */
  readonly urls: { readonly forge: string; readonly teams: string };
  readonly orgText: string;
  readonly departments: readonly { readonly id: string; readonly name: string }[];
  readonly host: ForgeHost;
  readonly client: TeamsClient;
  readonly connector: BotConnector;
  /** Add one channel per department (the demo); the e2e suite follows departments itself. */
  readonly channels: boolean;
  readonly nowIso: () => string;
  readonly log: (line: string) => void;
}

/** Runs the steps not done yet; returns the names of those it ran. */
export async function bootstrap(inputs: BootstrapInputs): Promise<string[]> {
  const state = readStartState(inputs.dataDir);
  const ran: string[] = [];
  const record = (patch: StartState) => writeStartState(inputs.dataDir, Object.assign(state, patch));
  if (!state.importedAt) {
    inputs.log('first start: importing the org file into the Forge host and reconciling');
    await importOrg(inputs.host, inputs.orgText);
    record({ importedAt: inputs.nowIso() });
    ran.push('import');
  }
  const moved = state.connectedVia && (state.connectedVia.forge !== inputs.urls.forge || state.connectedVia.teams !== inputs.urls.teams);
  if (!state.connectedAt || moved) {
    inputs.log(moved ? 'the Forge host or the Teams service moved to another port: connecting them again with a new one-time code' : 'first start: connecting the Jira site to the local Teams tenant with a one-time code');
    await connectTeams(inputs.host, inputs.client, inputs.connector);
    record({ connectedAt: inputs.nowIso(), connectedVia: { ...inputs.urls } });
    ran.push('connect');
  }
  if (inputs.channels && !state.channelsAt) {
    inputs.log(`first start: adding the bot to ${inputs.departments.length} department channels, each following its department`);
    for (const d of inputs.departments) {
      const channel = departmentChannel(d);
      const installed = await inputs.client.install(channel);
      const followed = await inputs.client.say(channel, `follow ${d.id}`);
      if (installed.status !== 200 || followed.status !== 200) throw new Error(`setting up ${channel.name} failed: ${installed.status}/${followed.status}`);
    }
    record({ channelsAt: inputs.nowIso() });
    ran.push('channels');
  }
  return ran;
}
