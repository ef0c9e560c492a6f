/**
 * A small Adaptive Card to HTML renderer for the start page's view of what the bot sent: text
 * blocks (the markdown cards use: bold, links, escapes), fact sets, containers, column sets,
 * inputs as form fields and actions as buttons. Every text is HTML-escaped; only http(s) links
 * become anchors. Not a full renderer: unknown elements show their type.
 */

type Json = Record<string, unknown>;

export interface CardAction {
  readonly type: string;
  readonly title: string;
  readonly verb?: string;
  readonly data?: Json;
  readonly url?: string;
}

export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/**
 * The DATE() and TIME() functions of card text written out as Teams does for its reader (the
 * same patterns the Adaptive Cards renderer takes; the start page's reader reads en-GB, UTC).
 */
export function applyDateFunctions(text: string, viewer: { locale: string; timeZone: string } = { locale: 'en-GB', timeZone: 'UTC' }): string {
  const instant = '(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:Z|[+-]\\d{2}:\\d{2}))';
  const date = new RegExp(`\\{\\{DATE\\(${instant}(?:, ?(COMPACT|SHORT|LONG))?\\)\\}\\}`, 'g');
  const time = new RegExp(`\\{\\{TIME\\(${instant}\\)\\}\\}`, 'g');
  return text
    .replace(date, (_m, at: string, format?: string) => {
      const style = format === 'LONG' ? 'long' : 'short';
      const options: Intl.DateTimeFormatOptions = format && format !== 'COMPACT' ? { weekday: style, day: 'numeric', month: style, year: 'numeric' } : { dateStyle: 'short' };
      return new Intl.DateTimeFormat(viewer.locale, { ...options, timeZone: viewer.timeZone }).format(Date.parse(at));
    })
    .replace(time, (_m, at: string) => new Intl.DateTimeFormat(viewer.locale, { hour: 'numeric', minute: '2-digit', timeZone: viewer.timeZone }).format(Date.parse(at)));
}

