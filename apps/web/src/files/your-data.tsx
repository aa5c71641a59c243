/**
 * "Your data" (/settings/data): export everything as a zip (or the habits as a Loop Habit Tracker
 * backup), follow its progress, download it, and see recent exports; a way into the import screen. Exports are built in the background
 * by the server, so this screen polls while one is running.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { type ExportDto, type ExportFormat, filesApi, type StorageUsage } from '../api/files';
import { type MessageId, T, useT } from '../i18n/i18n';
import { Link } from '../router';
import { DownloadIcon, UploadIcon } from '../shared/components/file-icons';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { BackIcon } from '../shared/components/icons';
import { friendlyError } from '../shared/lib/errors';
import { formatDateTime, formatPercent } from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { formatBytes } from './file-checks';

const POLL_MS = 1000;
const POLL_AFTER_ERROR_MS = 5000;

export default function YourDataScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('data.title'));
  const id = useId();
  return (
    <div className="screen">
      <header className="screen-header">
        <Link to="/settings" className="back-link">
          <BackIcon width={18} height={18} /> {t('data.back')}
        </Link>
        <h1 ref={heading} tabIndex={-1}>
          {t('data.title')}
        </h1>
        <p className="subtitle">{t('data.subtitle')}</p>
      </header>
      <StorageSection />
      <ExportSection />
      <section className="card" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`} className="card-title">
          {t('data.import.title')}
        </h2>
        <p>{t('data.import.text')}</p>
        <div className="button-row">
          <Link to="/import" className="button">
            <UploadIcon width={18} height={18} /> {t('data.import.action')}
          </Link>
        </div>
      </section>
    </div>
  );
}

/** What the user's files take of their storage quota (photos, imports, exports). */
function StorageSection() {
  const t = useT();
  const id = useId();
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    filesApi
      .storage()
      .then(setUsage)
      .catch((e: unknown) => setError(friendlyError(e)));
  }, []);
  const share = usage ? Math.min(1, usage.used.total / usage.quota) : 0;
  return (
    <section className="card" aria-labelledby={`${id}-storage`}>
      <h2 id={`${id}-storage`} className="card-title">
        {t('data.storage.title')}
      </h2>
      {error ? <p className="form-error">{error}</p> : null}
      {usage ? (
        <>
          <p data-testid="storage-usage">
            {t('data.storage.used', {
              used: formatBytes(usage.used.total),
              quota: formatBytes(usage.quota),
            })}
          </p>
          <progress
            className="progress"
            max={1}
            value={share}
            aria-label={t('data.storage.label')}
            aria-valuetext={formatPercent(share)}
          />
          <p className="hint">
            {t('data.storage.breakdown', {
              photos: formatBytes(usage.used.photos),
              imports: formatBytes(usage.used.imports),
              exports: formatBytes(usage.used.exports),
            })}
          </p>
        </>
      ) : error ? null : (
        <p className="hint">{t('data.loading')}</p>
      )}
    </section>
  );
}

