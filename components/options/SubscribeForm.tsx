import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { BusyButton } from './BusyButton';
import { failure } from './feedback';
import { FeedbackArea } from './FeedbackArea';
import { requestHostPermission } from './host-permission';
import { checkSubscriptionInput, type SubscriptionField } from './subscription-input';
import { TextField } from './TextField';
import { useFeedback } from './useFeedback';
import type { PackManagement } from './usePackManagement';
import { t } from '../i18n';

const EMPTY: Record<SubscriptionField, string> = { url: '', publicKey: '' };

/**
 * Subscribes to a pack or index URL, optionally pinning the publisher's key. Fact Lens may
 * read a site only once the reader allows it, so subscribing asks for that origin first.
 */
export function SubscribeForm({ manage: { busy, actions } }: { manage: PackManagement }) {
  const [values, setValues] = useState<Record<SubscriptionField, string>>(EMPTY);
  const [invalid, setInvalid] = useState<{ field: SubscriptionField; message: string } | null>(
    null,
  );
  const [subscribing, setSubscribing] = useState(false);
  const feedback = useFeedback();
  const urlRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);

  const subscribe = (checked: { url: string; publicKey?: string }) => {
    // First, before any await: the browser grants the permission only in the submit's gesture.
    const permission = requestHostPermission(checked.url);
    setSubscribing(true);
    void feedback.track(async () => {
      try {
        if (!(await permission)) {
          const origin = new URL(checked.url).origin;
          return failure(t('options_needsPermission', origin));
        }
        const result = await actions.subscribe(checked.url, checked.publicKey);
        if (result.subscribed) setValues(EMPTY);
        return result.feedback;
      } finally {
        setSubscribing(false);
      }
    }, t('options_subscribing'));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || subscribing) return;
    const checked = checkSubscriptionInput(values.url, values.publicKey);
    if (!checked.ok) {
      setInvalid(checked);
      (checked.field === 'url' ? urlRef : keyRef).current?.focus();
      return;
    }
    setInvalid(null);
    subscribe(checked);
  };

  /** What both inputs share: their value, their error, and dropping it once they are edited. */
  const field = (name: SubscriptionField) => ({
    value: values[name],
    autoComplete: 'off',
    spellCheck: false,
    error: invalid?.field === name ? invalid.message : null,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
      if (invalid?.field === name) setInvalid(null);
    },
  });

  return (
    <section aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{t('options_subscribeHeading')}</h2>
      {/* noValidate: the form's own check explains what is wrong, in the page's words. */}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t('options_subscribeUrl')}
          type="url"
          placeholder="https://example.org/packs/index.json"
          inputRef={urlRef}
          {...field('url')}
        />
        <TextField
          label={t('options_subscribeKey')}
          type="text"
          hint={t('options_subscribeKeyHint')}
          inputRef={keyRef}
          {...field('publicKey')}
        />
        <BusyButton type="submit" busy={busy || subscribing}>
          {t(subscribing ? 'options_subscribing' : 'options_subscribe')}
        </BusyButton>
      </form>
      <FeedbackArea {...feedback} />
    </section>
  );
}
