import { ui } from '../i18n';

/** The reader's locale and time zone: these are times of their own actions and checks. */
const format = (at: number) =>
  new Intl.DateTimeFormat(ui.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

/** A point in time (epoch milliseconds), readable, with its exact value in `dateTime`. */
export function DateTime({ at, testId }: { at: number; testId?: string }) {
  return (
    <time dateTime={new Date(at).toISOString()} data-testid={testId}>
      {format(at)}
    </time>
  );
}
