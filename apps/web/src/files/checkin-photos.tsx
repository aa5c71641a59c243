/**
 * The photos of one check-in, inside the check-in dialog: thumbnails, a large view, deleting,
 * and adding (each file: create → PUT the bytes with progress → complete → refresh the list).
 * A lazy chunk: it loads when a check-in dialog opens, not with the app.
 *
 * A photo belongs to a check-in, so a day with none gets one first: choosing photos saves the
 * form as it stands (Done or Skipped, with its amount and note) and waits for the outbox to
 * deliver it. The alternative — hiding "Add photos" until the day is saved — makes someone
 * logging a run with a photo save, reopen the dialog and start again. The hint says beforehand
 * that adding a photo saves the day, so nothing is recorded by surprise.
 */
import {
  DEFAULT_PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  PHOTOS_PER_CHECKIN,
  type PhotoType,
} from '@habit-tracker/vocabulary';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, type CheckinDto, type Habit } from '../api/client';
import { filesApi, type Photo } from '../api/files';
import { uploadFile } from '../api/upload';
import { t as translate, useT } from '../i18n/i18n';
import { syncStore } from '../offline/sync';
import { ConfirmDialog, Dialog } from '../shared/components/dialog';
import { CameraIcon } from '../shared/components/file-icons';
import { friendlyError } from '../shared/lib/errors';
import { formatFullDate } from '../shared/lib/format';
import { useStore, uuid } from '../shared/lib/store';
import { formatBytes, sniffPhotoType } from './file-checks';
import { waitForDayOnServer } from './wait-for-day';

interface Props {
  habit: Habit;
  date: string;
  /** As the dialog shows it: the server's, or the one waiting in the outbox. */
  checkin: CheckinDto | null;
  mode: 'done' | 'skipped' | 'none';
  /** Queues the dialog's form as the day's check-in; false if the form is not valid yet. */
  saveForPhotos: () => boolean;
}

interface Upload {
  key: string;
  file: File;
  type: PhotoType;
  fraction: number;
  stage: 'waiting' | 'uploading' | 'finishing' | 'failed';
  error?: string;
}

