import { useId, type ReactElement, cloneElement } from 'react';

interface FieldProps {
  readonly label: string;
  readonly error?: string | undefined;
  readonly help?: string | undefined;
  /** The single input, select or textarea this field labels; it receives id and ARIA links. */
  readonly children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}

/** A labelled control with its help text and its error, both tied to the control for screen readers. */
export function Field({ label, error, help, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [error === undefined ? null : errorId, help === undefined ? null : helpId].filter(Boolean).join(' ');
  return (
    <div className="sh-field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error !== undefined, ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }) })}
      {help === undefined ? null : <span id={helpId} className="sh-field-help">{help}</span>}
      {error === undefined ? null : <span id={errorId} className="sh-field-error">{error}</span>}
    </div>
  );
}
