/**
 * Export → parse → import (simulated as the server would: new ids, everything else kept) →
 * export again gives the same data, for random accounts. Only ids and exportedAt may differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExportDocument, type ExportInput } from '../src/export/build-export-document';
import type { ExportDocument } from '../src/export/export-schema';
import { type ParsedExport, parseExportZip } from '../src/export/parse-export-zip';
import { sha256Hex } from '../src/sha256';
import { exportZip, randomAccount } from './support/accounts';

/** What the server's import would write, as the next export would read it back. */
async function importAsNewAccount(parsed: ParsedExport, email: string) {
  const photoBytes = new Map<string, Uint8Array>();
  const photos: ExportInput['photos'] = [];
  const habits = parsed.document.habits.map((h, i) => {
    const id = `imported-habit-${String(i).padStart(4, '0')}`;
    return {
      id,
      name: h.name,
      description: h.description,
      color: h.color,
      icon: h.icon,
      measure: h.measure,
      schedule: h.schedule,
      position: h.position,
      startDate: h.startDate,
      archivedAt: h.archivedAt ?? null,
      createdAt: h.createdAt!,
      updatedAt: h.updatedAt!,
      checkins: h.checkins.map((c) => {
        for (const photo of c.photos ?? []) {
          const photoId = `imported-photo-${String(photos.length).padStart(4, '0')}`;
          const bytes = parsed.photo(photo.path);
          photoBytes.set(photoId, bytes);
          photos.push({
            id: photoId,
            habitId: id,
            date: c.date,
            contentType: photo.contentType as ExportInput['photos'][number]['contentType'],
            size: bytes.length,
            sha256: '',
          });
        }
        return {
          date: c.date,
          state: c.state,
          value: c.value,
          note: c.note,
          createdAt: c.createdAt!,
          updatedAt: c.updatedAt!,
        };
      }),
    };
  });
  for (const photo of photos) photo.sha256 = await sha256Hex(photoBytes.get(photo.id)!);
  const input: ExportInput = {
    exportedAt: new Date(),
    account: { email },
    settings: parsed.document.settings!,
    habits,
    photos,
  };
  return { input, photoBytes };
}

/** The document with ids replaced by their order and exportedAt dropped. */
function withoutIds(doc: ExportDocument) {
  const habitIndex = new Map(doc.habits.map((h, i) => [h.id, i]));
  const { exportedAt: _, ...rest } = doc;
  return {
    ...rest,
    habits: doc.habits.map(({ id: __, ...h }) => h),
    photos: doc.photos.map(({ id: ___, path, habitId, ...p }) => ({
      ...p,
      habit: habitIndex.get(habitId),
      extension: path.split('.').pop(),
    })),
  };
}

describe('export round trip', () => {
  it('export → parse → import → export keeps every field but ids and exportedAt', async () => {
    await fc.assert(
      fc.asyncProperty(randomAccount, async (account) => {
        const { input, photoBytes } = await account;
        const first = buildExportDocument(input);
        const parsedFirst = await parseExportZip(await exportZip(first, photoBytes));
        // Reading our own zip gives back exactly what was written, ids included.
        expect(parsedFirst.exportDocument).toEqual(first);

        const imported = await importAsNewAccount(parsedFirst, first.account.email);
        const second = buildExportDocument(imported.input);
        const parsedSecond = await parseExportZip(await exportZip(second, imported.photoBytes));

        expect(withoutIds(parsedSecond.exportDocument)).toEqual(withoutIds(first));
        first.photos.forEach((photo, i) => {
          const again = parsedSecond.exportDocument.photos[i]!;
          expect(parsedSecond.photo(again.path)).toEqual(photoBytes.get(photo.id));
        });
      }),
      { numRuns: 60 },
    );
  });
});
