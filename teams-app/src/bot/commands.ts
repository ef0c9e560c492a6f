/**
 * The bot's commands, parsed from a message's text (mentions already removed). Anything not
 * understood becomes `unknown`, answered with help rather than silence.
 */

export type Command =
  | { readonly kind: 'status'; readonly department: string | null }
  | { readonly kind: 'agenda'; readonly scope: string | null }
  | { readonly kind: 'blocked' }
  | { readonly kind: 'checkin'; readonly department: string | null }
  | { readonly kind: 'follow'; readonly department: string }
  | { readonly kind: 'unfollow'; readonly department: string }
  | { readonly kind: 'connect'; readonly code: string }
  | { readonly kind: 'link'; readonly code: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'unknown'; readonly text: string; readonly reason: string };

/** Parses one message into a command. */
export function parseCommand(text: string): Command {
  const cleaned = text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
  const [word = '', ...rest] = cleaned.split(' ');
  const arg = rest.join(' ').trim();
  switch (word.toLowerCase()) {
    case 'status':
      return { kind: 'status', department: arg || null };
    case 'agenda':
      return { kind: 'agenda', scope: arg || null };
    case 'checkin':
    case 'check-in':
      return { kind: 'checkin', department: arg || null };
    case 'blocked':
      return arg ? { kind: 'unknown', text: cleaned, reason: '`blocked` takes no argument' } : { kind: 'blocked' };
    case 'follow':
    case 'unfollow':
      return arg ? { kind: word.toLowerCase() as 'follow' | 'unfollow', department: arg } : { kind: 'unknown', text: cleaned, reason: `expected \`${word.toLowerCase()} <department>\`` };
    case 'connect':
      return arg ? { kind: 'connect', code: arg } : { kind: 'unknown', text: cleaned, reason: 'expected `connect <code>` with the one-time code from OKR settings in Jira' };
    case 'link':
      return arg ? { kind: 'link', code: arg } : { kind: 'unknown', text: cleaned, reason: 'expected `link <code>` with the code from "Link Microsoft Teams" on a Jira OKR page' };
    case 'help':
    case '?':
      return { kind: 'help' };
    default:
      return { kind: 'unknown', text: cleaned, reason: cleaned ? `I did not understand "${cleaned.slice(0, 80)}".` : 'Type a command.' };
  }
}

/** Finds a department by id or name (case-insensitive); null when none or several match. */
export function resolveDepartment<D extends { readonly id: string; readonly name: string }>(departments: readonly D[], query: string): D | null {
  const q = query.trim().toLowerCase();
  const exact = departments.find((d) => d.id.toLowerCase() === q || d.name.toLowerCase() === q);
  if (exact) return exact;
  const partial = departments.filter((d) => d.name.toLowerCase().startsWith(q));
  return partial.length === 1 ? partial[0]! : null;
}
