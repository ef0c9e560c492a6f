/**
 * Parses cards with the `adaptivecards` library (the renderer Teams' own derives from) at
 * schema version 1.5 and returns each card's parse and validation events: an empty list means
 * the card is valid 1.5. The library runs in a child Node process (see validate-cards.cjs).
 * For tests only.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** One list of events per card, in order. */
export function validateAdaptiveCards(cards: readonly unknown[]): string[][] {
  const out = execFileSync(process.execPath, [join(__dirname, 'validate-cards.cjs')], { input: JSON.stringify(cards), maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as string[][];
}

/** The text each card shows a reader in `lang` and the IANA `timeZone`, as the `adaptivecards` library renders it. */
export function renderCardTexts(cards: readonly unknown[], viewer: { lang: string; timeZone: string }): string[] {
  const out = execFileSync(process.execPath, [join(__dirname, 'render-card-text.cjs')], {
    input: JSON.stringify({ lang: viewer.lang, cards }),
    env: { ...process.env, TZ: viewer.timeZone },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as string[];
}
