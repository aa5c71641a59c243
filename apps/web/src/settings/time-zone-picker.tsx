/**
 * A searchable select of every IANA zone the browser knows: a filter box above a native
 * listbox, so keyboard and screen-reader support come from the platform.
 */
import { useId, useMemo, useState } from 'react';
import { timeZones } from '../account/account';
import { formatLocale, T, useT } from '../i18n/i18n';

// Keyed by language too: "GMT+9" is "غرينتش+٩" in Arabic.
const offsets = new Map<string, string>();
function offsetLabel(zone: string): string {
  const locale = formatLocale();
  const key = `${locale} ${zone}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const label = computeOffset(locale, zone);
  offsets.set(key, label);
  return label;
}

function computeOffset(locale: string, zone: string): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

export function TimeZonePicker({
  value,
  onChange,
  labelledBy,
}: {
  value: string;
  onChange: (zone: string) => void;
  labelledBy: string;
}) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const all = useMemo(() => {
    const zones = timeZones();
    return zones.includes(value) ? zones : [value, ...zones];
  }, [value]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase().replaceAll(' ', '_');
    if (!q) return all;
    const found = all.filter((z) => z.toLowerCase().includes(q));
    // Keep the current choice visible so the select never shows a value it does not list.
    return found.includes(value) ? found : [value, ...found];
  }, [all, query, value]);
  return (
    <div className="tz-picker">
      <label className="sr-only" htmlFor={`${id}-search`}>
        {t('settings.tz.search')}
      </label>
      <input
        id={`${id}-search`}
        className="input"
        type="search"
        placeholder={t('settings.tz.placeholder')}
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          // Enter picks the first match instead of submitting the surrounding form.
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = matches.find((z) => z !== value) ?? matches[0];
            if (first) onChange(first);
          }
        }}
      />
      <select
        className="input tz-select"
        size={6}
        aria-labelledby={labelledBy}
        data-testid="tz-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {matches.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')} {offsetLabel(zone) ? `(${offsetLabel(zone)})` : ''}
          </option>
        ))}
      </select>
      <p className="hint">
        <T
          id="settings.tz.selected"
          values={{
            zone: value.replaceAll('_', ' '),
            count: matches.length,
            strong: (chunks) => <strong>{chunks}</strong>,
          }}
        />
      </p>
    </div>
  );
}
