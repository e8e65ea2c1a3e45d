import type { FactStatus } from '../../lib/pack/schema';
import { STATUS_DESCRIPTIONS, STATUS_LABELS } from '../../lib/cards/display-text';

/** How much weight a fact carries, as a coloured label with its meaning as a tooltip. */
export function StatusBadge({ status }: { status: FactStatus }) {
  return (
    <span className="fl-card-status" data-status={status} title={STATUS_DESCRIPTIONS[status]}>
      {STATUS_LABELS[status]}
    </span>
  );
}
