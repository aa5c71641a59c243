export { type App, type AppType, type CreateAppOptions, createApp } from './app';
export { type Env, loadEnv } from './env';
export { createLogger } from './logger';
