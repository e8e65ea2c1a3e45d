import type { TextRange } from '../../lib/search/highlight';

/** Text with the matched ranges in <mark>, built as React nodes (never HTML). */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const range of ranges) {
    if (range.start > at) parts.push(text.slice(at, range.start));
    parts.push(<mark key={range.start}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
