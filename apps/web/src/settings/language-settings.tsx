/**
 * The app's language: the browser's (the default) or one chosen here. Saved with the account (so
 * other devices and the emails follow it) and cached on this device for the first paint.
 */
import { useState } from 'react';
import { api } from '../api/client';
import { chooseLocale, storedLocale, useLocale, useT } from '../i18n/i18n';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale, negotiate } from '../i18n/locales';
import { Field } from '../shared/components/field';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { friendlyError } from '../shared/lib/errors';

// The pseudo-locale is for finding overflow, not for people: reached through the browser's
// language (en-XA), it shows up in the list only while it is the active one.
const PICKABLE: readonly Locale[] = LOCALES.filter((locale) => locale !== 'en-XA');

export function LanguageSettings() {
  const t = useT();
  const active = useLocale();
  const chosen = storedLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const browser = negotiate(navigator.languages ?? [navigator.language]).locale;
  const options = PICKABLE.includes(active) ? PICKABLE : [...PICKABLE, active];

  async function choose(locale: Locale | null) {
    setBusy(true);
    setError(null);
    try {
      // The account first: a choice that did not reach it would be undone by the next sign-in.
      await api.updateSettings({ locale });
      await chooseLocale(locale); // remounts the screen in the new language
    } catch (e) {
      setError(friendlyError(e));
      setBusy(false);
    }
  }

  return (
    <FormCard title={t('settings.language.title')} testId="language-settings">
      <Field label={t('settings.language.label')} hint={t('settings.language.hint')}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={chosen ?? ''}
            disabled={busy}
            onChange={(e) => {
              const value = e.target.value;
              void choose(isLocale(value) ? value : null);
            }}
          >
            <option value="">
              {t('settings.language.browser', { language: LOCALE_NAMES[browser] })}
            </option>
            {options.map((locale) => (
              <option key={locale} value={locale} lang={locale === 'en-XA' ? 'en' : locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FormError error={error} />
    </FormCard>
  );
}
