/**
 * HabitSync (github.com/jofoerster/habitsync) has no export of its own (none up to v0.18.2: no
 * export endpoint, nothing in its web app; its README tells self-hosters to copy the database
 * file). There is nothing of it to import. A file that looks like the answers of its REST API —
 * habits with a `progressComputation`, or records with `habitUuid` and `epochDay`
 * (HabitReadDTO, HabitRecordReadDTO) — is recognised only to say so plainly.
 */
import { isObject } from './common';

function looksLikeItem(item: unknown): boolean {
  return (
    isObject(item) &&
    (isObject(item.progressComputation) || ('habitUuid' in item && 'epochDay' in item))
  );
}

export function looksLikeHabitSyncApi(json: unknown): boolean {
  if (Array.isArray(json)) return json.slice(0, 5).some(looksLikeItem);
  return (
    isObject(json) &&
    Object.values(json).some((v) => Array.isArray(v) && v.slice(0, 5).some(looksLikeItem))
  );
}

export const HABITSYNC_MESSAGE =
  "This looks like data from HabitSync's API. HabitSync has no export of its own, so there is no file of it this app can import; its habits would have to be moved by hand.";
