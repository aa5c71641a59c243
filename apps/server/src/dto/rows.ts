/**
 * Rows → the API's JSON shapes (packages/contract). Instants become ISO strings here, once;
 * owner ids and password hashes never leave the server.
 */
import type {
  ApiTokenDto,
  CheckinDto,
  Group,
  Habit,
  InviteDto,
  Me,
  PasskeyDto,
  Settings,
} from '@habit-tracker/contract';
import type {
  ApiTokenRow,
  CheckinRow,
  HabitGroupRow,
  HabitRow,
  PasskeyRow,
  SettingsRow,
  SignupInviteRow,
  UserRow,
} from '@habit-tracker/db';
import { isLocaleTag } from '@habit-tracker/vocabulary';

export function toMe(user: UserRow, settings: SettingsRow): Me {
  return {
    user: {
      id: user.id,
      email: user.email,
      createdAt: user.createdAt.toISOString(),
      hasPassword: user.passwordHash !== null,
    },
    settings: toSettings(settings),
  };
}

export function toSettings(settings: SettingsRow): Settings {
  return {
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    weekStart: settings.weekStart,
    // Only the API writes it, after checking it; a tag dropped from the list reads as "browser's".
    locale: isLocaleTag(settings.locale) ? settings.locale : null,
  };
}

export function toHabit(row: HabitRow): Habit {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    color: row.color,
    icon: row.icon,
    measure: row.measure,
    schedule: row.schedule,
    position: row.position,
    groupId: row.groupId,
    startDate: row.startDate,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toGroup(row: HabitGroupRow): Group {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCheckin(row: CheckinRow): CheckinDto {
  return {
    date: row.date,
    state: row.state,
    value: row.value,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toApiToken(row: ApiTokenRow): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function toPasskey(row: PasskeyRow): PasskeyDto {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function toInvite(row: SignupInviteRow): InviteDto {
  return {
    id: row.id,
    email: row.email,
    maxUses: row.maxUses,
    uses: row.uses,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    createdByEmail: row.createdByEmail,
  };
}