/** Adaptive Card markdown (bold, [links](https://…), backslash escapes) to safe HTML; DATE() and TIME() written out. */
export function markdownToHtml(text: string): string {
  text = applyDateFunctions(text);
  const tokens: string[] = [];
  // Placeholders from Unicode's private use area, which card text does not carry.
  const keep = (html: string) => `\uE000${tokens.push(html) - 1}\uE001`;
  let s = text.replace(/\\([\\*_[\]`>#])/g, (_m, c: string) => keep(escapeHtml(c)));
  s = s.replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => keep(`<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`));
  s = escapeHtml(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
  return s.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => tokens[Number(i)] ?? '').replace(/\n/g, '<br>');
}

/** Every element of the card's body, depth first (containers, columns, action sets). */
function walk(elements: Json[], visit: (e: Json) => void): void {
  for (const e of elements) {
    visit(e);
    walk(asArray(e.items), visit);
    for (const column of asArray(e.columns)) walk(asArray(column.items), visit);
  }
}

/** The card's actions in a fixed order (action sets in the body first, then the card's own), so a button's index names it. */
export function collectActions(card: Json): CardAction[] {
  const raw: Json[] = [];
  walk(asArray(card.body), (e) => {
    if (e.type === 'ActionSet') raw.push(...asArray(e.actions));
  });
  raw.push(...asArray(card.actions));
  return raw.map((a) => ({ type: str(a.type), title: str(a.title), ...(a.verb ? { verb: str(a.verb) } : {}), ...(a.data && typeof a.data === 'object' ? { data: a.data as Json } : {}), ...(a.url ? { url: str(a.url) } : {}) }));
}

/** The ids of the card's inputs with their default values. */
export function collectInputs(card: Json): { readonly id: string; readonly type: string; readonly value: string }[] {
  const inputs: { id: string; type: string; value: string }[] = [];
  walk(asArray(card.body), (e) => {
    if (str(e.type).startsWith('Input.') && e.id) inputs.push({ id: str(e.id), type: str(e.type), value: str(e.value) });
  });
  return inputs;
}

function renderInput(e: Json): string {
  const id = `input.${str(e.id)}`;
  const label = e.label ? `<span class="label">${escapeHtml(str(e.label))}</span>` : '';
  const value = str(e.value);
  switch (e.type) {
    case 'Input.ChoiceSet': {
      const chosen = new Set(value.split(',').filter(Boolean));
      const choices = asArray(e.choices);
      if (e.isMultiSelect) {
        return `<fieldset>${label}${choices.map((c) => `<label><input type="checkbox" name="${escapeHtml(id)}" value="${escapeHtml(str(c.value))}"${chosen.has(str(c.value)) ? ' checked' : ''}> ${escapeHtml(str(c.title))}</label>`).join(' ')}</fieldset>`;
      }
      return `<label>${label}<select name="${escapeHtml(id)}">${choices.map((c) => `<option value="${escapeHtml(str(c.value))}"${chosen.has(str(c.value)) ? ' selected' : ''}>${escapeHtml(str(c.title))}</option>`).join('')}</select></label>`;
    }
    case 'Input.Toggle':
      return `<label><input type="checkbox" name="${escapeHtml(id)}" value="${escapeHtml(str(e.valueOn ?? 'true'))}"${value === str(e.valueOn ?? 'true') ? ' checked' : ''}> ${escapeHtml(str(e.title))}</label>`;
    case 'Input.Text':
      return e.isMultiline
        ? `<label>${label}<textarea name="${escapeHtml(id)}" rows="2">${escapeHtml(value)}</textarea></label>`
        : `<label>${label}<input type="text" name="${escapeHtml(id)}" value="${escapeHtml(value)}"></label>`;
    default:
      return `<label>${label}<input type="${e.type === 'Input.Number' ? 'number" step="any' : 'text'}" name="${escapeHtml(id)}" value="${escapeHtml(value)}"></label>`;
  }
}

function renderElement(e: Json): string {
  switch (e.type) {
    case 'TextBlock': {
      const classes = ['tb', e.weight === 'Bolder' ? 'bold' : '', e.size ? `size-${str(e.size).toLowerCase()}` : '', e.color ? `color-${str(e.color).toLowerCase()}` : '', e.isSubtle ? 'subtle' : ''].filter(Boolean);
      return `<div class="${classes.join(' ')}">${markdownToHtml(str(e.text))}</div>`;
    }
    case 'FactSet':
      return `<dl class="facts">${asArray(e.facts).map((f) => `<dt>${markdownToHtml(str(f.title))}</dt><dd>${markdownToHtml(str(f.value))}</dd>`).join('')}</dl>`;
    case 'Container':
      return `<div class="container${e.style ? ` style-${escapeHtml(str(e.style))}` : ''}">${asArray(e.items).map(renderElement).join('')}</div>`;
    case 'ColumnSet':
      return `<div class="columns">${asArray(e.columns).map((c) => `<div class="column">${asArray(c.items).map(renderElement).join('')}</div>`).join('')}</div>`;
    case 'ActionSet':
      return ''; // rendered with the card's actions
    default:
      return str(e.type).startsWith('Input.') ? renderInput(e) : `<div class="unknown">[${escapeHtml(str(e.type))}]</div>`;
  }
}

/** The card's HTML; with `form`, a form whose buttons post the action's index and the inputs to `form.action`. */
export function renderCard(card: Json, form: { readonly action: string; readonly hidden: Readonly<Record<string, string>> } | null): string {
  const body = asArray(card.body).map(renderElement).join('');
  const actions = collectActions(card)
    .map((a, i) => {
      if (a.type === 'Action.OpenUrl' && /^https?:\/\//.test(a.url ?? '')) return `<a class="button" href="${escapeHtml(a.url!)}">${escapeHtml(a.title)}</a>`;
      if ((a.type === 'Action.Execute' || a.type === 'Action.Submit') && form) return `<button type="submit" name="action" value="${i}">${escapeHtml(a.title)}</button>`;
      return `<span class="button disabled">${escapeHtml(a.title)}</span>`;
    })
    .join(' ');
  const inner = `${body}${actions ? `<div class="actions">${actions}</div>` : ''}`;
  if (!form) return `<div class="card">${inner}</div>`;
  const hidden = Object.entries(form.hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<form class="card" method="post" action="${escapeHtml(form.action)}">${hidden}${inner}</form>`;
}
