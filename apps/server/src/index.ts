export { type App, type AppType, type CreateAppOptions, createApp } from './app';
export { type Env, loadEnv } from './env';
export { runInviteCommand } from './invite-cli';
export { createLogger } from './logger';
