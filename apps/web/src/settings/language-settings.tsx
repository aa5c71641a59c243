/**
 * The app's language: the browser's (the default) or one chosen here. Kept on this device for
 * now; storing it with the account is docs/i18n-progress.md's next step.
 */
import { chooseLocale, storedLocale, useLocale, useT } from '../i18n/i18n';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale, negotiate } from '../i18n/locales';
import { Field } from '../shared/components/field';
import { FormCard } from '../shared/components/form-card';

// The pseudo-locale is for finding overflow, not for people: reached through the browser's
// language (en-XA), it shows up in the list only while it is the active one.
const PICKABLE: readonly Locale[] = LOCALES.filter((locale) => locale !== 'en-XA');

export function LanguageSettings() {
  const t = useT();
  const active = useLocale();
  const chosen = storedLocale();
  const browser = negotiate(navigator.languages ?? [navigator.language]).locale;
  const options = PICKABLE.includes(active) ? PICKABLE : [...PICKABLE, active];
  return (
    <FormCard title={t('settings.language.title')} testId="language-settings">
      <Field label={t('settings.language.label')} hint={t('settings.language.hint')}>
        {(control) => (
          <select
            {...control}
            className="input"
            value={chosen ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              void chooseLocale(isLocale(value) ? value : null);
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
    </FormCard>
  );
}