function ExportSection() {
  const t = useT();
  const id = useId();
  const [exports, setExports] = useState<ExportDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('habit-tracker');
  /** The export started on this visit: its outcome is shown in full, not only in the list. */
  const [startedId, setStartedId] = useState<string | null>(null);

  const merge = useCallback((item: ExportDto) => {
    setExports((list) => [item, ...(list ?? []).filter((e) => e.id !== item.id)].slice(0, 5));
  }, []);

  useEffect(() => {
    filesApi
      .exports()
      .then((r) => setExports(r.exports))
      .catch((e) => setError(friendlyError(e)));
  }, []);

  // Poll the running export every second; the list is newest first, so it is the first one.
  const running = exports?.find((e) => e.status === 'running') ?? null;
  const runningId = running?.id ?? null;
  const pollDelay = useRef(POLL_MS);
  useEffect(() => {
    if (!runningId) return;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const tick = async () => {
      try {
        const item = await filesApi.export(runningId);
        if (stopped) return;
        setExports((list) => (list ?? []).map((e) => (e.id === item.id ? item : e)));
        setError(null);
        pollDelay.current = POLL_MS;
      } catch (e) {
        if (stopped) return;
        setError(friendlyError(e));
        pollDelay.current = POLL_AFTER_ERROR_MS;
      }
      timer = setTimeout(tick, pollDelay.current);
    };
    timer = setTimeout(tick, pollDelay.current);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runningId]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const item = await filesApi.createExport({ format });
      merge(item);
      setStartedId(item.id);
    } catch (e) {
      setError(friendlyError(e));
    } finally {
      setStarting(false);
    }
  }

  const current = running ?? exports?.find((e) => e.id === startedId) ?? null;
  // Once a download is on offer it is the main action; a new export is the second one.
  const downloadShown = current?.status === 'ready' && current.downloadUrl !== null;

  return (
    <FormCard title={t('data.export.title')}>
      <fieldset className="field" disabled={starting || running !== null}>
        <legend className="label">{t('data.export.format')}</legend>
        <div className="choice-cards two">
          {EXPORT_CHOICES.map((choice) => (
            <label key={choice.format} className="choice-card">
              <input
                type="radio"
                name={`${id}-format`}
                value={choice.format}
                checked={format === choice.format}
                onChange={() => setFormat(choice.format)}
                data-testid={`export-format-${choice.format}`}
              />
              <span className="choice-title">{t(choice.label)}</span>
              <span className="choice-hint">{t(choice.hint)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className={`button ${downloadShown ? '' : 'button-primary'}`}
          disabled={starting || running !== null}
          onClick={() => void start()}
        >
          {t(
            running
              ? 'data.export.running'
              : starting
                ? 'data.export.starting'
                : downloadShown && current?.format === format
                  ? 'data.export.again'
                  : format === 'loop'
                    ? 'data.export.loop'
                    : 'data.export.title',
          )}
        </button>
      </div>
      <FormError error={error} />
      <div role="status" aria-live="polite" className="export-status">
        {current ? <ExportProgress item={current} /> : null}
      </div>
      {exports === null && !error ? <div className="skeleton-text" aria-busy="true" /> : null}
      {exports && exports.length > 0 ? (
        <div className="recent-exports">
          <h3 id={`${id}-recent`} className="section-title">
            {t('data.export.recent')}
          </h3>
          <ul className="export-list" aria-labelledby={`${id}-recent`}>
            {exports.map((item) => (
              <ExportRow key={item.id} item={item} />
            ))}
          </ul>
        </div>
      ) : null}
    </FormCard>
  );
}

const EXPORT_CHOICES: { format: ExportFormat; label: MessageId; hint: MessageId }[] = [
  {
    format: 'habit-tracker',
    label: 'data.export.zip.label',
    hint: 'data.export.zip.hint',
  },
  {
    format: 'loop',
    label: 'data.export.db.label',
    hint: 'data.export.db.hint',
  },
];

const FORMAT_NAMES: Record<ExportFormat, MessageId> = {
  'habit-tracker': 'data.export.zip.name',
  loop: 'data.export.db.name',
};

/** The export in progress or just finished: a bar while running, then the download. */
function ExportProgress({ item }: { item: ExportDto }) {
  const t = useT();
  if (item.status === 'running') {
    const percent = Math.round(item.progress * 100);
    return (
      <div className="export-progress">
        {/* The live region reads the text in tens; the bar moves smoothly. */}
        <p>{t('data.export.preparing', { percent: Math.floor(percent / 10) / 10 })}</p>
        <progress
          className="progress"
          max={1}
          value={item.progress}
          aria-label={t('data.export.progress')}
          data-testid="export-progress"
        />
      </div>
    );
  }
  if (item.status === 'failed') {
    return (
      <p className="form-error">
        {item.error
          ? t('data.export.failedBecause', { reason: item.error })
          : t('data.export.failed')}
      </p>
    );
  }
  if (!item.downloadUrl) return <p className="hint">{t('data.export.expired')}</p>;
  return (
    <div className="export-ready">
      <p>
        {item.size !== null ? (
          <T
            id="data.export.readySized"
            values={{ size: formatBytes(item.size), b: (chunks) => <strong>{chunks}</strong> }}
          />
        ) : (
          <T id="data.export.ready" values={{ b: (chunks) => <strong>{chunks}</strong> }} />
        )}
      </p>
      <div className="button-row">
        <a
          className="button button-primary"
          href={item.downloadUrl}
          download
          data-testid="download-export"
        >
          <DownloadIcon width={18} height={18} /> {t('data.export.download')}
        </a>
      </div>
      {item.expiresAt ? (
        <p className="hint">{t('data.export.until', { when: formatDateTime(item.expiresAt) })}</p>
      ) : null}
    </div>
  );
}

function ExportRow({ item }: { item: ExportDto }) {
  const t = useT();
  const expired =
    item.status === 'ready' &&
    (!item.downloadUrl || (item.expiresAt !== null && Date.parse(item.expiresAt) < Date.now()));
  const state =
    item.status === 'running'
      ? t('data.export.row.preparing', { percent: item.progress })
      : item.status === 'failed'
        ? t('data.export.row.failed')
        : expired
          ? t('data.export.row.expired')
          : item.size !== null
            ? t('data.export.row.readySized', { size: formatBytes(item.size) })
            : t('data.export.row.ready');
  return (
    <li className="export-row">
      <span className="export-when">
        {formatDateTime(item.createdAt)} · {t(FORMAT_NAMES[item.format])}
      </span>
      <span className="export-state" data-status={expired ? 'expired' : item.status}>
        {state}
      </span>
      {item.status === 'ready' && !expired && item.downloadUrl ? (
        <a className="button button-small" href={item.downloadUrl} download>
          <T
            id="data.export.row.download"
            values={{
              when: formatDateTime(item.createdAt),
              sr: (chunks) => <span className="sr-only">{chunks}</span>,
            }}
          />
        </a>
      ) : null}
    </li>
  );
}
