/** Numbers as the explanation sentences print them. */

/** `x` rounded to at most two decimals, without trailing zeros: 34, 7.5, 0.33. */
export function formatNumber(x: number): string {
  const rounded = Math.round(x * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** Up to `max` items joined with commas, then "and N more <noun>". */
export function formatList(items: readonly string[], max: number, noun: string): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more ${noun}`;
}
