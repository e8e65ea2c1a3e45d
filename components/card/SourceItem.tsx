import type { CardSource } from '../../lib/cards/card-data';
import { formatPartialDate, safeHref } from '../../lib/cards/format';

/** A source: its title (a link when it has an http(s) URL), publisher, authors and date. */
export function SourceItem({ source }: { source: CardSource }) {
  const href = safeHref(source.url);
  const meta = [source.publisher, source.authors.join(', ')];
  if (source.publishedAt) meta.push(formatPartialDate(source.publishedAt));
  return (
    <li className="source" data-source-id={source.id}>
      {href ? (
        // noopener: the opened page gets no handle on the page the reader is on.
        <a href={href} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <span className="source-title">{source.title}</span>
      )}
      <span className="source-meta">{meta.filter(Boolean).join(' · ')}</span>
    </li>
  );
}
