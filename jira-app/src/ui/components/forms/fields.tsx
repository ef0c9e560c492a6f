/** Labelled form fields over Atlaskit Form: text, number, select and multi-line text. */
import { Field, ErrorMessage, HelperMessage } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { Choice } from './values';

export type { Choice } from './values';

interface Common {
  readonly name: string;
  readonly label: string;
  readonly isRequired?: boolean;
  readonly helper?: string;
}

function Messages({ error, helper }: { readonly error: string | undefined; readonly helper: string | undefined }) {
  return (
    <>
      {helper && !error && <HelperMessage>{helper}</HelperMessage>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </>
  );
}

/** What a required field says when left empty: shown under it, not in the browser's bubble. */
export const requiredMessage = (label: string) => `${label} is required.`;

/**
 * A text (or number) input. `check` sees the value and the whole form's values and answers
 * the message to show under the field, if any; Atlaskit Form runs it on submit.
 */
export function TextInput({
  name,
  label,
  isRequired,
  helper,
  defaultValue = '',
  type = 'text',
  check,
}: Common & { readonly defaultValue?: string; readonly type?: 'text' | 'number'; readonly check?: (value: string, values: Readonly<Record<string, unknown>>) => string | undefined }) {
  const validate = (value: string | undefined, formState: object) => {
    if (isRequired && !value?.trim()) return requiredMessage(label);
    return check?.(value ?? '', formState as Readonly<Record<string, unknown>>);
  };
  return (
    <Field<string> name={name} label={label} isRequired={isRequired ?? false} defaultValue={defaultValue} validate={validate}>
      {({ fieldProps, error }) => (
        <>
          <TextField {...fieldProps} type={type} step={type === 'number' ? 'any' : undefined} />
          <Messages error={error} helper={helper} />
        </>
      )}
    </Field>
  );
}

/** A multi-line text input (a plain textarea styled with tokens: Atlaskit's textarea is not a dependency). */
export function TextArea({ name, label, isRequired, helper, defaultValue = '', rows = 3 }: Common & { readonly defaultValue?: string; readonly rows?: number }) {
  return (
    <Field<string, HTMLTextAreaElement> name={name} label={label} isRequired={isRequired ?? false} defaultValue={defaultValue}>
      {({ fieldProps, error }) => (
        <>
          <textarea
            {...fieldProps}
            rows={rows}
            style={{ width: '100%', boxSizing: 'border-box', font: token('font.body'), color: token('color.text'), background: token('color.background.input'), border: `1px solid ${token('color.border.input')}`, borderRadius: 3, padding: 6 }}
          />
          <Messages error={error} helper={helper} />
        </>
      )}
    </Field>
  );
}

/** A select of `choices`; its value is the chosen option (or options, when `isMulti`). */
export function ChoiceInput({ name, label, isRequired, helper, choices, defaultValue, isMulti }: Common & { readonly choices: readonly Choice[]; readonly defaultValue?: Choice | readonly Choice[] | null; readonly isMulti?: boolean }) {
  return (
    <Field<Choice | readonly Choice[] | null> name={name} label={label} isRequired={isRequired ?? false} defaultValue={defaultValue ?? (isMulti ? [] : null)}>
      {({ fieldProps: { id, ...rest }, error }) => (
        <>
          <Select<Choice, boolean> {...(rest as object)} inputId={id} options={[...choices]} isMulti={isMulti ?? false} isClearable={!isRequired} />
          <Messages error={error} helper={helper} />
        </>
      )}
    </Field>
  );
}
