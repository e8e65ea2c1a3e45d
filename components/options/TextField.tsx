import { useId, type InputHTMLAttributes, type Ref } from 'react';

/**
 * A labelled text input with an optional hint and an inline error, both tied to the input
 * (`aria-describedby`), and `aria-invalid` while the error shows.
 */
export function TextField({
  label,
  hint,
  error,
  inputRef,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  hint?: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ');
  return (
    <div className="fl-options-field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        ref={inputRef}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint && (
        <p id={hintId} className="fl-options-hint fl-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="fl-options-hint fl-error">
          {error}
        </p>
      )}
    </div>
  );
}
