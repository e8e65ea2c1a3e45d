import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { EntityCard } from '../../lib/domain/card';
import type { EntityRef } from '../../lib/domain/entity';
import type { HoverCardController } from '../../lib/cards/hover-controller';
import { EntityCardView } from '../card/EntityCardView';
import { messagesLanguage, t } from '../i18n';
import { useCardPosition } from './useCardPosition';

interface Notice {
  text: string;
  undo?: () => Promise<void>;
  about: EntityRef | null;
}

export interface HoverCardActions {
  copyCitation(card: EntityCard): Promise<void>;
  /**
   * "Don't highlight this on this site"; resolves to an undo (which rejects if it could not
   * be applied), or null when muting failed.
   */
  mute?(ref: EntityRef, name: string): Promise<(() => Promise<void>) | null>;
  /** Opens the popup's search for this text in a tab. */
  openSearch?(query: string): void;
  /** Called once the card with its content has been painted (for the latency benchmark). */
  painted?(): void;
}

/**
 * Runs `handler` for the reader's own input only: a page's scripts cannot reach into the
 * card's closed shadow root, and should one ever get an element of it, its scripted clicks
 * and keys (`isTrusted` false) still open no tab, save no mute and change nothing.
 */
export function trustedOnly<E extends { nativeEvent: Event }>(
  handler: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (event.nativeEvent.isTrusted) handler(event);
  };
}

/**
 * The card next to a hovered or keyboard-selected mention. Lives in our shadow root; the
 * controller decides what and when, this renders it and reports pointer and key events.
 */
export function HoverCard({
  controller,
  actions,
}: {
  controller: HoverCardController;
  actions: HoverCardActions;
}) {
  const state = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const cardRef = useRef<HTMLDivElement>(null);
  const restoreFocus = useRef<Element | null>(null);
  const headingId = useId();
  const summaryId = useId();
  // A notice belongs to the entity it was about; showing another entity drops it.
  const [noticeState, setNoticeState] = useState<Notice | null>(null);
  const shownEntity = state.current;
  const notice = noticeState?.about === shownEntity ? noticeState : null;
  const setNotice = (next: Omit<Notice, 'about'> | null) =>
    setNoticeState(next && { ...next, about: shownEntity });
  useCardPosition(cardRef, state.open, state.target);

  const ready = state.content.status === 'ready' ? state.content.card : null;

  // Keyboard-opened cards take focus (screen readers then read name and summary); the
  // element focused before gets it back when the card closes.
  useEffect(() => {
    const element = cardRef.current;
    if (!element) return;
    if (state.open && state.via === 'keyboard') {
      const active = element.ownerDocument.activeElement;
      if (!element.getRootNode().contains(active ?? null) && active !== element)
        restoreFocus.current = active;
      element.focus({ preventScroll: true });
    } else if (!state.open && restoreFocus.current) {
      const previous = restoreFocus.current;
      restoreFocus.current = null;
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    }
  }, [state.open, state.via, shownEntity]);

  useEffect(() => {
    if (!state.open || !ready || !actions.painted) return;
    const painted = actions.painted;
    // After the frame that shows the content: rAF runs before the paint, the task after it.
    const frame = requestAnimationFrame(() => setTimeout(painted, 0));
    return () => cancelAnimationFrame(frame);
  }, [state.open, ready, actions.painted]);

  const body = (() => {
    switch (state.content.status) {
      case 'loading':
        return <p className="fl-card-state fl-muted">{t('loading')}</p>;
      case 'missing':
        return <p className="fl-card-state fl-muted">{t('card_missing')}</p>;
      case 'error':
        return (
          <p className="fl-card-state fl-error" role="alert">
            {t('card_loadError', state.content.message)}
          </p>
        );
      case 'ready':
        return (
          <EntityCardView
            card={state.content.card}
            matchedText={state.history.length === 0 ? state.target?.matchedText : undefined}
            why={state.history.length === 0 ? state.target?.why : undefined}
            headingId={headingId}
            summaryId={summaryId}
            onOpenRelated={(entityId) =>
              state.current && controller.showRelated({ packId: state.current.packId, entityId })
            }
          />
        );
    }
  })();

  const previous = state.history.at(-1);
  return (
    <div
      ref={cardRef}
      className="fl-card"
      // The language of the card's own words; pack text in another language carries its own
      // `lang` (components/card/pack-lang.ts).
      lang={messagesLanguage()}
      popover="manual"
      role="dialog"
      aria-modal="false"
      aria-labelledby={ready ? headingId : undefined}
      aria-label={ready ? undefined : 'Fact Lens'}
      aria-describedby={ready ? summaryId : undefined}
      tabIndex={-1}
      data-open={state.open}
      onPointerEnter={() => controller.pointerEnteredCard()}
      onPointerLeave={() => controller.pointerLeftCard()}
      onKeyDown={trustedOnly((event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          controller.close();
        }
      })}
    >
      <div className="fl-card-toolbar">
        {previous && (
          <button
            type="button"
            className="fl-card-tool"
            onClick={trustedOnly(() => controller.back())}
          >
            {t('card_back')}
          </button>
        )}
        <span className="fl-card-toolbar-space" />
        {ready && (
          <button
            type="button"
            className="fl-card-tool"
            onClick={trustedOnly(() => {
              actions.copyCitation(ready).then(
                () => setNotice({ text: t('card_citationCopied') }),
                () => setNotice({ text: t('card_copyFailed') }),
              );
            })}
          >
            {t('card_copyCitation')}
          </button>
        )}
        {ready && actions.openSearch && (
          <button
            type="button"
            className="fl-card-tool"
            title={t('card_searchTitle')}
            onClick={trustedOnly(() => actions.openSearch?.(ready.entity.name))}
          >
            {t('card_search')}
          </button>
        )}
        {ready && actions.mute && (
          <button
            type="button"
            className="fl-card-tool"
            onClick={trustedOnly(() => {
              const ref = { packId: ready.pack.id, entityId: ready.entity.id };
              void actions.mute?.(ref, ready.entity.name).then((undo) => {
                controller.pin(); // keep the card so the undo stays reachable
                setNotice(
                  undo
                    ? { text: t('card_muted', ready.entity.name), undo }
                    : { text: t('card_muteFailed') },
                );
              });
            })}
          >
            {t('card_mute')}
          </button>
        )}
        <button
          type="button"
          className="fl-card-tool"
          aria-pressed={state.pinned}
          title={t(state.pinned ? 'card_unpinTitle' : 'card_pinTitle')}
          onClick={trustedOnly(() => controller.togglePin())}
        >
          {t(state.pinned ? 'card_pinned' : 'card_pin')}
        </button>
        <button
          type="button"
          className="fl-card-tool fl-card-close"
          aria-label={t('card_close')}
          title={t('card_closeTitle')}
          onClick={trustedOnly(() => controller.close())}
        >
          ×
        </button>
      </div>
      {notice && (
        <p className="fl-card-notice" role="status">
          {notice.text}
          {notice.undo && (
            <button
              type="button"
              className="fl-link-button"
              onClick={trustedOnly(() => {
                const undo = notice.undo;
                setNotice(null);
                // Offer it again: the entity stays muted until an undo gets through.
                undo?.().catch(() => setNotice({ text: t('card_undoFailed'), undo }));
              })}
            >
              {t('undo')}
            </button>
          )}
        </p>
      )}
      <div className="fl-card-body">{body}</div>
    </div>
  );
}
