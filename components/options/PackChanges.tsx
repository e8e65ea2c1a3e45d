import type { PackChangeSummary } from '../../lib/domain/pack';
import { DateTime } from './DateTime';
import { t } from '../i18n';
import { Message } from '../Message';

/** What the install that put this version in place changed; nothing for a first install. */
export function PackChanges({
  title,
  change,
}: {
  title: string;
  change: PackChangeSummary | undefined;
}) {
  if (!change || change.from === null) return null;
  return (
    <section
      className="fl-options-pack-changes"
      aria-label={t('options_changesLabel', title, change.to)}
    >
      <p>
        <Message
          id="options_lastUpdate"
          parts={[change.from, change.to, <DateTime key="at" at={change.at} />]}
        />
      </p>
      <ul>
        {change.lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
