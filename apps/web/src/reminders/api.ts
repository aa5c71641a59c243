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
import { answer, client } from '../api/client';

export type { PushSubscriptionDto, Reminder, Vacation };

export const remindersApi = {
  list: (habitId?: string): Promise<{ reminders: Reminder[] }> =>
    answer(client.GET('/api/v1/reminders', { params: { query: habitId ? { habitId } : {} } })),
  create: (body: ReminderCreate): Promise<Reminder> =>
    answer(client.POST('/api/v1/reminders', { body })),
  update: (id: string, body: ReminderPatch): Promise<Reminder> =>
    answer(client.PATCH('/api/v1/reminders/{id}', { params: { path: { id } }, body })),
  remove: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/reminders/{id}', { params: { path: { id } } })),

  vacations: (): Promise<{ vacations: Vacation[] }> => answer(client.GET('/api/v1/vacations')),
  createVacation: (body: VacationInput): Promise<Vacation> =>
    answer(client.POST('/api/v1/vacations', { body })),
  removeVacation: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/vacations/{id}', { params: { path: { id } } })),

  pushKey: (): Promise<{ publicKey: string }> => answer(client.GET('/api/v1/push/key')),
  devices: (): Promise<{ subscriptions: PushSubscriptionDto[] }> =>
    answer(client.GET('/api/v1/push-subscriptions')),
  saveDevice: (body: PushSubscriptionInput): Promise<PushSubscriptionDto> =>
    answer(client.POST('/api/v1/push-subscriptions', { body })),
  removeDevice: (id: string): Promise<void> =>
    answer(client.DELETE('/api/v1/push-subscriptions/{id}', { params: { path: { id } } })),
  testDevice: (id: string): Promise<NotificationDto> =>
    answer(client.POST('/api/v1/push-subscriptions/{id}/test', { params: { path: { id } } })),
};
