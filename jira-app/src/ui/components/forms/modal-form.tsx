/**
 * A form in a modal: Atlaskit Form with a submit that calls a resolver. A failed call puts
 * each issue on the field it names (the last path segment that is a field) and the rest in
 * a message above the fields, so nothing the server said is lost.
 */
import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import Form from '@atlaskit/form';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Notice } from '../notice';
import type { ResolverError } from '../../../contract';
import { splitErrors } from './form-errors';

export interface ModalFormProps<V extends Record<string, unknown>> {
  readonly title: string;
  readonly submitLabel: string;
  /** Field names the server's issues may point at. */
  readonly fields: readonly string[];
  readonly onClose: () => void;
  /** Resolves null on success (the modal then closes) or with the error to show. */
  readonly onSubmit: (values: V) => Promise<ResolverError | null>;
  readonly children: ReactNode;
  readonly testId?: string;
}

/** The modal with its form; closes itself after a successful submit. */
export function ModalForm<V extends Record<string, unknown>>({ title, submitLabel, fields, onClose, onSubmit, children, testId }: ModalFormProps<V>) {
  const [messages, setMessages] = useState<readonly string[]>([]);
  const submit = async (values: V) => {
    const error = await onSubmit(values);
    if (!error) {
      onClose();
      return undefined;
    }
    const { byField, rest } = splitErrors(error, fields);
    setMessages(rest);
    return byField;
  };
  return (
    <ModalDialog onClose={onClose} width="medium" testId={testId} shouldScrollInViewport>
      <Form<V> onSubmit={submit} label={title}>
        {({ formProps, submitting }) => (
          // The fields say what is wrong under themselves (the org schema's rules, on submit), not in the browser's bubble.
          <form {...formProps} noValidate>
            <ModalHeader>
              <ModalTitle>{title}</ModalTitle>
            </ModalHeader>
            <ModalBody>
              {messages.length > 0 && (
                <Notice appearance="error" title="Not saved">
                  {messages.map((m) => (
                    <p key={m}>{m}</p>
                  ))}
                </Notice>
              )}
              {children}
            </ModalBody>
            <ModalFooter>
              <Button appearance="subtle" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" isLoading={submitting}>
                {submitLabel}
              </Button>
            </ModalFooter>
          </form>
        )}
      </Form>
    </ModalDialog>
  );
}