export default function CheckinPhotos({ habit, date, checkin, mode, saveForPhotos }: Props) {
  const t = useT();
  const id = useId();
  const { online, pending } = useStore(syncStore);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [viewing, setViewing] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const aborter = useRef(new AbortController());
  const hasCheckin = checkin !== null;
  const dayPending = pending.some((a) => a.habitId === habit.id && a.date === date);

  const load = useCallback(async () => {
    try {
      setPhotos((await filesApi.photos(habit.id, date)).photos);
      setLoadError(null);
    } catch (error) {
      // No check-in on the server (yet, or any more): no photos either.
      if (error instanceof ApiError && error.status === 404) setPhotos([]);
      else setLoadError(friendlyError(error));
    }
  }, [habit.id, date]);

  // Once the day's queued writes are through, the server's list is the one to show.
  useEffect(() => {
    if (hasCheckin && !dayPending) void load();
  }, [hasCheckin, dayPending, load]);

  // Closing the dialog stops its uploads (an unfinished one is cleaned up by the server).
  useEffect(() => {
    const controller = aborter.current;
    return () => controller.abort();
  }, []);

  const busy = uploads.some((u) => u.stage !== 'failed');
  const room = PHOTOS_PER_CHECKIN - photos.length;
  const canAdd = online && mode !== 'none' && room > 0 && !busy;

  function patch(key: string, change: Partial<Upload>) {
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }

  async function choose(files: File[]) {
    setProblems([]);
    const found: string[] = [];
    const accepted: Upload[] = [];
    for (const file of files) {
      const type = await sniffPhotoType(file);
      if (!type) found.push(t('photos.error.notImage', { name: file.name }));
      else if (file.size > DEFAULT_PHOTO_MAX_BYTES) {
        found.push(t('photos.error.tooBig', { name: file.name, size: formatBytes(file.size) }));
      } else accepted.push({ key: uuid(), file, type, fraction: 0, stage: 'waiting' });
    }
    if (accepted.length > room) {
      found.push(t('photos.error.noRoom', { max: PHOTOS_PER_CHECKIN, room }));
      accepted.length = Math.max(0, room);
    }
    setProblems(found);
    if (accepted.length === 0) return;

    if (!hasCheckin && !saveForPhotos()) return; // the dialog shows why (the amount)
    setUploads((list) => [...list.filter((u) => u.stage !== 'failed'), ...accepted]);
    setAnnouncement(t('photos.adding', { n: accepted.length }));
    const notSaved = await waitForDayOnServer(habit.id, date);
    if (notSaved) {
      setUploads((list) => list.filter((u) => !accepted.includes(u)));
      setProblems([...found, notSaved]);
      setAnnouncement('');
      return;
    }
    let added = 0;
    for (const item of accepted) {
      if (aborter.current.signal.aborted) return;
      if (await send(item)) added++;
    }
    await load();
    const failed = accepted.length - added;
    setAnnouncement(
      failed === 0 ? t('photos.added', { n: added }) : t('photos.notAdded', { n: failed }),
    );
  }

  /** One photo through the three steps; false (with the reason on its row) if it failed. */
  async function send(item: Upload): Promise<boolean> {
    const signal = aborter.current.signal;
    let photoId: string | null = null;
    try {
      patch(item.key, { stage: 'uploading' });
      const { photo, upload } = await filesApi.createPhoto(habit.id, date, {
        contentType: item.type,
        size: item.file.size,
      });
      photoId = photo.id;
      let step = 0;
      await uploadFile(
        upload,
        item.file,
        (fraction) => {
          patch(item.key, { fraction });
          // Quarter steps for screen readers; the bar itself moves smoothly.
          const quarter = Math.floor(fraction * 4);
          if (quarter > step && quarter < 4) {
            step = quarter;
            setAnnouncement(t('photos.uploaded', { name: item.file.name, percent: quarter / 4 }));
          }
        },
        signal,
      );
      patch(item.key, { stage: 'finishing' });
      await filesApi.completePhoto(photo.id);
      setUploads((list) => list.filter((u) => u.key !== item.key));
      return true;
    } catch (error) {
      if (signal.aborted) return false;
      // A photo that never completed would wait a day for the server's cleanup (a refused
      // upload_invalid one is already gone).
      const refused = error instanceof ApiError && error.code === 'upload_invalid';
      if (photoId && !refused) void filesApi.deletePhoto(photoId).catch(() => undefined);
      patch(item.key, { stage: 'failed', error: photoError(error, item.file.name) });
      return false;
    }
  }

  async function remove(photo: Photo) {
    await filesApi.deletePhoto(photo.id);
    setViewing(null);
    setPhotos((list) => list.filter((p) => p.id !== photo.id));
    setAnnouncement(t('photos.deleted'));
    // The thumbnail that opened the viewer is gone; keep focus in the dialog.
    requestAnimationFrame(() => addButton.current?.focus());
    void load();
  }

  const dayLabel = formatFullDate(date);
  const hint = !online
    ? t('photos.hint.offline')
    : mode === 'none'
      ? photos.length > 0
        ? t('photos.hint.clearing', { n: photos.length })
        : t('photos.hint.markFirst')
      : room <= 0
        ? t('photos.hint.full', { max: PHOTOS_PER_CHECKIN })
        : !hasCheckin
          ? t(mode === 'done' ? 'photos.hint.savesDone' : 'photos.hint.savesSkipped')
          : t('photos.hint.types');

  return (
    <section className="photo-section" aria-labelledby={`${id}-title`} data-testid="photos">
      <div className="photo-section-header">
        <h3 id={`${id}-title`} className="label">
          {t('photos.title')}
          {photos.length > 0 ? (
            <span className="optional"> {t('photos.count', { n: photos.length })}</span>
          ) : null}
        </h3>
        <button
          ref={addButton}
          type="button"
          className="button button-small"
          disabled={!canAdd}
          aria-describedby={`${id}-hint`}
          onClick={() => input.current?.click()}
        >
          <CameraIcon width={18} height={18} /> {t(busy ? 'photos.addBusy' : 'photos.add')}
        </button>
        <input
          ref={input}
          type="file"
          accept={PHOTO_TYPES.join(',')}
          multiple
          hidden
          aria-label={t('photos.choose')}
          data-testid="photo-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = ''; // choosing the same file again is a new choice
            if (files.length > 0) void choose(files);
          }}
        />
      </div>
      <p id={`${id}-hint`} className="hint" data-testid="photo-hint">
        {hint}
      </p>
      {loadError ? (
        <p className="form-error" role="alert">
          {t('photos.loadFailed', { reason: loadError })}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            {t('photos.retry')}
          </button>
        </p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="form-error problem-list" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {photos.length > 0 ? (
        <ul className="photo-grid">
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <button
                type="button"
                className="photo-thumb"
                title={t('photos.openLarge')}
                onClick={() => setViewing(i)}
              >
                <span className="sr-only">{t('photos.open')} </span>
                <img
                  src={photo.thumbnailUrl}
                  alt={t('photos.alt', {
                    caption: t('photos.caption', { habit: habit.name, day: dayLabel }),
                    n: i + 1,
                    total: photos.length,
                  })}
                  loading="lazy"
                  width={96}
                  height={96}
                />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {uploads.length > 0 ? (
        <ul className="upload-list" aria-label={t('photos.uploads')}>
          {uploads.map((u) => (
            <UploadRow
              key={u.key}
              upload={u}
              onDismiss={() => setUploads((list) => list.filter((x) => x.key !== u.key))}
            />
          ))}
        </ul>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {viewing !== null && photos[viewing] ? (
        <PhotoViewer
          photos={photos}
          index={viewing}
          caption={t('photos.caption', { habit: habit.name, day: dayLabel })}
          onIndex={setViewing}
          onDelete={remove}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </section>
  );
}

function UploadRow({ upload, onDismiss }: { upload: Upload; onDismiss: () => void }) {
  const t = useT();
  const percent = Math.round(upload.fraction * 100);
  const status =
    upload.stage === 'waiting'
      ? t('photos.upload.waiting')
      : upload.stage === 'finishing'
        ? t('photos.upload.finishing')
        : upload.stage === 'failed'
          ? t('photos.upload.failed')
          : t('photos.upload.percent', { percent: percent / 100 });
  return (
    <li className="upload-row" data-stage={upload.stage}>
      <span className="upload-name">{upload.file.name}</span>
      <span className="upload-status">{status}</span>
      {upload.stage === 'failed' ? (
        <>
          <p className="field-error upload-error">{upload.error}</p>
          <button type="button" className="button button-small" onClick={onDismiss}>
            {t('photos.upload.dismiss')}
          </button>
        </>
      ) : (
        <progress
          className="progress"
          max={100}
          value={upload.stage === 'waiting' ? 0 : percent}
          aria-label={t('photos.upload.label', { name: upload.file.name })}
        />
      )}
    </li>
  );
}

function PhotoViewer(props: {
  photos: Photo[];
  index: number;
  caption: string;
  onIndex: (index: number) => void;
  onDelete: (photo: Photo) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT();
  const { photos, index, caption, onIndex, onClose } = props;
  const photo = photos[index]!;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = t('photos.viewer.title', { n: index + 1, total: photos.length });

  async function confirmDelete() {
    setBusy(true);
    setError(null);
    try {
      await props.onDelete(photo);
    } catch (e) {
      setError(friendlyError(e));
      setBusy(false);
    }
  }

  return (
    <Dialog title={title} description={caption} onClose={onClose} className="dialog-photo">
      <img
        className="photo-large"
        src={photo.imageUrl}
        alt={t('photos.alt', { caption, n: index + 1, total: photos.length })}
        width={photo.width ?? undefined}
        height={photo.height ?? undefined}
      />
      <div className="dialog-actions photo-actions">
        {photos.length > 1 ? (
          <>
            <button
              type="button"
              className="button button-small"
              disabled={index === 0}
              onClick={() => onIndex(index - 1)}
            >
              {t('photos.viewer.previous')}
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={index === photos.length - 1}
              onClick={() => onIndex(index + 1)}
            >
              {t('photos.viewer.next')}
            </button>
          </>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="button button-small button-danger-ghost"
          onClick={() => setConfirming(true)}
        >
          {t('photos.viewer.delete')}
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('photos.viewer.close')}
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t('photos.confirm.title')}
          description={t('photos.confirm.text', { caption })}
          confirmLabel={t('photos.viewer.delete')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void confirmDelete()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Dialog>
  );
}

/** The server's refusals of a photo, in words that name the file. */
function photoError(error: unknown, name: string): string {
  if (error instanceof ApiError) {
    if (error.code === 'payload_too_large') return translate('import.error.tooLarge', { name });
    if (error.code === 'unsupported_media_type') {
      return translate('photos.error.notImage', { name });
    }
    if (error.code === 'upload_invalid') return translate('photos.error.damaged', { name });
    if (error.status === 404) return translate('photos.error.dayGone');
    // E.g. "A check-in holds at most 10 photos" (another device added some meanwhile).
    if (error.code === 'validation_failed' && error.issues.length > 0) {
      const reasons = error.issues.map((i) => i.message).join('; ');
      return translate('photos.error.refused', { name, reasons });
    }
  }
  return friendlyError(error);
}
