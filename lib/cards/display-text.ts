import type { EntityKind, FactStatus } from '../pack/schema';
import type { CardSource, EntityCard } from '../domain/card';

/** What each fact status means to a reader, in a few words. */
export const STATUS_LABELS: Record<FactStatus, string> = {
  'unnamed-sources': 'Unnamed sources',
  official: 'Official',
  disclosed: 'Disclosed',
  'third-party-data': 'Third-party data',
  target: 'Target',
  opinion: 'Opinion',
};

/** A sentence for screen readers and tooltips: how much weight the claim carries. */
export const STATUS_DESCRIPTIONS: Record<FactStatus, string> = {
  'unnamed-sources': 'Reported, citing sources who are not named',
  official: 'Stated officially by the company or person',
  disclosed: 'Disclosed by the company, e.g. in a filing or release',
  'third-party-data': 'Measured by a third party',
  target: 'A goal or plan, not an outcome',
  opinion: 'An opinion or assessment',
};

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  company: 'Company',
  organization: 'Organization',
  team: 'Team',
  product: 'Product',
  model: 'Model',
  concept: 'Concept',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2026` → "2026", `2026-01` → "Jan 2026", `2026-01-07` → "7 Jan 2026". Written out by
 * hand rather than with `Intl`: a partial date has no day to format, and the card must
 * read the same in every locale's test run. Anything else is shown as given.
 */
export function formatPartialDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return year ?? date;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** One line naming a source: title, publisher, authors, date. */
export function sourceLine(source: CardSource): string {
  const parts = [source.title, source.publisher];
  if (source.authors.length > 0) parts.push(source.authors.join(', '));
  if (source.publishedAt) parts.push(formatPartialDate(source.publishedAt));
  return parts.join(' · ');
}

/**
 * Plain-text citation of a card, for the clipboard: what the entity is and where that is
 * known from, so a pasted note keeps its provenance.
 */
export function citationText(card: EntityCard): string {
  const lines = [`${card.entity.name} (${KIND_LABELS[card.entity.kind]}): ${card.entity.summary}`];
  if (card.sources.length > 0) {
    lines.push('Sources:');
    for (const source of card.sources) {
      lines.push(`- ${sourceLine(source)}${source.url ? ` ${source.url}` : ''}`);
    }
  }
  lines.push(`From the fact pack "${card.pack.title}" v${card.pack.version}, via Fact Lens.`);
  return lines.join('\n');
}

/** Only http(s) links are ever rendered; the schema already refuses others, this is the second lock. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
