import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { cloneElement, type ReactElement, useId } from 'react';

interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly help?: string | undefined;
  /** The single control this field labels (a Textfield, select or textarea); it receives id and ARIA links. */
  readonly children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string; isInvalid?: boolean }>;
}

/**
 * A labelled control with its help text and its error, drawn with Atlassian's form label and messages and tied to the
 * control for screen readers. The forms keep their own state and checks (zod), so Atlaskit's final-form `Field` and
 * `Form` are not used.
 */
export function Field({ label, error, help, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [error === undefined ? null : errorId, help === undefined ? null : helpId].filter(Boolean).join(' ');
  return (
    <div className="sh-field">
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, {
        id,
        // A Textfield draws its own invalid state and sets `aria-invalid` from `isInvalid`; native controls take the attribute.
        ...(children.type === Textfield ? { isInvalid: error !== undefined } : { 'aria-invalid': error !== undefined }),
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
      })}
      {help === undefined ? null : (
        <span id={helpId} className="sh-field-help">
          <HelperMessage>{help}</HelperMessage>
        </span>
      )}
      {error === undefined ? null : (
        <span id={errorId} className="sh-field-error">
          <ErrorMessage>{error}</ErrorMessage>
        </span>
      )}
    </div>
  );
}
