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
import { syncStore } from '../offline/sync';
import { ConfirmDialog, Dialog } from '../shared/components/dialog';
import { CameraIcon } from '../shared/components/file-icons';
import { friendlyError } from '../shared/lib/errors';
import { formatFullDate } from '../shared/lib/format';
import { useStore, uuid } from '../shared/lib/store';
import { formatBytes, plural, sniffPhotoType } from './file-checks';
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
      if (!type) found.push(`${file.name} isn’t a JPEG, PNG or WebP image.`);
      else if (file.size > DEFAULT_PHOTO_MAX_BYTES) {
        found.push(`${file.name} is ${formatBytes(file.size)}; photos can be up to 10 MB.`);
      } else accepted.push({ key: uuid(), file, type, fraction: 0, stage: 'waiting' });
    }
    if (accepted.length > room) {
      found.push(
        `A day can hold ${PHOTOS_PER_CHECKIN} photos, so only ${plural(room, 'more photo')} can be added.`,
      );
      accepted.length = Math.max(0, room);
    }
    setProblems(found);
    if (accepted.length === 0) return;

    if (!hasCheckin && !saveForPhotos()) return; // the dialog shows why (the amount)
    setUploads((list) => [...list.filter((u) => u.stage !== 'failed'), ...accepted]);
    setAnnouncement(`Adding ${plural(accepted.length, 'photo')}…`);
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
      failed === 0
        ? `${plural(added, 'photo')} added.`
        : `${plural(failed, 'photo')} couldn’t be added.`,
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
            setAnnouncement(`${item.file.name}: ${quarter * 25}% uploaded`);
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
    setAnnouncement('Photo deleted.');
    // The thumbnail that opened the viewer is gone; keep focus in the dialog.
    requestAnimationFrame(() => addButton.current?.focus());
    void load();
  }

  const dayLabel = formatFullDate(date);
  const hint = !online
    ? 'You’re offline. Photos can be added once you’re back online: unlike check-ins, they aren’t saved for later.'
    : mode === 'none'
      ? photos.length > 0
        ? `Clearing this day also deletes its ${plural(photos.length, 'photo')}.`
        : 'Mark the day done or skipped to add photos.'
      : room <= 0
        ? `This day has ${PHOTOS_PER_CHECKIN} photos, the most it can hold.`
        : !hasCheckin
          ? `Adding a photo saves this day as ${mode === 'done' ? 'done' : 'skipped'}. JPEG, PNG or WebP, up to 10 MB each.`
          : 'JPEG, PNG or WebP, up to 10 MB each.';

  return (
    <section className="photo-section" aria-labelledby={`${id}-title`} data-testid="photos">
      <div className="photo-section-header">
        <h3 id={`${id}-title`} className="label">
          Photos
          {photos.length > 0 ? <span className="optional"> ({photos.length})</span> : null}
        </h3>
        <button
          ref={addButton}
          type="button"
          className="button button-small"
          disabled={!canAdd}
          aria-describedby={`${id}-hint`}
          onClick={() => input.current?.click()}
        >
          <CameraIcon width={18} height={18} /> {busy ? 'Adding…' : 'Add photos'}
        </button>
        <input
          ref={input}
          type="file"
          accept={PHOTO_TYPES.join(',')}
          multiple
          hidden
          aria-label="Choose photos"
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
          Photos couldn’t be loaded. {loadError}{' '}
          <button type="button" className="link-button" onClick={() => void load()}>
            Try again
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
                title="Open large"
                onClick={() => setViewing(i)}
              >
                <span className="sr-only">Open </span>
                <img
                  src={photo.thumbnailUrl}
                  alt={`${habit.name}, ${dayLabel} (${i + 1} of ${photos.length})`}
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
        <ul className="upload-list" aria-label="Photos being added">
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
          caption={`${habit.name}, ${dayLabel}`}
          onIndex={setViewing}
          onDelete={remove}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </section>
  );
}

function UploadRow({ upload, onDismiss }: { upload: Upload; onDismiss: () => void }) {
  const percent = Math.round(upload.fraction * 100);
  const status =
    upload.stage === 'waiting'
      ? 'Waiting'
      : upload.stage === 'finishing'
        ? 'Finishing…'
        : upload.stage === 'failed'
          ? 'Not added'
          : `${percent}%`;
  return (
    <li className="upload-row" data-stage={upload.stage}>
      <span className="upload-name">{upload.file.name}</span>
      <span className="upload-status">{status}</span>
      {upload.stage === 'failed' ? (
        <>
          <p className="field-error upload-error">{upload.error}</p>
          <button type="button" className="button button-small" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      ) : (
        <progress
          className="progress"
          max={100}
          value={upload.stage === 'waiting' ? 0 : percent}
          aria-label={`Uploading ${upload.file.name}`}
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
  const { photos, index, caption, onIndex, onClose } = props;
  const photo = photos[index]!;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = `Photo ${index + 1} of ${photos.length}`;

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
        alt={`${caption} (${index + 1} of ${photos.length})`}
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
              Previous
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={index === photos.length - 1}
              onClick={() => onIndex(index + 1)}
            >
              Next
            </button>
          </>
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          className="button button-small button-danger-ghost"
          onClick={() => setConfirming(true)}
        >
          Delete photo
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Delete this photo?"
          description={`It will be removed from ${caption} for good.`}
          confirmLabel="Delete photo"
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
    if (error.code === 'payload_too_large') return `${name} is larger than the server accepts.`;
    if (error.code === 'unsupported_media_type') {
      return `${name} isn’t a JPEG, PNG or WebP image.`;
    }
    if (error.code === 'upload_invalid') {
      return `${name} arrived damaged or isn’t really an image. Try choosing it again.`;
    }
    if (error.status === 404) return 'This day has no check-in any more, so photos can’t be added.';
    // E.g. "A check-in holds at most 10 photos" (another device added some meanwhile).
    if (error.code === 'validation_failed' && error.issues.length > 0) {
      return `${name} wasn’t added: ${error.issues.map((i) => i.message).join('; ')}.`;
    }
  }
  return friendlyError(error);
}
