/**
 * Import (/import): pick a file (Loop's CSV export or backup, or this app's export), upload it
 * with progress, read the server's preview, then confirm or cancel. Nothing is written until
 * the user confirms; the server validates the whole file first (docs/api.md, "Import").
 */
import { DEFAULT_IMPORT_MAX_BYTES } from '@habit-tracker/vocabulary';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { filesApi, type ImportDto, type ImportPreview } from '../api/files';
import { uploadFile } from '../api/upload';
import { Link } from '../router';
import { Field } from '../shared/components/field';
import { UploadIcon } from '../shared/components/file-icons';
import { FormCard } from '../shared/components/form-card';
import { BackIcon } from '../shared/components/icons';
import { friendlyError, importProblems } from '../shared/lib/errors';
import { formatFullDate } from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { loadToday } from '../today/store';
import { formatBytes, looksImportable, plural } from './file-checks';

type Step =
  | { kind: 'pick' }
  | { kind: 'uploading'; fileName: string; fraction: number }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; item: ImportDto; preview: ImportPreview }
  | { kind: 'importing'; item: ImportDto; preview: ImportPreview }
  | { kind: 'done'; item: ImportDto };

interface Failure {
  message: string;
  problems: string[];
}

const SOURCES: Record<ImportPreview['source'], string> = {
  'loop-csv': 'Loop Habit Tracker, CSV export',
  'loop-sqlite': 'Loop Habit Tracker, backup',
  'habit-tracker': 'Habit Tracker export',
  'beaver-habits': 'Beaver Habits export',
  'table-habit': 'Table Habit export',
  habitica: 'Habitica user data',
  habitbull: 'HabitBull CSV export',
};

export default function ImportScreen() {
  const heading = useHeadingFocus<HTMLHeadingElement>('Import your history');
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [failure, setFailure] = useState<Failure | null>(null);
  const aborter = useRef<AbortController | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => () => aborter.current?.abort(), []);
  // The preview and the result replace the screen's content: move focus to their heading.
  useEffect(() => {
    if (step.kind === 'preview' || step.kind === 'done') stepHeading.current?.focus();
  }, [step.kind]);

  async function start(file: File) {
    setFailure(null);
    if (file.size === 0) return fail(`${file.name} is empty.`);
    if (file.size > DEFAULT_IMPORT_MAX_BYTES) {
      return fail(`${file.name} is ${formatBytes(file.size)}; files up to 50 MB can be imported.`);
    }
    if (!(await looksImportable(file))) {
      return fail(
        `${file.name} isn’t an export this app can read. Choose Loop’s CSV export (.zip) or backup (.db), a JSON export of Beaver Habits, Table Habit or Habitica, HabitBull’s CSV, or an export from this app (.zip).`,
      );
    }
    const controller = new AbortController();
    aborter.current = controller;
    try {
      setStep({ kind: 'uploading', fileName: file.name, fraction: 0 });
      const { import: created, upload } = await filesApi.createImport({
        fileName: file.name.slice(0, 255),
        size: file.size,
      });
      await uploadFile(
        upload,
        file,
        (fraction) => setStep({ kind: 'uploading', fileName: file.name, fraction }),
        controller.signal,
      );
      setStep({ kind: 'reading', fileName: file.name });
      const item = await filesApi.previewImport(created.id);
      if (!item.preview) throw new Error('The server sent no preview.');
      setStep({ kind: 'preview', item, preview: item.preview });
    } catch (error) {
      if (controller.signal.aborted) return;
      fail(importFailure(error, file.name));
    }
  }

  async function confirm(item: ImportDto, preview: ImportPreview) {
    setFailure(null);
    setStep({ kind: 'importing', item, preview });
    try {
      const done = await filesApi.confirmImport(item.id);
      setStep({ kind: 'done', item: done });
      void loadToday();
    } catch (error) {
      // Still the same preview: the user can try confirming again, or cancel.
      setStep({ kind: 'preview', item, preview });
      setFailure(importFailure(error, item.fileName));
    }
  }

  function fail(reason: string | Failure) {
    setFailure(typeof reason === 'string' ? { message: reason, problems: [] } : reason);
    setStep({ kind: 'pick' });
  }

  return (
    <div className="screen import-screen">
      <header className="screen-header">
        <Link to="/settings/data" className="back-link">
          <BackIcon width={18} height={18} /> Your data
        </Link>
        <h1 ref={heading} tabIndex={-1}>
          Import your history
        </h1>
        <p className="subtitle">
          From Loop Habit Tracker, Beaver Habits, Table Habit, Habitica, HabitBull, or an export of
          this app. Nothing is added until you confirm.
        </p>
      </header>
      {failure ? <FailureNotice failure={failure} /> : null}
      {step.kind === 'pick' || step.kind === 'uploading' || step.kind === 'reading' ? (
        <FilePicker step={step} onFile={(file) => void start(file)} />
      ) : step.kind === 'done' ? (
        <Result
          item={step.item}
          headingRef={stepHeading}
          onAgain={() => setStep({ kind: 'pick' })}
        />
      ) : (
        <PreviewCard
          item={step.item}
          preview={step.preview}
          busy={step.kind === 'importing'}
          headingRef={stepHeading}
          onConfirm={() => void confirm(step.item, step.preview)}
          onCancel={() => setStep({ kind: 'pick' })}
        />
      )}
    </div>
  );
}

