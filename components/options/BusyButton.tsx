import type { ButtonHTMLAttributes } from 'react';

/**
 * A button that waits while an action runs. It is marked `aria-disabled` and ignores
 * clicks rather than being `disabled`: a focused button that becomes disabled loses focus
 * to the page, and a keyboard user would have to find their place again after every sync.
 */
export function BusyButton({
  busy,
  onClick,
  type = 'button',
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'aria-disabled'> & {
  busy: boolean;
}) {
  return (
    <button
      {...rest}
      type={type}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        // A busy submit button must not submit its form either.
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
    />
  );
}
