import { request } from '../../lib/messaging/client';
import type { Reply, RestorePackRequest } from '../../lib/messaging/protocol';
import type { InstalledPack } from '../../lib/domain/pack';
import { failure, saying, type Feedback } from './feedback';
import { saveTextFile } from './save-file';
import { describeFirstSync, describeSync } from './sync-summary';
import { t, ui } from '../i18n';
import { formatCount } from '../../lib/i18n/ui-text';
import { packTitle } from '../../lib/pack/localized';

/** Sends one request, then reads the lists again, and answers the request's reply. */
export type Perform = <T>(send: () => Promise<Reply<T>>) => Promise<Reply<T>>;

export type ManageActions = ReturnType<typeof manageActions>;

/**
 * What the options page can do to packs and subscriptions. Each action sends its request
 * through `perform` and answers what to tell the reader (`null`: the lists say it all).
 */
export function manageActions(perform: Perform) {
  async function restore(title: string, undo: RestorePackRequest): Promise<Feedback> {
    const reply = await perform(() => request('restorePack', undo));
    if (reply.ok) return saying(t('feedback_restored', packTitle(reply.value)));
    // The undo stays offered: the reader can try again.
    return { ...failure(reply.error), action: undoAction(title, undo) };
  }

  function undoAction(title: string, undo: RestorePackRequest) {
    return {
      label: t('undo'),
      pending: t('feedback_restoring', title),
      run: () => restore(title, undo),
    };
  }

  async function importText(text: string, allowNotNewer: boolean): Promise<Feedback> {
    const reply = await perform(() =>
      request('installPack', allowNotNewer ? { text, allowNotNewer } : { text }),
    );
    if (reply.ok)
      return saying(t('feedback_installed', packTitle(reply.value), reply.value.version));
    if (reply.error.code !== 'not-newer') return failure(reply.error);
    return {
      ...failure(reply.error),
      action: {
        label: t('feedback_installAnyway'),
        pending: t('feedback_installingPack'),
        run: () => importText(text, true),
      },
    };
  }

  return {
    async setEnabled(pack: InstalledPack, enabled: boolean): Promise<Feedback | null> {
      const reply = await perform(() => request('setPackEnabled', { packId: pack.id, enabled }));
      return reply.ok ? null : failure(reply.error);
    },

    /** The removal message carries the undo, until the next removal replaces it. */
    async remove(pack: InstalledPack): Promise<Feedback> {
      const reply = await perform(() => request('removePack', { packId: pack.id }));
      if (!reply.ok) return failure(reply.error);
      const { undo } = reply.value;
      if (!undo) return saying(t('feedback_alreadyRemoved', packTitle(pack)));
      return {
        ...saying(t('feedback_removed', packTitle(pack))),
        action: { ...undoAction(packTitle(pack), undo), focus: true },
      };
    },

    async rollback(pack: InstalledPack): Promise<Feedback> {
      const reply = await perform(() => request('rollbackPack', { packId: pack.id }));
      if (!reply.ok) return failure(reply.error);
      return saying(t('feedback_rolledBack', packTitle(reply.value), reply.value.version));
    },

    async exportPack(pack: InstalledPack): Promise<Feedback | null> {
      const reply = await perform(() => request('exportPack', { packId: pack.id }));
      if (!reply.ok) return failure(reply.error);
      saveTextFile(reply.value.fileName, reply.value.text);
      return null;
    },

    /** "Export my settings": settings, subscriptions and site mutes as one JSON file. */
    async exportSettings(): Promise<Feedback | null> {
      const reply = await perform(() => request('exportSettings'));
      if (!reply.ok) return failure(reply.error);
      saveTextFile(reply.value.fileName, reply.value.text);
      return null;
    },

    /** "Import settings": the background validates the file whole and refuses it whole. */
    async importSettings(text: string): Promise<Feedback> {
      const reply = await perform(() => request('importSettings', { text }));
      if (!reply.ok) return failure(reply.error);
      const added = reply.value.subscriptionsAdded.length;
      return saying(
        t(
          'feedback_settingsImported',
          formatCount(ui, added),
          formatCount(ui, reply.value.siteRules),
        ),
      );
    },

    async restoreSeed(): Promise<Feedback> {
      const reply = await perform(() => request('restoreSeedPack'));
      if (!reply.ok) return failure(reply.error);
      return saying(t('feedback_restoredVersion', packTitle(reply.value), reply.value.version));
    },

    /** Checks one subscription now, or all of them without a URL. */
    async sync(url?: string): Promise<Feedback> {
      const reply = await perform(() => request('syncNow', url ? { url } : {}));
      return reply.ok ? describeSync(reply.value) : failure(reply.error);
    },

    /** Subscribes and checks at once; `subscribed` says whether the subscription now exists. */
    async subscribe(
      url: string,
      publicKey?: string,
    ): Promise<{ subscribed: boolean; feedback: Feedback }> {
      const reply = await perform(() =>
        request('addSubscription', publicKey ? { url, publicKey } : { url }),
      );
      if (!reply.ok) return { subscribed: false, feedback: failure(reply.error) };
      return { subscribed: true, feedback: describeFirstSync(reply.value.report) };
    },

    async unsubscribe(url: string): Promise<Feedback> {
      const reply = await perform(() => request('removeSubscription', { url }));
      if (!reply.ok) return failure(reply.error);
      return saying(t('feedback_unsubscribed', url));
    },

    /** Installs a pack file's text; a version not newer than the installed one can be forced. */
    importFile: (text: string) => importText(text, false),
  };
}
