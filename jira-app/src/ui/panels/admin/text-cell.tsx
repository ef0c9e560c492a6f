/**
 * Labelled text fields for the admin editors. `TextCell` edits a string; `ParsedCell` edits a
 * value shown as text (a list, a number): it keeps what is typed, so "ENG, " or "0." can be
 * typed on the way to "ENG, PLAT" or "0.75", and reports the parsed value on every change.
 */
import { useEffect, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { Box } from '@atlaskit/primitives/compiled';

interface CellProps {
  readonly id: string;
  readonly label: string;
  readonly hideLabel?: boolean;
  readonly width?: number;
  readonly type?: 'text' | 'date';
}

function Field({ id, label, hideLabel, width, type = 'text', text, onText }: CellProps & { readonly text: string; readonly onText: (t: string) => void }) {
  return (
    <Box style={{ width: width ?? 'auto', minWidth: 80 }}>
      {!hideLabel && (
        <label htmlFor={id} style={{ display: 'block', fontSize: 12, fontWeight: 600 }}>
          {label}
        </label>
      )}
      <Textfield id={id} aria-label={label} value={text} type={type} onChange={(e) => onText((e.target as HTMLInputElement).value)} isCompact />
    </Box>
  );
}

/** A string field. */
export function TextCell(props: CellProps & { readonly value: string; readonly onChange: (v: string) => void }) {
  return <Field {...props} text={props.value} onText={props.onChange} />;
}

/** A field for a value of type T written as text; `format(parse(t))` need not give back `t`. */
export function ParsedCell<T>(props: CellProps & { readonly value: T; readonly format: (v: T) => string; readonly parse: (t: string) => T; readonly onChange: (v: T) => void }) {
  const { value, format, parse, onChange } = props;
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    // A change from outside (discard, another field) shows; one that came from this text does not move the cursor.
    if (format(parse(text)) !== format(value)) setText(format(value));
  }, [value]);
  return (
    <Field
      {...props}
      text={text}
      onText={(t) => {
        setText(t);
        onChange(parse(t));
      }}
    />
  );
}

/** Comma-separated text ⇄ list. */
export const listFormat = {
  format: (v: readonly string[] | undefined) => (v ?? []).join(', '),
  parse: (t: string) =>
    t
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
};

/** Text ⇄ number (NaN when not a number, so saving says what is expected). */
export const numberFormat = {
  format: (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v)),
  parse: (t: string) => (t.trim() === '' ? Number.NaN : Number(t)),
};
