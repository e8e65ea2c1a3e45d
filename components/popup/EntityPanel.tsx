import { useEffect, useId, useState } from 'react';
import type { EntityCard } from '../../lib/domain/card';
import type { EntityRef } from '../../lib/domain/entity';
import { request } from '../../lib/messaging/client';
import { EntityCardView } from '../card/EntityCardView';
import { t } from '../i18n';

type PanelState =
  | { status: 'loading' }
  | { status: 'ready'; card: EntityCard | null }
  | { status: 'error'; message: string };

/**
 * The hover card's content for one entity, in the popup: the same component the page
 * shows, fed by the same background request. Related chips open in place; Back returns.
 */
export function EntityPanel({ entity, onBack }: { entity: EntityRef; onBack: () => void }) {
  const [trail, setTrail] = useState<EntityRef[]>([entity]);
  const current = trail.at(-1) ?? entity;
  const [state, setState] = useState<PanelState>({ status: 'loading' });
  const headingId = useId();
  const summaryId = useId();
  useEffect(() => {
    let live = true;
    void request('getEntityCard', current).then((reply) => {
      if (!live) return;
      setState(
        reply.ok
          ? { status: 'ready', card: reply.value }
          : { status: 'error', message: reply.error.message },
      );
    });
    return () => {
      live = false;
    };
  }, [current]);
  const back = () => (trail.length > 1 ? setTrail(trail.slice(0, -1)) : onBack());
  return (
    <section aria-labelledby={headingId}>
      <button type="button" className="fl-popup-back" onClick={back} autoFocus>
        {t(trail.length > 1 ? 'popup_back' : 'popup_backToResults')}
      </button>
      {state.status === 'loading' && <p className="fl-muted">{t('loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="fl-error">
          {t('popup_entryError', state.message)}
        </p>
      )}
      {state.status === 'ready' && !state.card && (
        <p className="fl-muted">{t('popup_entryGone')}</p>
      )}
      {state.status === 'ready' && state.card && (
        <EntityCardView
          card={state.card}
          headingId={headingId}
          summaryId={summaryId}
          onOpenRelated={(entityId) => setTrail([...trail, { packId: current.packId, entityId }])}
        />
      )}
    </section>
  );
}
