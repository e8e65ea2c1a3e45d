import type { FactStatus } from '../../lib/pack/schema';
import { statusDescription, statusLabel } from '../../lib/cards/display-text';
import { ui } from '../i18n';

/** How much weight a fact carries, as a coloured label with its meaning as a tooltip. */
export function StatusBadge({ status }: { status: FactStatus }) {
  return (
    <span className="fl-card-status" data-status={status} title={statusDescription(ui, status)}>
      {statusLabel(ui, status)}
    </span>
  );
}
