export * from './files';
export * from './reminders';
export * from './schemas';
