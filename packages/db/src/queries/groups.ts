import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { habitGroups, habits } from '../schema';
import { lockActiveHabits } from './habits';
import { deleteOwnedRow, nextPosition, ownedRow, sameIds, setPositions } from './owned';
import { type HabitGroupRow, uuidArray } from './rows';

/* Every query here filters by user_id: another user's group is indistinguishable from none. */

const groupColumns = {
  id: habitGroups.id,
  name: habitGroups.name,
  position: habitGroups.position,
  createdAt: habitGroups.createdAt,
  updatedAt: habitGroups.updatedAt,
};

/** The user's groups in their order. */
export async function listGroups(db: Db, userId: string): Promise<HabitGroupRow[]> {
  return db
    .select(groupColumns)
    .from(habitGroups)
    .where(eq(habitGroups.userId, userId))
    .orderBy(asc(habitGroups.position), asc(habitGroups.createdAt), asc(habitGroups.id));
}

/** Appends a group after the user's others. */
export async function createGroup(db: Db, userId: string, name: string): Promise<HabitGroupRow> {
  const [row] = await db
    .insert(habitGroups)
    .values({
      userId,
      name,
      position: nextPosition(habitGroups, userId),
    })
    .returning(groupColumns);
  return row!;
}

/** Null when the group is not the user's. */
export async function renameGroup(
  db: Db,
  userId: string,
  id: string,
  name: string,
): Promise<HabitGroupRow | null> {
  const [row] = await db
    .update(habitGroups)
    .set({ name, updatedAt: sql`now()` })
    .where(ownedRow(habitGroups, userId, id))
    .returning(groupColumns);
  return row ?? null;
}

/** Deletes the group; its habits stay, ungrouped (the foreign key sets null). */
export async function deleteGroup(db: Db, userId: string, id: string): Promise<boolean> {
  return deleteOwnedRow(db, habitGroups, userId, id);
}

/** Whether the group exists and is the user's (before a habit is put in it). */
export async function isOwnGroup(db: Db, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: habitGroups.id })
    .from(habitGroups)
    .where(ownedRow(habitGroups, userId, id));
  return row !== undefined;
}

export interface Layout {
  /** Active habits outside any group, in order (shown first on Today). */
  ungrouped: string[];
  /** Every group of the user, in order, with its active habits in order. */
  groups: { id: string; habitIds: string[] }[];
}

/**
 * Puts the user's groups and active habits in the order and groups of `layout`, in one
 * transaction. False, changing nothing, unless it names every group and every active habit
 * exactly once. Habit positions are global (0..n-1 in the order listed: ungrouped first, then
 * group by group), so a list without groups reads the same order.
 */
export async function setLayout(db: Db, userId: string, layout: Layout): Promise<boolean> {
  const habitIds = [...layout.ungrouped, ...layout.groups.flatMap((g) => g.habitIds)];
  const groupIds = layout.groups.map((g) => g.id);
  if (new Set(habitIds).size !== habitIds.length || new Set(groupIds).size !== groupIds.length) {
    return false;
  }
  return db.transaction(async (tx) => {
    // Locks both lists: a concurrent archive, delete or new group waits for the new layout.
    const active = await lockActiveHabits(tx, userId);
    const groups = await tx
      .select({ id: habitGroups.id })
      .from(habitGroups)
      .where(eq(habitGroups.userId, userId))
      .for('update');
    if (!sameIds(active, habitIds) || !sameIds(groups, groupIds)) return false;
    await setPositions(tx, habitGroups, userId, groupIds);
    if (habitIds.length > 0) {
      const groupOf = [
        ...layout.ungrouped.map(() => null),
        ...layout.groups.flatMap((g) => g.habitIds.map(() => g.id)),
      ];
      await tx.execute(sql`
        update ${habits} set position = o.ord - 1, group_id = o.group_id, updated_at = now()
        from unnest(${uuidArray(habitIds)}, ${sql.param(groupOf)}::uuid[])
          with ordinality as o(id, group_id, ord)
        where ${habits.id} = o.id and ${habits.userId} = ${userId}
          and (${habits.position} <> o.ord - 1 or ${habits.groupId} is distinct from o.group_id)`);
    }
    return true;
  });
}
