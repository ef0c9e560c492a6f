import { buildDepartmentView, departmentViewSchema, evaluateOrg } from '@okr-bridge/core';
import { loadAcmeExample } from '../forge-webtrigger';
import { buildAlertCard } from '../../teams-app/src/cards/alert-card';
import { buildCheckInCard } from '../../teams-app/src/cards/interaction-cards';
import { collectActions, collectInputs, markdownToHtml, renderCard } from './card-html';

const dependency = {
  id: 'dep-launch-specs',
  title: 'Final <b>spec</b> & notes',
  state: 'blocked',
  stateLabel: 'Blocked',
  reason: 'PROD-58: status is Blocked',
  due: '2026-11-19',
  needs: { department: 'mkt', departmentName: 'Marketing', kr: 'mkt-o2-kr1', krTitle: 'Launch content', owner: 'ivan@acme.example' },
  provider: { department: 'prod', departmentName: 'Product', owners: ['sofia@acme.example'] },
  deliverables: [{ key: 'PROD-58', url: 'https://acme.atlassian.net/browse/PROD-58', state: 'blocked', status: 'Blocked', reasons: [] }],
  companyObjectivesAtRisk: [],
} as unknown as Parameters<typeof buildAlertCard>[0];

describe('rendering Adaptive Cards for the start page', () => {
  it('keeps the markdown cards use and escapes everything else', () => {
    expect(markdownToHtml('**Blocked** [PROD-58](https://acme.atlassian.net/browse/PROD-58) \\*not bold\\* <script>')).toBe(
      '<strong>Blocked</strong> <a href="https://acme.atlassian.net/browse/PROD-58">PROD-58</a> *not bold* &lt;script&gt;',
    );
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))');
  });

  it('renders the alert card: heading, facts, links and one button per Action.Execute, user text escaped', () => {
    const card = buildAlertCard(dependency, { since: '2026-11-26T02:33:00Z' }) as unknown as Record<string, unknown>;
    const html = renderCard(card, { action: '/conversations/act', hidden: { conversation: '19:c', activity: 'act-1' } });
    expect(html).toContain('<div class="tb bold size-medium color-attention">Blocked: Final &lt;b&gt;spec&lt;/b&gt; &amp; notes</div>');
    expect(html).toContain('<dt>Blocked since</dt><dd>2026-11-26 02:33 UTC</dd>');
    expect(html).toContain('<input type="hidden" name="activity" value="act-1">');
    expect(collectActions(card).map((a) => [a.type, a.title, a.verb ?? a.url])).toEqual([
      ['Action.Execute', 'Acknowledge', 'acknowledge'],
      ['Action.OpenUrl', 'Open in Jira', 'https://acme.atlassian.net/browse/PROD-58'],
      ['Action.Execute', 'Add to agenda', 'add-to-agenda'],
    ]);
    expect(html).toContain('<button type="submit" name="action" value="0">Acknowledge</button> <a class="button" href="https://acme.atlassian.net/browse/PROD-58">Open in Jira</a> <button type="submit" name="action" value="2">Add to agenda</button>');
  });

  it('renders a check-in card\'s inputs as form fields named after their ids, defaults chosen', () => {
    const { org, issues } = loadAcmeExample();
    const mkt = departmentViewSchema.parse(buildDepartmentView(org, evaluateOrg(org, issues, { at: '2026-11-15' }), 'mkt'));
    const krs = mkt.objectives.flatMap((o) => o.keyResults);
    const card = buildCheckInCard({ id: 'mkt', name: 'Marketing' }, krs, { kr: 'mkt-o1-kr1' }) as unknown as Record<string, unknown>;
    expect(collectInputs(card)).toEqual([
      { id: 'value', type: 'Input.Number', value: '' },
      { id: 'confidence', type: 'Input.ChoiceSet', value: 'medium' },
      { id: 'note', type: 'Input.Text', value: '' },
      { id: 'decision', type: 'Input.Text', value: '' },
    ]);
    const html = renderCard(card, null);
    expect(html).toContain('Now 520 leads (from 0 to 900 leads):');
    expect(html).toContain('<input type="number" step="any" name="input.value" value="">');
    expect(html).toContain('<span class="button disabled">Check in</span>');
  });
});
