import type { MatchReason } from '../../lib/domain/match-reason';
import { explainMatch } from '../../lib/cards/why-text';
import { t, ui } from '../i18n';
import { useDisclosure } from './useDisclosure';

/**
 * "Why is this marked?": the alias that matched, the pack, and the rule that let the mention
 * through (issue 18). Closed until asked for; a button with `aria-expanded`, like the card's
 * other disclosures, so keyboard and screen readers reach it.
 */
export function WhyMarked({
  reason,
  entityName,
  packTitle,
}: {
  reason: MatchReason;
  entityName: string;
  packTitle: string;
}) {
  const { open, toggle, region } = useDisclosure();
  // The list is always there (hidden while closed), so `aria-controls` names an element.
  return (
    <div className="fl-card-why">
      <button {...toggle} className="fl-link-button">
        {t('card_whyToggle')}
      </button>
      <ul {...region} className="fl-card-why-lines">
        {open &&
          explainMatch(ui, reason, { entity: entityName, pack: packTitle }).map((line) => (
            <li key={line}>{line}</li>
          ))}
      </ul>
    </div>
  );
}
