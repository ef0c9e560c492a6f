/** The host's front page: links to every panel with example contexts from the Acme demo. */
import type { PanelName } from './context';

const EXAMPLES: Readonly<Record<PanelName, readonly string[]>> = {
  department: ['?project=ENG', '?project=ENG&theme=dark', '?project=SALES&accountId=grace@acme.example'],
  epic: ['?issue=ENG-101', '?issue=ENG-101&theme=dark'],
  company: ['', '?theme=dark'],
  gadget: ['', '?mode=edit', '?theme=dark'],
  admin: ['', '?theme=dark'],
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A plain HTML page (no script). */
export function renderIndexPage(panels: readonly PanelName[]): string {
  const items = panels
    .map((p) => `<li><strong>${p}</strong>: ${EXAMPLES[p].map((q) => `<a href="/panels/${p}/${escape(q)}">/panels/${p}/${escape(q)}</a>`).join(' · ')}</li>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>okr-bridge: local Forge host</title></head><body>
<h1>okr-bridge: local Forge host</h1>
<p>Each panel takes its Forge context from the query: <code>project</code>, <code>issue</code>, <code>accountId</code>, <code>theme</code> (light, dark), <code>gadget</code> and <code>mode</code> (view, edit).</p>
<ul>
${items}
</ul>
</body></html>`;
}
