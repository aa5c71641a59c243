export * from './api-tokens';
export * from './files';
export * from './invites';
export * from './oidc';
export * from './passkeys';
export * from './reminders';
export * from './schemas';
