/** The API's size limits, apart from the schemas so code without zod (the web app) can use them. */
export const LIMITS = {
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 256,
  nameMax: 100,
  descriptionMax: 1000,
  iconMax: 16,
  unitMax: 20,
  noteMax: 2000,
  numberMax: 1e9,
  historyMaxDays: 3700,
  idempotencyKeyMax: 100,
} as const;
