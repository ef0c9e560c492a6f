/**
 * Reads a JSON array of Adaptive Cards on stdin and writes, for each, the parse and validation
 * events of the `adaptivecards` library at schema version 1.5 (in a jsdom window). Run as its
 * own Node process: jsdom's dependencies are ES modules that jest's CommonJS runtime cannot load.
 */
const { JSDOM } = require('jsdom');

const { window } = new JSDOM('<!doctype html><html><body></body></html>');
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node']) {
  if (globalThis[name] === undefined) globalThis[name] = window[name];
}
const AC = require('adaptivecards/dist/adaptivecards.js');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const results = JSON.parse(input).map((json) => {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext(new AC.Version(1, 5));
    card.parse(json, context);
    const events = [];
    for (let i = 0; i < context.eventCount; i++) events.push(`parse: ${context.getEventAt(i).message}`);
    for (const e of card.validateProperties().validationEvents) events.push(`validate: ${e.message}`);
    if (json.version !== '1.5') events.push(`expected version 1.5, got ${String(json.version)}`);
    return events;
  });
  process.stdout.write(JSON.stringify(results));
});
