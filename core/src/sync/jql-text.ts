/**
 * JQL text handling for queries outside the subset `core/src/jql` parses (Jira accepts more:
 * `labels`, `sprint`, functions…): whitespace normalization outside quoted strings and cutting
 * a top-level `ORDER BY`, so that such queries can still be deduplicated; and writing an
 * instant the way JQL reads dates. Everything else is left as written (Jira validates it).
 */
/** Splits `text` into spans outside and inside quoted strings ('…' or "…", backslash escapes). */
function spans(text: string): { quoted: boolean; text: string }[] {
  const out: { quoted: boolean; text: string }[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        out.push({ quoted: true, text: text.slice(start, i + 1) });
        start = i + 1;
        quote = null;
      }
    } else if (c === '"' || c === "'") {
      if (i > start) out.push({ quoted: false, text: text.slice(start, i) });
      start = i;
      quote = c;
    }
  }
  if (start < text.length) out.push({ quoted: quote !== null, text: text.slice(start) });
  return out;
}

/** Trims and collapses runs of whitespace outside quoted strings, and drops a top-level `ORDER BY`. */
export function normalizeJqlText(text: string): string {
  const parts = spans(text);
  let out = '';
  for (const part of parts) {
    if (part.quoted) {
      out += part.text;
      continue;
    }
    const collapsed = part.text.replace(/\s+/g, ' ');
    const order = /(^| )order by\b/i.exec(collapsed);
    if (order) {
      out += collapsed.slice(0, order.index);
      return out.trim();
    }
    out += collapsed;
  }
  return out.trim();
}
