/** Accounts to export: one hand-written sample and fast-check's random ones. */
import fc from 'fast-check';
import type { ExportInput, ExportPhotoInput } from '../../src/export/build-export-document';
import { createExportZip, type PhotoEntry } from '../../src/export/create-export-zip';
import type { ExportDocument } from '../../src/export/export-schema';
import { PHOTO_EXTENSIONS, type PhotoContentType } from '../../src/export/paths';
import { sha256Hex } from '../../src/sha256';

/** An account to export plus its photos' bytes by photo id. */
export interface AccountFixture {
  input: ExportInput;
  photoBytes: Map<string, Uint8Array>;
}

export async function photoInput(
  id: string,
  habitId: string,
  date: string,
  contentType: PhotoContentType,
  bytes: Uint8Array,
): Promise<ExportPhotoInput> {
  return { id, habitId, date, contentType, size: bytes.length, sha256: await sha256Hex(bytes) };
}

/** The photos a document lists, as the server would stream them from storage. */
export async function* photoEntries(
  document: ExportDocument,
  bytesById: Map<string, Uint8Array>,
): AsyncGenerator<PhotoEntry> {
  for (const photo of document.photos) yield { path: photo.path, bytes: bytesById.get(photo.id)! };
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export async function exportZip(document: ExportDocument, photoBytes: Map<string, Uint8Array>) {
  return collect(createExportZip({ document, photos: photoEntries(document, photoBytes) }));
}

const T = '2024-06-01T08:00:00.000Z';
const H1 = '0b7c1a56-3f0e-4b8e-9d41-5a2f7c9e1d01';
const H2 = '0b7c1a56-3f0e-4b8e-9d41-5a2f7c9e1d02';

export async function sampleAccount(): Promise<AccountFixture> {
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]);
  return {
    photoBytes: new Map([
      ['photo-1', jpeg],
      ['photo-2', png],
    ]),
    input: {
      exportedAt: new Date('2024-06-30T12:00:00Z'),
      account: { email: 'ada@example.com' },
      settings: { timeZone: 'Europe/Berlin', dayStartHour: 3, weekStart: 1 },
      habits: [
        {
          id: H2,
          name: 'Run / jog: "5k"',
          description: '',
          color: '#3b82f6',
          icon: '🏃',
          measure: { kind: 'numeric', unit: 'km', target: 5, direction: 'at_least' },
          schedule: { kind: 'times_per_week', times: 3 },
          position: 1,
          startDate: '2024-05-01',
          archivedAt: null,
          createdAt: T,
          updatedAt: T,
          checkins: [
            {
              date: '2024-06-02',
              state: 'done',
              value: 5.5,
              note: '=HYPERLINK("http://x")',
              createdAt: T,
              updatedAt: T,
            },
            {
              date: '2024-06-01',
              state: 'skipped',
              value: null,
              note: 'Rain, "heavy"\nall day',
              createdAt: T,
              updatedAt: T,
            },
          ],
        },
        {
          id: H1,
          name: 'Read',
          description: 'Ten pages',
          color: '#d32f2f',
          icon: '',
          measure: { kind: 'boolean' },
          schedule: { kind: 'weekdays', days: [1, 3, 5] },
          position: 0,
          startDate: '2024-05-01',
          archivedAt: new Date('2024-06-20T00:00:00Z'),
          createdAt: new Date(T),
          updatedAt: new Date(T),
          checkins: [
            {
              date: '2024-06-03',
              state: 'done',
              value: null,
              note: null,
              createdAt: T,
              updatedAt: T,
            },
          ],
        },
      ],
      photos: [
        await photoInput('photo-2', H2, '2024-06-02', 'image/png', png),
        await photoInput('photo-1', H1, '2024-06-03', 'image/jpeg', jpeg),
      ],
    },
  };
}

// ——— random accounts ———

const timestamp = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2090-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const localDate = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
/** Unicode text, and text a spreadsheet would run as a formula. */
const text = (maxLength: number) =>
  fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength }),
      fc.constantFrom('=1+1', '+49 30 1234', '-5 kg', '@here', 'a,"b"\r\nc'),
    )
    .filter((s) => s.length <= maxLength * 4);
const name = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 24 })
  .filter((s) => s.trim() !== '' && s.length <= 100);
