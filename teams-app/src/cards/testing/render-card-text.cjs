/**
 * Reads `{ lang, cards }` as JSON on stdin and writes, for each card, the text the
 * `adaptivecards` library renders (in a jsdom window) with the card's `lang` set: what a reader
 * sees once DATE() and TIME() are replaced in their locale. The time zone is the process's
 * (`TZ`). Its own Node process for the reason validate-cards.cjs gives.
 */
const { JSDOM } = require('jsdom');

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'HTMLButtonElement', 'HTMLInputElement', 'HTMLTextAreaElement', 'Node', 'Element']) {
  if (globalThis[name] === undefined) globalThis[name] = window[name];
}
// jsdom has no innerText (layout-dependent); for text it is textContent.
Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
  configurable: true,
  get() {
    return this.textContent;
  },
  set(value) {
    this.textContent = value;
  },
});
const AC = require('adaptivecards/dist/adaptivecards.js');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const { lang, cards } = JSON.parse(input);
  const texts = cards.map((json) => {
    const card = new AC.AdaptiveCard();
    card.parse({ ...json, lang }, new AC.SerializationContext(new AC.Version(1, 5)));
    const element = card.render();
    return element ? element.textContent : '';
  });
  process.stdout.write(JSON.stringify(texts));
});
