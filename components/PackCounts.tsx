import type { PackCounts as Counts } from '../lib/domain/pack';

const COUNT_LABELS = [
  ['entities', 'entities'],
  ['facts', 'facts'],
  ['sources', 'sources'],
  ['propositions', 'propositions'],
  ['aliases', 'aliases'],
] as const;

/** What a pack holds, one count per list; shared by the popup and the options page. */
export function PackCounts({ counts }: { counts: Counts }) {
  return (
    <dl className="fl-pack-counts">
      {COUNT_LABELS.map(([key, label]) => (
        <div key={key} data-count={key}>
          <dt>{label}</dt>
          <dd>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}
