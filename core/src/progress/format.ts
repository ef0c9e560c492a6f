/** Numbers as the explanation sentences print them. */

/** `x` rounded to at most two decimals, without trailing zeros: 34, 7.5, 0.33. */
export function formatNumber(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * The parts written one after the other, as one flat string. A template literal or `+` leaves
 * a tree of its parts (in V8 about twice the memory of the text); a sentence kept for every key
 * result of a large org is built flat with this instead.
 */
export function joinText(...parts: readonly (string | number)[]): string {
  return parts.join('');
}

/**
 * `text` kept as one flat string. Reading a character of a string built by `+` or a template
 * makes V8 copy it into one piece in place, and the tree of its parts becomes garbage: for the
 * sentences kept for every key result, objective or finding of a large org.
 */
export function flatText(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Up to `max` items joined with commas, then "and N more <noun>". */
export function formatList(items: readonly string[], max: number, noun: string): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more ${noun}`;
}
