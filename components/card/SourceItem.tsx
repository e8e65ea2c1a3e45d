import type { CardSource } from '../../lib/domain/card';
import { formatPartialDate, safeHref } from '../../lib/cards/display-text';
import { ui } from '../i18n';

/** A source: its title (a link when it has an http(s) URL), publisher, authors and date. */
export function SourceItem({ source }: { source: CardSource }) {
  const href = safeHref(source.url);
  const meta = [source.publisher, source.authors.join(', ')];
  if (source.publishedAt) meta.push(formatPartialDate(source.publishedAt, ui.locale));
  return (
    <li className="fl-card-source" data-source-id={source.id}>
      {href ? (
        // noopener: the opened page gets no handle on the page the reader is on.
        <a
          className="fl-card-source-title"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          // A page's scripted click (`isTrusted` false) opens nothing: only the reader's does.
          onClick={(event) => {
            if (!event.nativeEvent.isTrusted) event.preventDefault();
          }}
        >
          {source.title}
        </a>
      ) : (
        <span className="fl-card-source-title">{source.title}</span>
      )}
      <span className="fl-card-source-meta">{meta.filter(Boolean).join(' · ')}</span>
    </li>
  );
}
