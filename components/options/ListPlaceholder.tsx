import { t } from '../i18n';

/** Stands in for a list not read yet: loading, or why it could not be read. */
export function ListPlaceholder({ error }: { error: string | null }) {
  if (error) {
    return (
      <p role="alert" className="fl-error">
        {t('options_listError', error)}
      </p>
    );
  }
  return <p className="fl-muted">{t('loading')}</p>;
}
