import type { FoundNearby, MatchReason } from '../domain/match-reason';

/**
 * The sentences of the card's "Why is this marked?" (issue 18): which alias matched, in
 * which pack, and the rule that let the mention through. One sentence each, whole, so a
 * translation never has to assemble fragments in English word order.
 */
export function explainMatch(
  reason: MatchReason,
  names: { entity: string; pack: string },
): string[] {
  const { alias } = reason;
  const lines = [
    alias.case === 'sensitive'
      ? `Matched “${alias.text}”, written with exactly these capitals: a name of ${names.entity} in the pack “${names.pack}”.`
      : `Matched “${alias.text}”: a name of ${names.entity} in the pack “${names.pack}”.`,
  ];
  if (reason.contextTerm) {
    lines.push(
      `“${alias.text}” can mean other things, so it counts only near one of its context terms: “${reason.contextTerm.text}” is ${placeOf(reason.contextTerm)}.`,
    );
  }
  const passing = reason.passing;
  if (reason.role === 'subject') {
    lines.push(`${names.entity} is a subject of this pack: it is marked wherever it appears.`);
  } else if (passing?.rule === 'near-subject') {
    lines.push(
      `${names.entity} is named in this pack only in passing; it is marked here because “${passing.subject.text}”, a subject of the pack, is ${placeOf(passing.subject)}.`,
    );
  } else if (passing?.rule === 'about-pack') {
    lines.push(
      `${names.entity} is named in this pack only in passing; it is marked because this page names the pack’s subjects ${passing.subjectMentions} times.`,
    );
  } else if (passing?.rule === 'everywhere') {
    lines.push(
      `${names.entity} is named in this pack only in passing; it is marked everywhere because the options say so.`,
    );
  }
  return lines;
}

/** Where something was found, as the end of a sentence. */
function placeOf(found: FoundNearby): string {
  if (found.side === 'same') return 'in the same paragraph';
  if (found.side === 'page') return 'elsewhere on this page, which names the pack’s subjects often';
  const chars = found.distance;
  if (found.side === 'before') {
    return chars === 0 ? 'in the text just before' : `${chars} characters before`;
  }
  return chars === 0 ? 'in the text just after' : `${chars} characters after`;
}
