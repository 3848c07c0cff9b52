import type { ReactNode } from 'react';
import { CircleAlert } from 'lucide-react';

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  children: ReactNode;
  className?: string;
}

/** Label, control, hint and error message, wired together for screen readers via fieldAria(). */
export function Field({ id, label, hint, error, children, className }: FieldProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <div className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          <CircleAlert size={13} aria-hidden />
          <span>{error}</span>
        </div>
      ) : hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** Props for the control inside a Field: accessible description and invalid state. */
export function fieldAria(id: string, error: string | null | undefined, hasHint = false) {
  const describedBy = error ? `${id}-error` : hasHint ? `${id}-hint` : undefined;
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
}