const unit = fc.constantFrom('km', 'pages', 'cups', 'min', '杯', 'times');
const measure = fc.oneof(
  fc.constant({ kind: 'boolean' as const }),
  fc.record({
    kind: fc.constant('numeric' as const),
    unit,
    target: fc.double({ min: 0.001, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    direction: fc.constantFrom('at_least' as const, 'at_most' as const),
  }),
);
const schedule = fc.oneof(
  fc.constant({ kind: 'daily' as const }),
  fc.record({
    kind: fc.constant('weekdays' as const),
    days: fc.uniqueArray(
      fc.constantFrom(1, 2, 3, 4, 5, 6, 7) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6 | 7>,
      { minLength: 1, maxLength: 7 },
    ),
  }),
  fc.record({
    kind: fc.constant('times_per_week' as const),
    times: fc.integer({ min: 1, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('times_per_month' as const),
    times: fc.integer({ min: 1, max: 31 }),
  }),
  fc.record({
    kind: fc.constant('every_n_days' as const),
    interval: fc.integer({ min: 1, max: 365 }),
    startDate: localDate,
  }),
  fc
    .record({ times: fc.integer({ min: 1, max: 364 }), more: fc.integer({ min: 1, max: 364 }) })
    .map(({ times, more }) => ({
      kind: 'times_in_days' as const,
      times,
      days: Math.min(365, times + more),
    })),
);
const amount = fc
  .double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true })
  .map((v) => (Object.is(v, -0) ? 0 : v));
const photoType = fc.constantFrom(...(Object.keys(PHOTO_EXTENSIONS) as PhotoContentType[]));

const checkin = fc.record({
  date: localDate,
  state: fc.constantFrom('done' as const, 'skipped' as const, 'note' as const),
  amount,
  note: fc.option(text(80), { nil: null }),
  createdAt: timestamp,
  updatedAt: timestamp,
  photos: fc.array(fc.record({ type: photoType, bytes: fc.uint8Array({ maxLength: 48 }) }), {
    maxLength: 2,
  }),
});

const habit = fc.record({
  id: fc.uuid(),
  name,
  description: text(60),
  color: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  icon: fc.constantFrom('', '🏃', '📚', '💧'),
  measure,
  schedule,
  position: fc.integer({ min: 0, max: 50 }),
  startDate: localDate,
  archivedAt: fc.option(timestamp, { nil: null }),
  createdAt: timestamp,
  updatedAt: timestamp,
  checkins: fc.uniqueArray(checkin, { selector: (c) => c.date, maxLength: 12 }),
});

/** A random account: up to 6 habits, their check-ins (with photos on some) and settings. */
export const randomAccount: fc.Arbitrary<Promise<AccountFixture>> = fc
  .record({
    exportedAt: timestamp,
    email: fc.emailAddress().filter((e) => e.length <= 254),
    settings: fc.record({
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Singapore', 'America/Sao_Paulo'),
      dayStartHour: fc.integer({ min: 0, max: 23 }),
      weekStart: fc.constantFrom(1, 6, 7) as fc.Arbitrary<1 | 6 | 7>,
    }),
    habits: fc.uniqueArray(habit, { selector: (h) => h.id, maxLength: 6 }),
  })
  .map(async (raw) => {
    const photoBytes = new Map<string, Uint8Array>();
    const photos: ExportPhotoInput[] = [];
    let n = 0;
    const habits = raw.habits.map((h) => ({
      ...h,
      checkins: h.checkins.map((c) => {
        const value = h.measure.kind === 'numeric' && c.state === 'done' ? c.amount : null;
        return {
          date: c.date,
          state: c.state,
          value,
          // A day with only a note has one.
          note: c.state === 'note' && (c.note ?? '').trim() === '' ? 'a note' : c.note,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
        };
      }),
    }));
    for (const h of raw.habits) {
      for (const c of h.checkins) {
        for (const p of c.photos) {
          const id = `photo-${n++}`;
          photoBytes.set(id, p.bytes);
          photos.push(await photoInput(id, h.id, c.date, p.type, p.bytes));
        }
      }
    }
    return {
      photoBytes,
      input: {
        exportedAt: raw.exportedAt,
        account: { email: raw.email },
        settings: raw.settings,
        habits,
        photos,
      },
    };
  });
