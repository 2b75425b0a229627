import { useEffect, useRef, type ReactNode } from 'react';

interface FormProps {
  readonly label: string;
  readonly className?: string;
  readonly onSubmit: () => void;
  /** Puts the keyboard in the first field when the form appears (a form the user just asked for). */
  readonly focusOnOpen?: boolean;
  /** Changes when the server answers with an error: the keyboard goes to the first field it names, or to its message. */
  readonly serverError?: unknown;
  readonly children: ReactNode;
}

const FIELDS = 'input:not([type="hidden"]):not([readonly]), select, textarea';

/** The first field the form marks invalid, else its error message: where the keyboard goes after a failed submit. */
function focusFirstProblem(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
}

/**
 * A named form (a landmark for screen readers) that submits in the page, never by navigating the frame, and keeps the
 * keyboard where the user needs it: in its first field when it opens, on the first problem after a failed submit.
 */
export function Form({ label, className = 'sh-stack', onSubmit, focusOnOpen = false, serverError, children }: FormProps) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusOnOpen) form.current?.querySelector<HTMLElement>(FIELDS)?.focus();
  }, [focusOnOpen]);
  useEffect(() => {
    if (serverError !== undefined && serverError !== null) focusFirstProblem(form.current);
  }, [serverError]);
  return (
    <form
      ref={form}
      className={className}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
        // After React has shown what the submit found.
        setTimeout(() => focusFirstProblem(form.current), 0);
      }}
    >
      {children}
    </form>
  );
}
