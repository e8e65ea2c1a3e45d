/** The reader's locale and time zone: these are times of their own actions and checks. */
const FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A point in time (epoch milliseconds), readable, with its exact value in `dateTime`. */
export function DateTime({ at, testId }: { at: number; testId?: string }) {
  return (
    <time dateTime={new Date(at).toISOString()} data-testid={testId}>
      {FORMAT.format(at)}
    </time>
  );
}
