/**
 * "Your data" (/settings/data): export everything as a zip (or the habits as a Loop Habit Tracker
 * backup), follow its progress, download it, and see recent exports; a way into the import screen. Exports are built in the background
 * by the server, so this screen polls while one is running.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { type ExportDto, type ExportFormat, filesApi, type StorageUsage } from '../api/files';
import { Link } from '../router';
import { DownloadIcon, UploadIcon } from '../shared/components/file-icons';
import { FormCard } from '../shared/components/form-card';
import { FormError } from '../shared/components/form-error';
import { BackIcon } from '../shared/components/icons';
import { friendlyError } from '../shared/lib/errors';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { formatBytes, formatDateTime } from './file-checks';

const POLL_MS = 1000;
const POLL_AFTER_ERROR_MS = 5000;

export default function YourDataScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>('Your data');
  const id = useId();
  return (
    <div className="screen">
      <header className="screen-header">
        <Link to="/settings" className="back-link">
          <BackIcon width={18} height={18} /> Settings
        </Link>
        <h1 ref={heading} tabIndex={-1}>
          Your data
        </h1>
        <p className="subtitle">Everything you record here is yours to take with you.</p>
      </header>
      <StorageSection />
      <ExportSection />
      <section className="card" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`} className="card-title">
          Import
        </h2>
        <p>
          Bring in your history from Loop Habit Tracker (its CSV export or backup), Beaver Habits,
          Table Habit, Habitica, HabitBull, or an export from this app. Imported habits are added
          next to yours; nothing you have is changed.
        </p>
        <div className="button-row">
          <Link to="/import" className="button">
            <UploadIcon width={18} height={18} /> Import a file
          </Link>
        </div>
      </section>
    </div>
  );
}

/** What the user's files take of their storage quota (photos, imports, exports). */
function StorageSection() {
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
        Storage
      </h2>
      {error ? <p className="form-error">{error}</p> : null}
      {usage ? (
        <>
          <p data-testid="storage-usage">
            {formatBytes(usage.used.total)} of {formatBytes(usage.quota)} used
          </p>
          <progress
            className="progress"
            max={1}
            value={share}
            aria-label="Storage used"
            aria-valuetext={`${Math.round(share * 100)}%`}
          />
          <p className="hint">
            Photos {formatBytes(usage.used.photos)} · imported files{' '}
            {formatBytes(usage.used.imports)} · exports {formatBytes(usage.used.exports)}. Imported
            files are kept a week and exports a day.
          </p>
        </>
      ) : error ? null : (
        <p className="hint">Loading…</p>
      )}
    </section>
  );
}

function ExportSection() {
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
    <FormCard title="Export everything">
      <fieldset className="field" disabled={starting || running !== null}>
        <legend className="label">Format</legend>
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
              <span className="choice-title">{choice.label}</span>
              <span className="choice-hint">{choice.hint}</span>
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
          {running
            ? 'Exporting…'
            : starting
              ? 'Starting…'
              : downloadShown && current?.format === format
                ? 'Export again'
                : format === 'loop'
                  ? 'Export for Loop'
                  : 'Export everything'}
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
            Recent exports
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

const EXPORT_CHOICES: { format: ExportFormat; label: string; hint: string }[] = [
  {
    format: 'habit-tracker',
    label: 'Everything (.zip)',
    hint: 'Habits, check-ins, notes and photos: a file this app can import again, and a spreadsheet (CSV) for each habit.',
  },
  {
    format: 'loop',
    label: 'Loop Habit Tracker backup (.db)',
    hint: 'Habits, check-ins and notes, for Loop’s Settings → Import data. Photos and weekday schedules stay here (Loop has none).',
  },
];

const FORMAT_NAMES: Record<ExportFormat, string> = {
  'habit-tracker': 'Zip',
  loop: 'Loop backup',
};

/** The export in progress or just finished: a bar while running, then the download. */
function ExportProgress({ item }: { item: ExportDto }) {
  if (item.status === 'running') {
    const percent = Math.round(item.progress * 100);
    return (
      <div className="export-progress">
        {/* The live region reads the text in tens; the bar moves smoothly. */}
        <p>Preparing your export… {Math.floor(percent / 10) * 10}%</p>
        <progress
          className="progress"
          max={1}
          value={item.progress}
          aria-label="Export progress"
          data-testid="export-progress"
        />
      </div>
    );
  }
  if (item.status === 'failed') {
    return (
      <p className="form-error">
        The export failed{item.error ? `: ${item.error}` : ''}. Please try again.
      </p>
    );
  }
  if (!item.downloadUrl) return <p className="hint">This export has expired. Start a new one.</p>;
  return (
    <div className="export-ready">
      <p>
        <strong>Your export is ready</strong>
        {item.size !== null ? ` (${formatBytes(item.size)})` : ''}.
      </p>
      <div className="button-row">
        <a
          className="button button-primary"
          href={item.downloadUrl}
          download
          data-testid="download-export"
        >
          <DownloadIcon width={18} height={18} /> Download export
        </a>
      </div>
      {item.expiresAt ? (
        <p className="hint">Available until {formatDateTime(item.expiresAt)}.</p>
      ) : null}
    </div>
  );
}

function ExportRow({ item }: { item: ExportDto }) {
  const expired =
    item.status === 'ready' &&
    (!item.downloadUrl || (item.expiresAt !== null && Date.parse(item.expiresAt) < Date.now()));
  const state =
    item.status === 'running'
      ? `Preparing… ${Math.round(item.progress * 100)}%`
      : item.status === 'failed'
        ? 'Failed'
        : expired
          ? 'Expired'
          : `Ready${item.size !== null ? `, ${formatBytes(item.size)}` : ''}`;
  return (
    <li className="export-row">
      <span className="export-when">
        {formatDateTime(item.createdAt)} · {FORMAT_NAMES[item.format]}
      </span>
      <span className="export-state" data-status={expired ? 'expired' : item.status}>
        {state}
      </span>
      {item.status === 'ready' && !expired && item.downloadUrl ? (
        <a className="button button-small" href={item.downloadUrl} download>
          Download
          <span className="sr-only"> the export of {formatDateTime(item.createdAt)}</span>
        </a>
      ) : null}
    </li>
  );
}
