/**
 * The start page's HTML: links to every Jira panel and Teams tab view of the demo org, the
 * Jira emulator's admin actions as buttons, and the conversations the Bot Connector emulator
 * received, cards rendered. Pure: everything shown comes in as arguments.
 */
import type { Org } from '@okr-bridge/core';
import { DEMO_ACTIONS, STATUS_NAMES } from './actions';
import { escapeHtml as e, renderCard } from './card-html';
import type { Conversation } from './teams-client';

export interface PageUrls {
  readonly jira: string;
  readonly forge: string;
  readonly teams: string;
  readonly connector: string;
}

/** A message the page shows once, e.g. the outcome of a button. */
export interface Note {
  readonly at: string;
  readonly text: string;
  readonly ok: boolean;
}

/** One thing shown in a conversation: an activity the bot sent (or a card only the clicker sees). */
export interface ShownActivity {
  readonly id: string;
  readonly activity: Record<string, unknown>;
  readonly versions: number;
  /** Shown only to the person who clicked (an invoke's answer that replaced nothing). */
  readonly private: boolean;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#172b4d}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #dfe1e6;padding-bottom:4px}
table{border-collapse:collapse}td,th{padding:3px 10px 3px 0;text-align:left;vertical-align:top}
.notes div{padding:6px 10px;margin:4px 0;border-radius:4px;background:#e3fcef}.notes .bad{background:#ffebe6}
form.inline{display:inline}button,.button{font:inherit;padding:3px 10px;margin:2px 4px 2px 0;border:1px solid #8993a4;border-radius:4px;background:#f4f5f7;cursor:pointer;color:inherit;text-decoration:none;display:inline-block}
.why{color:#5e6c84;font-size:12px}.conv{border:1px solid #dfe1e6;border-radius:6px;padding:10px 14px;margin:14px 0}
.card{border:1px solid #c1c7d0;border-radius:6px;padding:8px 12px;margin:8px 0;background:#fff;max-width:760px}
.meta{color:#5e6c84;font-size:12px}.tb{margin:3px 0}.bold{font-weight:600}.size-medium{font-size:16px}.size-large{font-size:19px}.subtle{color:#5e6c84;font-size:12px}
.color-attention{color:#bf2600}.color-good{color:#006644}.color-warning{color:#974f0c}.container{padding:4px 8px;border-radius:4px}
.style-attention{background:#ffebe6}.style-good{background:#e3fcef}.style-warning{background:#fffae6}.style-emphasis{background:#f4f5f7}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}.facts dt{font-weight:600}.facts dd{margin:0}
.columns{display:flex;gap:12px}.actions{margin-top:6px}.disabled{opacity:.5}label{display:block;margin:4px 0}.label{display:block;font-size:12px;color:#5e6c84}
.private{border-style:dashed}`;

function layout(title: string, body: string, notes: readonly Note[]): string {
  const shown = notes.length ? `<div class="notes">${notes.map((n) => `<div class="${n.ok ? 'ok' : 'bad'}">${e(n.at.slice(11, 19))} ${e(n.text)}</div>`).join('')}</div>` : '';
  // Reloads when the bot sent something new, unless a field is being edited.
  const script = `<script>let seen=null;setInterval(async()=>{try{const v=await (await fetch('/changes')).text();if(seen!==null&&v!==seen&&!document.activeElement.matches('input,textarea,select'))location.reload();seen=v}catch{}},1500)</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head><body>${shown}${body}${script}</body></html>`;
}

const link = (href: string, text: string) => `<a href="${e(href)}">${e(text)}</a>`;
const tokenField = (token: string) => `<input type="hidden" name="token" value="${e(token)}">`;

/** The tab's address for a view, as a person (`as`) in local mode. */
export function tabUrl(teams: string, view: 'review' | 'dependencies' | 'department', department: string, as: string): string {
  return `${teams}/tab/index.html?${new URLSearchParams({ view, department, as })}`;
}

/** The front page. */
export function renderIndex(input: { readonly urls: PageUrls; readonly org: Org; readonly token: string; readonly notes: readonly Note[]; readonly received: number }): string {
  const { urls, org, token } = input;
  const panel = (name: string, query: Record<string, string>) => `${urls.forge}/panels/${name}/${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
  const ceo = org.company.owners[0] ?? 'local.user@example.com';
  const departments = org.departments
    .map((d) => {
      const lead = d.owners[0] ?? 'local-admin';
      const project = d.jiraProjects[0];
      const jira = project ? `${link(panel('department', { project, accountId: lead }), `Department OKRs (${project})`)} · ${link(panel('department', { project, accountId: lead, theme: 'dark' }), 'dark')}` : 'no Jira project';
      const tab = (['review', 'dependencies', 'department'] as const).map((v) => link(tabUrl(urls.teams, v, d.id, lead), v)).join(' · ');
      return `<tr><th>${e(d.name)}</th><td>${jira}</td><td>${tab}</td><td class="why">as ${e(lead)}</td></tr>`;
    })
    .join('');
  const epics = ['ENG-101', 'ENG-227', 'PROD-31', 'PLAT-13'].map((k) => link(panel('epic', { issue: k }), k)).join(' · ');
  const actions = DEMO_ACTIONS.map(
    (a) => `<form class="inline" method="post" action="/actions">${tokenField(token)}<input type="hidden" name="action" value="${e(a.id)}"><button type="submit">${e(a.label)}</button></form><span class="why">${e(a.why)}</span><br>`,
  ).join('');
  const transition = `<form method="post" action="/actions">${tokenField(token)}<input type="hidden" name="action" value="transition">Move <input name="key" size="10" placeholder="ENG-142" required> to <select name="status">${STATUS_NAMES.map((s) => `<option>${e(s)}</option>`).join('')}</select> <button type="submit">Transition</button></form>`;
  const body = `<h1>okr-bridge, running locally</h1>
<p>${e(org.company.name)}'s ${e(org.cycle.id)} OKRs in a local Jira (emulator + Forge host) and a local Teams (service + Bot Connector emulator). Change Jira below and watch the panels, the tab and the channels follow.</p>
<h2>Jira panels and Teams tab views, per department</h2>
<table><tr><th></th><th>Jira (Forge host)</th><th>Teams tab</th><th></th></tr>${departments}
<tr><th>${e(org.company.name)}</th><td>${link(panel('company', {}), 'Company OKRs')} · ${link(panel('gadget', {}), 'dashboard gadget')} · ${link(panel('admin', {}), 'OKR settings (admin)')}</td><td>${link(tabUrl(urls.teams, 'review', '', ceo), 'review')} · ${link(tabUrl(urls.teams, 'dependencies', '', ceo), 'dependencies')}</td><td class="why">as ${e(ceo)}</td></tr></table>
<p>Epic panels: ${epics} (ENG-227 drives no key result yet: link it to one).</p>
<h2>Teams: what the bot sent</h2>
<p>${link('/conversations', `Conversations at the Bot Connector emulator`)} (${input.received} activities so far): alert cards, replies to commands, check-in cards; talk to the bot and click its buttons there. Or chat with it in the Microsoft 365 Agents Playground: <code>npm run playground</code>.</p>
<h2>Jira emulator: admin changes</h2>
<p class="why">Each change is pushed to the Forge host as a Jira event, as Jira Cloud does; panels show it on refresh, and a dependency that becomes blocked alerts the channels following either department.</p>
${actions}${transition}
<h2>Servers</h2>
<table><tr><td>Jira emulator (REST v3)</td><td>${link(urls.jira, urls.jira)}</td></tr><tr><td>Forge host (panels, web trigger)</td><td>${link(urls.forge, urls.forge)}</td></tr>
<tr><td>Teams service (bot, tab, events)</td><td>${link(`${urls.teams}/healthz`, urls.teams)}</td></tr><tr><td>Bot Connector emulator</td><td>${e(urls.connector)}</td></tr></table>`;
  return layout('okr-bridge: local stack', body, input.notes);
}

/** The conversations page: each conversation's activities, newest first, with a box to talk to the bot. */
export function renderConversations(input: { readonly conversations: readonly { readonly conversation: Conversation; readonly activities: readonly ShownActivity[] }[]; readonly token: string; readonly notes: readonly Note[] }): string {
  const sections = input.conversations
    .map(({ conversation, activities }) => {
      const say = `<form method="post" action="/conversations/say">${tokenField(input.token)}<input type="hidden" name="conversation" value="${e(conversation.id)}"><input name="text" size="40" placeholder="status · agenda · blocked · follow eng · help" required> <button type="submit">Send to the bot</button></form>`;
      const items = [...activities]
        .reverse()
        .map((a) => {
          const meta = `<div class="meta">${a.private ? 'only you can see this · ' : ''}${e(a.id)}${a.versions > 1 ? ` · updated ${a.versions - 1}×` : ''}${typeof a.activity.summary === 'string' ? ` · ${e(a.activity.summary)}` : ''}</div>`;
          const cards = ((a.activity.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined) ?? [])
            .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive' && x.content)
            .map((x) => renderCard(x.content!, { action: '/conversations/act', hidden: { token: input.token, conversation: conversation.id, activity: a.id } }))
            .join('');
          const text = typeof a.activity.text === 'string' && a.activity.text ? `<div class="card${a.private ? ' private' : ''}">${e(a.activity.text)}</div>` : '';
          return `${meta}${cards.replace(/class="card"/g, `class="card${a.private ? ' private' : ''}"`)}${text}`;
        })
        .join('');
      return `<section class="conv" id="${e(conversation.id)}"><h2>${e(conversation.name)} <span class="meta">${e(conversation.type)} · ${e(conversation.id)}</span></h2>${say}${items || '<p class="meta">Nothing yet.</p>'}</section>`;
    })
    .join('');
  return layout('okr-bridge: conversations', `<p>${link('/', '← start page')}</p><h1>Conversations at the Bot Connector emulator</h1><p class="why">You are Raj (raj@acme.example, Engineering’s owner) in the local Teams tenant. The conversation the bot wrote to last comes first; in each, the newest activity first.</p>${sections}`, input.notes);
}
