import type { PackCounts as Counts } from '../lib/domain/pack';
import { formatCount } from '../lib/i18n/ui-text';
import { t, ui } from './i18n';

const COUNT_LABELS = [
  ['entities', 'count_entities'],
  ['facts', 'count_facts'],
  ['sources', 'count_sources'],
  ['propositions', 'count_propositions'],
  ['aliases', 'count_aliases'],
] as const;

/** What a pack holds, one count per list; shared by the popup and the options page. */
export function PackCounts({ counts }: { counts: Counts }) {
  return (
    <dl className="fl-pack-counts">
      {COUNT_LABELS.map(([key, label]) => (
        <div key={key} data-count={key}>
          <dt>{t(label)}</dt>
          <dd>{formatCount(ui, counts[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
