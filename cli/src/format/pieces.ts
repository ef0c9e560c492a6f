/**
 * Output gathered into pieces of about `PIECE_CHARS` characters before each write: a huge
 * report goes out as it is made, never held as one string, in a few hundred writes.
 */
export const PIECE_CHARS = 1 << 16;

export interface PieceWriter {
  readonly put: (text: string) => void;
  /** Writes what is left. */
  readonly end: () => void;
}

export function pieceWriter(write: (text: string) => void): PieceWriter {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (size > 0) write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    put: (text) => {
      parts.push(text);
      size += text.length;
      if (size >= PIECE_CHARS) flush();
    },
    end: flush,
  };
}