function FilePicker({
  step,
  onFile,
}: {
  step: Extract<Step, { kind: 'pick' | 'uploading' | 'reading' }>;
  onFile: (file: File) => void;
}) {
  const working = step.kind !== 'pick';
  const percent = step.kind === 'uploading' ? Math.round(step.fraction * 100) : 100;
  return (
    <FormCard title="Choose a file">
      <ul className="source-list">
        <li>
          <strong>Loop Habit Tracker:</strong> in Loop’s settings, “Export as CSV” (a .zip) or
          “Export full backup” (a .db file).
        </li>
        <li>
          <strong>Beaver Habits:</strong> its JSON export.
        </li>
        <li>
          <strong>Table Habit:</strong> “Export” in its settings (a .json file).
        </li>
        <li>
          <strong>Habitica:</strong> Settings → Site Data → User Data → Download as JSON
          (habitica-user-data.json). Dailies come in as yes/no habits, habits as counts.
        </li>
        <li>
          <strong>HabitBull:</strong> its CSV export.
        </li>
        <li>
          <strong>HabitSync:</strong> not a file format of its own yet; export from the app you used
          before it, or copy habits by hand.
        </li>
        <li>
          <strong>Habit Tracker:</strong> the .zip from Settings → Your data → Export everything.
        </li>
      </ul>
      <Field
        label="File to import"
        hint="Up to 50 MB. It is uploaded and checked first; you’ll see what it holds before anything is added."
      >
        {(control) => (
          <input
            {...control}
            className="file-input"
            type="file"
            accept=".zip,.db,.sqlite,.sqlite3,.json,.csv,application/zip,application/json,text/csv"
            disabled={working}
            data-testid="import-file"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = ''; // the same file again (after fixing it) is a new choice
              if (file) onFile(file);
            }}
          />
        )}
      </Field>
      <div role="status" aria-live="polite" className="import-status">
        {working ? (
          <>
            <p>
              {step.kind === 'uploading'
                ? `Uploading ${step.fileName}… ${Math.floor(percent / 10) * 10}%`
                : `Reading ${step.fileName}…`}
            </p>
            <progress
              className="progress"
              max={100}
              value={step.kind === 'uploading' ? percent : undefined}
              aria-label={step.kind === 'uploading' ? 'Upload progress' : 'Reading the file'}
              data-testid="import-progress"
            />
          </>
        ) : null}
      </div>
    </FormCard>
  );
}

