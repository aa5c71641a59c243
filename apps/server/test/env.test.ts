import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../src/env';

describe('loadEnv', () => {
  it('has defaults for everything', () => {
    expect(loadEnv({})).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATA_DIR: './data',
      DATABASE_POOL_SIZE: 10,
      MIGRATE_ON_START: true,
      APP_ORIGIN: [],
      BODY_LIMIT_BYTES: 102_400,
      TRUST_PROXY: false,
      SESSION_TTL_DAYS: 30,
      API_TOKEN_REQUESTS_PER_MINUTE: 600,
      SIGNUP_MODE: 'open',
      ADMIN_EMAILS: [],
      OIDC_PROVIDERS: [],
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
      WRITE_ROUTING: 'direct',
      READ_YOUR_WRITES_WAIT_MS: 300,
      AWS_REGION: 'auto',
      PHOTO_MAX_BYTES: 10 * 1024 * 1024,
      IMPORT_MAX_BYTES: 50 * 1024 * 1024,
      IMPORT_READ_HEAP_MB: 192,
      IMPORT_READ_TIMEOUT_MS: 20_000,
      IMPORT_READS_AT_ONCE: 1,
      USER_STORAGE_QUOTA_BYTES: 1024 * 1024 * 1024,
      VAPID_SUBJECT: 'mailto:reminders@habit-tracker.invalid',
      PUSH_SERVICE_ORIGINS: [
        'https://fcm.googleapis.com',
        'https://*.push.services.mozilla.com',
        'https://*.push.apple.com',
        'https://*.notify.windows.com',
      ],
      REMINDER_SENDER: 'auto',
      REMINDER_MAX_LATE_SECONDS: 300,
      REMINDER_SEND_CONCURRENCY: 64,
    });
  });

  it('reminders: both VAPID keys or neither, push origins that are origins', () => {
    expect(() => loadEnv({ VAPID_PUBLIC_KEY: `B${'A'.repeat(86)}` })).toThrow(/VAPID_PRIVATE_KEY/);
    expect(() => loadEnv({ PUSH_SERVICE_ORIGINS: 'fcm.googleapis.com' })).toThrow(
      /PUSH_SERVICE_ORIGINS/,
    );
    expect(() => loadEnv({ VAPID_SUBJECT: 'me@example.com' })).toThrow(/VAPID_SUBJECT/);
    expect(
      loadEnv({ PUSH_SERVICE_ORIGINS: 'http://localhost:8090, https://*.push.example' })
        .PUSH_SERVICE_ORIGINS,
    ).toEqual(['http://localhost:8090', 'https://*.push.example']);
  });

  it('parses values', () => {
    const env = loadEnv({
      PORT: '8080',
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/app',
      APP_ORIGIN: 'https://habits.example, https://www.habits.example/',
      FLY_REGION: 'sin',
      SESSION_TTL_DAYS: '7',
      EMPTY_IS_UNSET: '',
      LOG_LEVEL: '',
    });
    expect(env).toMatchObject({
      PORT: 8080,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/app',
      APP_ORIGIN: ['https://habits.example', 'https://www.habits.example'],
      TRUST_PROXY: true, // on Fly by default
      SESSION_TTL_DAYS: 7,
      LOG_LEVEL: 'info',
    });
    expect(loadEnv({ FLY_REGION: 'sin', TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
  });

  it('names every bad variable', () => {
    const bad = () =>
      loadEnv({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x/y',
        APP_ORIGIN: 'not a url',
      });
    expect(bad).toThrow(EnvError);
    try {
      bad();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL', 'APP_ORIGIN'])
        expect(message).toContain(name);
    }
  });
});
