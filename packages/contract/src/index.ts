export * from './api-tokens';
export * from './files';
export * from './reminders';
export * from './schemas';
