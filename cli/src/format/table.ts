/**
 * Plain-text tables for the terminal: columns padded to their widest cell, up to
 * `MAX_PAD_WIDTH`; a longer cell runs past its column instead of widening it, and the last
 * column is never padded. So the output grows with the text, never with rows × widest cell.
 */
export const MAX_PAD_WIDTH = 60;

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const out: string[] = [];
  writeTable(header, rows, align, (line) => out.push(line));
  return out.join('\n');
}

/** The lines of the table, one at a time (no line ends): a table of 40,000 rows is never one string. */
export function writeTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[], emit: (line: string) => void): void {
  writeTableRows(header, (visit) => rows.forEach((row) => visit(row)), align, emit);
}

/**
 * `writeTable` over rows made as they are visited: `eachRow` is called twice (the widths, then
 * the lines), so a long table's rows are never held all at once.
 */
export function writeTableRows(header: readonly string[], eachRow: (visit: (row: readonly string[]) => void) => void, align: readonly ('l' | 'r')[], emit: (line: string) => void): void {
  const widths = header.map((h) => Math.min(h.length, MAX_PAD_WIDTH));
  eachRow((row) => {
    for (let c = 0; c < widths.length; c++) {
      const n = (row[c] ?? '').length;
      if (n > widths[c]! && n <= MAX_PAD_WIDTH) widths[c] = n;
    }
  });
  const last = header.length - 1;
  const line = (cells: readonly string[]) => {
    let out = '';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c]!;
      if (c > 0) out += '  ';
      out += c === last ? cell : align[c] === 'r' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!);
    }
    return out.trimEnd();
  };
  emit(line(header));
  emit(line(widths.map((w) => '─'.repeat(w))));
  eachRow((row) => emit(line(row)));
}
