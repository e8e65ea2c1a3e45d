import type { PackChangeSummary } from '../../lib/domain/pack';
import { DateTime } from './DateTime';

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
    <section className="fl-options-pack-changes" aria-label={`Changes in ${title} ${change.to}`}>
      <p>
        Last update: {change.from} → {change.to}, <DateTime at={change.at} />
      </p>
      <ul>
        {change.lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
