import type { ReactNode } from 'react';

interface FormProps {
  readonly label: string;
  readonly className?: string;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}

/** A named form (a landmark for screen readers) that submits in the page, never by navigating the frame. */
export function Form({ label, className = 'sh-stack', onSubmit, children }: FormProps) {
  return (
    <form
      className={className}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
