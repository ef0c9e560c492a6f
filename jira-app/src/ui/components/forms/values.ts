/** Form values (text, options) to payload values. */
export interface Choice {
  readonly label: string;
  readonly value: string;
}

/** "" → undefined, else the number (NaN stays NaN so the schema says "expected a number"). */
export function toNumber(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return Number(text);
}

/** "" → undefined, else the trimmed text. */
export function toText(text: unknown): string | undefined {
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** The chosen value of a single select. */
export function chosen(value: unknown): string | undefined {
  return value && typeof value === 'object' && 'value' in value ? String((value as Choice).value) : undefined;
}

/** An owner from a person picker (the chosen account id, or the text kept as typed), or typed text. */
export function chosenOwner(value: unknown): string | undefined {
  return chosen(value) ?? toText(value);
}

/** The chosen values of a multi select. */
export function chosenAll(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String((v as Choice).value)) : [];
}
