import type { PackRow } from '../lib/store/rows';
import { PackCounts } from './PackCounts';

/** Installed packs with what they contain. All pack text is rendered as text. */
export function PackList({ packs }: { packs: readonly PackRow[] }) {
  if (packs.length === 0) {
    return <p className="empty">No fact packs are installed.</p>;
  }
  return (
    <ul className="pack-list" aria-label="Installed fact packs">
      {packs.map((pack) => (
        <li key={pack.id} className="pack" data-pack-id={pack.id}>
          <div className="pack-head">
            <span className="pack-title">{pack.title}</span>
            <span className="pack-version">v{pack.version}</span>
            {!pack.enabled && <span className="badge">off</span>}
          </div>
          <p className="pack-meta">
            {pack.publisher.name} · published {pack.publishedAt}
          </p>
          <PackCounts counts={pack.counts} />
        </li>
      ))}
    </ul>
  );
}
