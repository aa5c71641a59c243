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
import { type MessageId, T, t as translate, useT } from '../i18n/i18n';
import { Link } from '../router';
import { Field } from '../shared/components/field';
import { UploadIcon } from '../shared/components/file-icons';
import { FormCard } from '../shared/components/form-card';
import { BackIcon } from '../shared/components/icons';
import { friendlyError, importProblems } from '../shared/lib/errors';
import { describeScheduleText, formatDateRange, formatFullDate } from '../shared/lib/format';
import { useHeadingFocus } from '../shared/lib/use-heading-focus';
import { loadToday, todayStore } from '../today/store';
import { countSummary, formatBytes, looksImportable } from './file-checks';
import { warningText } from './import-warnings';

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

const SOURCES: Record<ImportPreview['source'], MessageId> = {
  'loop-csv': 'import.source.loopCsv',
  'loop-sqlite': 'import.source.loopBackup',
  'habit-tracker': 'import.source.habitTracker',
  'beaver-habits': 'import.source.beaver',
  'table-habit': 'import.source.tableHabit',
  habitica: 'import.source.habitica',
  habitbull: 'import.source.habitbull',
};

export default function ImportScreen() {
  const t = useT();
  const heading = useHeadingFocus<HTMLHeadingElement>(t('import.title'));
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
    if (file.size === 0) return fail(t('import.error.empty', { name: file.name }));
    if (file.size > DEFAULT_IMPORT_MAX_BYTES) {
      return fail(t('import.error.tooBig', { name: file.name, size: formatBytes(file.size) }));
    }
    if (!(await looksImportable(file))) {
      return fail(t('import.error.notImportable', { name: file.name }));
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
      if (!item.preview) throw new Error(t('import.error.noPreview'));
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
          <BackIcon width={18} height={18} /> {t('data.title')}
        </Link>
        <h1 ref={heading} tabIndex={-1}>
          {t('import.title')}
        </h1>
        <p className="subtitle">{t('import.subtitle')}</p>
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
  const t = useT();
  const working = step.kind !== 'pick';
  const percent = step.kind === 'uploading' ? Math.round(step.fraction * 100) : 100;
  return (
    <FormCard title={t('import.pick.title')}>
      <ul className="source-list">
        {PICK_SOURCES.map((source) => (
          <li key={source}>
            <T id={source} values={{ b: (chunks) => <strong>{chunks}</strong> }} />
          </li>
        ))}
      </ul>
      <Field label={t('import.pick.label')} hint={t('import.pick.hint')}>
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
                ? t('import.uploading', {
                    name: step.fileName,
                    percent: Math.floor(percent / 10) / 10,
                  })
                : t('import.reading', { name: step.fileName })}
            </p>
            <progress
              className="progress"
              max={100}
              value={step.kind === 'uploading' ? percent : undefined}
              aria-label={t(
                step.kind === 'uploading' ? 'import.uploadProgress' : 'import.readingFile',
              )}
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
  const t = useT();
  const { item, preview, busy } = props;
  const id = useId();
  const { habits } = preview.totals;
  const summary = countSummary(preview.totals);
  // The server listed weekdays from this same setting; a preview stored before `scheduleRule`
  // existed shows its English schedule.
  const weekStart = todayStore.get().data?.settings.weekStart ?? 1;
  return (
    <section className="card form-section" aria-labelledby={`${id}-title`} data-testid="preview">
      <div>
        <h2 id={`${id}-title`} className="card-title" ref={props.headingRef} tabIndex={-1}>
          {t('import.preview.title')}
        </h2>
        <p className="hint">
          {t(SOURCES[preview.source])} · {item.fileName}
        </p>
      </div>
      <p>
        <T
          id="import.preview.holds"
          values={{ summary, b: (chunks) => <strong>{chunks}</strong> }}
        />
      </p>
      {preview.warnings.length > 0 ? (
        <div className="notice">
          <p>
            <strong>{t('import.preview.warnings')}</strong>
          </p>
          <ul className="warning-list">
            {preview.warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two warnings may read alike; the list is static
              <li key={i}>{warningText(w)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="import-habits" aria-label={t('import.preview.habits')}>
        {preview.habits.map((h, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file may hold two habits of one name
          <li key={i} className="import-habit">
            <span className="import-habit-name">{h.name}</span>
            <span className="import-habit-meta">
              {t(h.kind === 'numeric' ? 'import.preview.number' : 'import.preview.yesNo')} ·{' '}
              {h.scheduleRule ? describeScheduleText(h.scheduleRule, weekStart) : h.schedule} ·{' '}
              {t('import.count.checkins', { n: h.checkins })}
              {h.firstDate && h.lastDate ? ` · ${dateRange(h.firstDate, h.lastDate)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="hint">{t('import.preview.note')}</p>
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={props.onCancel}>
          {t('import.preview.cancel')}
        </button>
        <span className="spacer" />
        <button
          type="button"
          className="button button-primary"
          disabled={busy || habits === 0}
          onClick={props.onConfirm}
        >
          {busy ? t('import.preview.importing') : t('import.preview.confirm', { summary })}
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
  const t = useT();
  const id = useId();
  const result = props.item.result ?? { habits: 0, checkins: 0, photos: 0 };
  return (
    <section className="card form-section" aria-labelledby={`${id}-title`} data-testid="result">
      <h2 id={`${id}-title`} className="card-title" ref={props.headingRef} tabIndex={-1}>
        {t('import.result.title')}
      </h2>
      <p>
        {t('import.result.added', { summary: countSummary(result), name: props.item.fileName })}
      </p>
      <div className="button-row">
        <Link to="/" className="button button-primary">
          {t('import.result.today')}
        </Link>
        <button type="button" className="button" onClick={props.onAgain}>
          <UploadIcon width={18} height={18} /> {t('import.result.again')}
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

/** Where each app's file comes from, in the order the picker lists them. */
const PICK_SOURCES: MessageId[] = [
  'import.pick.loop',
  'import.pick.beaver',
  'import.pick.tableHabit',
  'import.pick.habitica',
  'import.pick.habitbull',
  'import.pick.habitsync',
  'import.pick.habitTracker',
];

function dateRange(first: string, last: string): string {
  return first === last ? formatFullDate(first) : formatDateRange(first, last);
}

/** The server's refusal in words; an invalid file lists each problem as "file, line N: …". */
function importFailure(error: unknown, fileName: string): Failure {
  if (error instanceof ApiError && error.code === 'import_invalid') {
    const problems = importProblems(error);
    if (problems.length === 0) return { message: friendlyError(error), problems };
    return { message: translate('import.error.invalid', { name: fileName }), problems };
  }
  if (error instanceof ApiError && error.code === 'payload_too_large') {
    return { message: translate('import.error.tooLarge', { name: fileName }), problems: [] };
  }
  return { message: friendlyError(error), problems: [] };
}
