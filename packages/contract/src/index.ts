export * from './api-tokens';
export * from './files';
export * from './passkeys';
export * from './invites';
export * from './reminders';
export * from './schemas';
