/**
 * A picture of an Adaptive Card as Teams draws it: the card JSON rendered in headless Chromium
 * by the `adaptivecards` library (the renderer Teams' own derives from) at schema 1.5, with
 * markdown by markdown-it (the processor the library picks up itself) and a host config with
 * Teams' light theme values (Segoe UI and its fallbacks, 12/14/18/24/32 px, Fluent colours).
 * Teams turns `<at>Name</at>` into a highlighted mention; so does this page. For docs pictures.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT } from '../../dev/start/build';

const FONT = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif";
const color = (normal: string, subtle: string) => ({ default: normal, subtle });
/** Teams' light text colours, the same on the default and emphasis containers. */
const FOREGROUND = {
  default: color('#242424', '#616161'),
  dark: color('#242424', '#424242'),
  light: color('#FFFFFF', '#F5F5F5'),
  accent: color('#5B5FC7', '#4F52B2'),
  good: color('#0E700E', '#107C10'),
  warning: color('#835B00', '#8A3707'),
  attention: color('#C4314B', '#B10E1C'),
};

/** Teams' light theme, as a host config of the `adaptivecards` library. */
export const TEAMS_LIGHT_HOST_CONFIG = {
  supportsInteractivity: true,
  fontTypes: {
    default: { fontFamily: FONT, fontSizes: { small: 12, default: 14, medium: 18, large: 24, extraLarge: 32 }, fontWeights: { lighter: 300, default: 400, bolder: 600 } },
    monospace: { fontFamily: "Consolas, 'Courier New', monospace", fontSizes: { small: 12, default: 14, medium: 18, large: 24, extraLarge: 32 }, fontWeights: { lighter: 300, default: 400, bolder: 600 } },
  },
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: FOREGROUND,
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: FOREGROUND,
    },
    accent: { backgroundColor: '#E8EBFA' },
    good: { backgroundColor: '#F1FAF1' },
    warning: { backgroundColor: '#FFF9F5' },
    attention: { backgroundColor: '#FDF3F4' },
  },
  actions: { maxActions: 6, spacing: 'Default', buttonSpacing: 8, showCard: { actionMode: 'Inline', inlineTopMargin: 16 }, actionsOrientation: 'Horizontal', actionAlignment: 'Left' },
  adaptiveCard: { allowCustomStyle: true },
  factSet: { title: { weight: 'Bolder', size: 'Default', color: 'Default', wrap: true, maxWidth: 150 }, value: { size: 'Default', color: 'Default', wrap: true }, spacing: 16 },
  textBlock: { headingLevel: 2 },
};

/** The page the card is drawn on: Teams' message background, its button look, its mentions. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; background: #F5F5F5; font-family: ${FONT}; }
  #card { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,.14), 0 0 2px rgba(0,0,0,.12); overflow: hidden; }
  .ac-pushButton { font-family: ${FONT}; font-size: 14px; font-weight: 600; color: #242424; background: #FFFFFF; border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; cursor: pointer; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .mention { color: #5B5FC7; font-weight: 600; }
  p { margin: 0; }
</style></head><body><div id="card"></div></body></html>`;

/** Renders `card` at `width` CSS px for a reader in en-GB, UTC, and writes a PNG of it to `path`. */
export async function cardPicture(browser: Browser, card: unknown, path: string, width: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width: width + 32, height: 600 }, locale: 'en-GB', timezoneId: 'UTC' });
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(PAGE);
    await page.addScriptTag({ path: join(REPO_ROOT, 'node_modules', 'markdown-it', 'dist', 'markdown-it.min.js') });
    await page.addScriptTag({ path: join(REPO_ROOT, 'node_modules', 'adaptivecards', 'dist', 'adaptivecards.min.js') });
    const problems = await page.evaluate(
      ({ json, hostConfig }) => {
        const w = window as unknown as { AdaptiveCards: any; markdownit: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
        const AC = w.AdaptiveCards;
        const md = w.markdownit();
        // Markdown as Teams reads it, then each <at>Name</at> as a mention.
        AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess: boolean }) => {
          result.outputHtml = md.render(text).replace(/&lt;at&gt;(.*?)&lt;\/at&gt;/g, '<span class="mention">$1</span>');
          result.didProcess = true;
        };
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext(new AC.Version(1, 5));
        // No card lang: DATE() and TIME() then read the page's locale (en-GB), as for a Teams reader.
        adaptive.parse(json, context);
        const events: string[] = [];
        for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
        const element = adaptive.render();
        if (!element) return ['the card rendered nothing'];
        document.getElementById('card')!.appendChild(element);
        return events;
      },
      { json: card, hostConfig: TEAMS_LIGHT_HOST_CONFIG },
    );
    if (errors.length || problems.length) throw new Error(`the card did not render cleanly: ${[...errors, ...problems].join('; ')}`);
    await page.locator('body').screenshot({ path, animations: 'disabled' });
  } finally {
    await page.close();
  }
}
