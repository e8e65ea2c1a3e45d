import type { EntityKind, FactStatus } from '../pack/schema';
import type { CardSource, EntityCard } from '../domain/card';
import type { MessageId, UiText } from '../i18n/ui-text';

/** The message ids of a fact status: its label, and what it means to a reader. */
const STATUS_IDS = {
  'unnamed-sources': ['status_unnamed_sources', 'statusInfo_unnamed_sources'],
  official: ['status_official', 'statusInfo_official'],
  disclosed: ['status_disclosed', 'statusInfo_disclosed'],
  'third-party-data': ['status_third_party_data', 'statusInfo_third_party_data'],
  target: ['status_target', 'statusInfo_target'],
  opinion: ['status_opinion', 'statusInfo_opinion'],
} as const satisfies Record<FactStatus, readonly [MessageId, MessageId]>;

/** A fact status in a few words ("Official"). */
export const statusLabel = (ui: UiText, status: FactStatus) => ui.t(STATUS_IDS[status][0]);

/** A sentence for screen readers and tooltips: how much weight the claim carries. */
export const statusDescription = (ui: UiText, status: FactStatus) => ui.t(STATUS_IDS[status][1]);

/** An entity kind as a label ("Person"). */
export const kindLabel = (ui: UiText, kind: EntityKind) => ui.t(`kind_${kind}`);

/**
 * `2026` → "2026", `2026-01` → "Jan 2026", `2026-01-07` → "Jan 7, 2026" (in English; in
 * Chinese 2026年, 2026年1月, 2026年1月7日): with `Intl` in the reader's locale, asking only for
 * the parts the date has, so a year or a month is never shown as its first day. UTC, so
 * the reader's time zone cannot move a date. Anything else is shown as given.
 */
export function formatPartialDate(date: string, locale: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match.map(Number);
  if (year === undefined) return date;
  const valid = (value: number | undefined, max: number) =>
    value !== undefined && !Number.isNaN(value) && value >= 1 && value <= max;
  const parts: DateParts = !valid(month, 12) ? 'year' : valid(day, 31) ? 'day' : 'month';
  const at = Date.UTC(year, parts === 'year' ? 0 : (month ?? 1) - 1, parts === 'day' ? day : 1);
  return dateFormat(locale, parts).format(at);
}

/** How much of a date a pack gave: the year, the month too, or the day too. */
type DateParts = 'year' | 'month' | 'day';
const DATE_PARTS: readonly DateParts[] = ['year', 'month', 'day'];

/**
 * One formatter per locale and shape, made once. A new one costs ~0.05 ms; the first of a
 * renderer ~20 ms (Chromium 156: ICU loads its date data), which the card's first render
 * paid until `warmDateFormats` moved it into the hover delay.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, parts: DateParts): Intl.DateTimeFormat {
  const key = `${parts} ${locale}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (parts !== 'year') options.month = 'short';
    if (parts === 'day') options.day = 'numeric';
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * Makes the date formatters of `locale` before any card needs them: the card UI calls it as
 * it loads, on the first hover intent, so the cost falls in the hover delay and not in the
 * first card's render.
 */
export function warmDateFormats(locale: string): void {
  for (const parts of DATE_PARTS) dateFormat(locale, parts).format(0);
}

/** One line naming a source: title, publisher, authors, date. */
export function sourceLine(ui: UiText, source: CardSource): string {
  const parts = [source.title, source.publisher];
  if (source.authors.length > 0) parts.push(source.authors.join(', '));
  if (source.publishedAt) parts.push(formatPartialDate(source.publishedAt, ui.locale));
  return parts.join(' · ');
}

/**
 * Plain-text citation of a card, for the clipboard: what the entity is and where that is
 * known from, so a pasted note keeps its provenance.
 */
export function citationText(ui: UiText, card: EntityCard): string {
  const { entity, pack } = card;
  const lines = [ui.t('citation_entity', entity.name, kindLabel(ui, entity.kind), entity.summary)];
  if (card.sources.length > 0) {
    lines.push(ui.t('citation_sources'));
    for (const source of card.sources) {
      lines.push(`- ${sourceLine(ui, source)}${source.url ? ` ${source.url}` : ''}`);
    }
  }
  lines.push(ui.t('citation_pack', pack.title, pack.version));
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
