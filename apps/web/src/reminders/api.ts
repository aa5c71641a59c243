/** The reminder, vacation and push routes (docs/api.md, "Reminders"). */
import type {
  NotificationDto,
  PushSubscriptionDto,
  PushSubscriptionInput,
  Reminder,
  ReminderCreate,
  ReminderPatch,
  Vacation,
  VacationInput,
} from '@habit-tracker/contract';
import { request } from '../api/client';

export type { PushSubscriptionDto, Reminder, Vacation };

const enc = encodeURIComponent;

export const remindersApi = {
  list: (habitId?: string) =>
    request<{ reminders: Reminder[] }>(
      'GET',
      `/reminders${habitId ? `?habitId=${enc(habitId)}` : ''}`,
    ),
  create: (body: ReminderCreate) => request<Reminder>('POST', '/reminders', { body }),
  update: (id: string, body: ReminderPatch) =>
    request<Reminder>('PATCH', `/reminders/${enc(id)}`, { body }),
  remove: (id: string) => request<void>('DELETE', `/reminders/${enc(id)}`),

  vacations: () => request<{ vacations: Vacation[] }>('GET', '/vacations'),
  createVacation: (body: VacationInput) => request<Vacation>('POST', '/vacations', { body }),
  removeVacation: (id: string) => request<void>('DELETE', `/vacations/${enc(id)}`),

  pushKey: () => request<{ publicKey: string }>('GET', '/push/key'),
  devices: () => request<{ subscriptions: PushSubscriptionDto[] }>('GET', '/push-subscriptions'),
  saveDevice: (body: PushSubscriptionInput) =>
    request<PushSubscriptionDto>('POST', '/push-subscriptions', { body }),
  removeDevice: (id: string) => request<void>('DELETE', `/push-subscriptions/${enc(id)}`),
  testDevice: (id: string) =>
    request<NotificationDto>('POST', `/push-subscriptions/${enc(id)}/test`),
};