function PreviewCard(props: {
  item: ImportDto;
  preview: ImportPreview;
  busy: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { item, preview, busy } = props;
  const id = useId();
  const { habits, checkins, photos } = preview.totals;
  const what = [
    plural(habits, 'habit'),
    plural(checkins, 'check-in'),
    ...(photos > 0 ? [plural(photos, 'photo')] : []),
  ];
  const summary = what.length === 3 ? `${what[0]}, ${what[1]} and ${what[2]}` : what.join(' and ');
  return (
    <section className="card form-section" aria-labelledby={`${id}-title`} data-testid="preview">
      <div>
        <h2 id={`${id}-title`} className="card-title" ref={props.headingRef} tabIndex={-1}>
          Ready to import
        </h2>
        <p className="hint">
          {SOURCES[preview.source]} · {item.fileName}
        </p>
      </div>
      <p>
        This file holds <strong>{summary}</strong>.
      </p>
      {preview.warnings.length > 0 ? (
        <div className="notice">
          <p>
            <strong>Worth knowing before you import:</strong>
          </p>
          <ul className="warning-list">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="import-habits" aria-label="Habits in the file">
        {preview.habits.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file may hold two habits of one name
          <li key={i} className="import-habit">
            <span className="import-habit-name">{h.name}</span>
            <span className="import-habit-meta">
              {h.kind === 'numeric' ? 'Number' : 'Yes or no'} · {h.schedule} ·{' '}
              {plural(h.checkins, 'check-in')}
              {h.firstDate && h.lastDate ? ` · ${dateRange(h.firstDate, h.lastDate)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="hint">
        Imported habits are added after your own. Nothing you already have is changed.
      </p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={props.onCancel}>
          Cancel
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button button-primary"
          disabled={busy || habits === 0}
          onClick={props.onConfirm}
        >
          {busy ? 'Importing…' : `Import ${summary}`}
        </button>
      </div>
    </section>
  );
}

function Result(props: {
  item: ImportDto;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAgain: () => void;
}) {
  const id = useId();
  const result = props.item.result ?? { habits: 0, checkins: 0, photos: 0 };
  const what = [
    plural(result.habits, 'habit'),
    plural(result.checkins, 'check-in'),
    ...(result.photos > 0 ? [plural(result.photos, 'photo')] : []),
  ];
  return (
    <section className="card form-section" aria-labelledby={`${id}-title`} data-testid="result">
      <h2 id={`${id}-title`} className="card-title" ref={props.headingRef} tabIndex={-1}>
        Import complete
      </h2>
      <p>
        Added {what.length === 3 ? `${what[0]}, ${what[1]} and ${what[2]}` : what.join(' and ')}{' '}
        from {props.item.fileName}.
      </p>
      <div className="button-row">
        <Link to="/" className="button button-primary">
          Go to Today
        </Link>
        <button type="button" className="button" onClick={props.onAgain}>
          <UploadIcon width={18} height={18} /> Import another file
        </button>
      </div>
    </section>
  );
}

function FailureNotice({ failure }: { failure: Failure }) {
  return (
    <div className="notice notice-error" role="alert" data-testid="import-error">
      <p>{failure.message}</p>
      {failure.problems.length > 0 ? (
        <ul className="problem-list">
          {failure.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems may repeat; the list is static
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function dateRange(first: string, last: string): string {
  return first === last
    ? formatFullDate(first)
    : `${formatFullDate(first)} – ${formatFullDate(last)}`;
}

/** The server's refusal in words; an invalid file lists each problem as "file, line N: …". */
function importFailure(error: unknown, fileName: string): Failure {
  if (error instanceof ApiError && error.code === 'import_invalid') {
    const problems = importProblems(error);
    if (problems.length === 0) return { message: friendlyError(error), problems };
    return { message: `${fileName} can’t be imported:`, problems };
  }
  if (error instanceof ApiError && error.code === 'payload_too_large') {
    return { message: `${fileName} is larger than the server accepts.`, problems: [] };
  }
  return { message: friendlyError(error), problems: [] };
}
