import type { FoundNearby, MatchReason } from '../domain/match-reason';
import { formatCount, type UiText } from '../i18n/ui-text';

/** Where something was found, as the last part of a message id (`why_term_same`). */
type Place = 'same' | 'page' | 'justBefore' | 'before' | 'justAfter' | 'after';

/**
 * The sentences of the card's "Why is this marked?" (issue 18): which alias matched, in
 * which pack, and the rule that let the mention through. Each is one whole message with
 * placeholders, one per place the term or subject was found, so a translation never
 * assembles a sentence from fragments in English word order.
 */
export function explainMatch(
  ui: UiText,
  reason: MatchReason,
  names: { entity: string; pack: string },
): string[] {
  const { t } = ui;
  const { alias } = reason;
  const lines = [
    t(
      alias.case === 'sensitive' ? 'why_matchedCase' : 'why_matched',
      alias.text,
      names.entity,
      names.pack,
    ),
  ];
  if (reason.contextTerm) {
    const term = reason.contextTerm;
    lines.push(
      t(`why_term_${placeOf(term)}`, alias.text, term.text, formatCount(ui, term.distance)),
    );
  }
  const passing = reason.passing;
  if (reason.role === 'subject') {
    lines.push(t('why_subject', names.entity));
  } else if (passing?.rule === 'near-subject') {
    const { subject } = passing;
    lines.push(
      t(
        `why_near_${placeOf(subject)}`,
        names.entity,
        subject.text,
        formatCount(ui, subject.distance),
      ),
    );
  } else if (passing?.rule === 'about-pack') {
    lines.push(t('why_aboutPack', names.entity, formatCount(ui, passing.subjectMentions)));
  } else if (passing?.rule === 'everywhere') {
    lines.push(t('why_everywhere', names.entity));
  }
  return lines;
}

/** Which of the messages says where `found` stood (a distance of 0: right next to it). */
function placeOf(found: FoundNearby): Place {
  if (found.side === 'same' || found.side === 'page') return found.side;
  if (found.side === 'before') return found.distance === 0 ? 'justBefore' : 'before';
  return found.distance === 0 ? 'justAfter' : 'after';
}
