import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly appearance?: 'default' | 'primary' | 'danger';
}

export function Button({ appearance = 'default', type = 'button', className, ...rest }: ButtonProps) {
  return <button {...rest} type={type} className={['sh-button', className].filter(Boolean).join(' ')} data-appearance={appearance} />;
}
