/**
 * @habit-tracker/vocabulary: what the server, the web app, the contract and portability must
 * agree on, written once as plain data — no zod, no I/O, nothing that would weigh on the web
 * bundle (docs/decisions/0015-handles-vocabulary-rules.md). Rules over these words live in
 * @habit-tracker/core; their zod schemas in @habit-tracker/contract.
 */
export * from './check-issues';
export * from './error-codes';
export * from './files';
export * from './import-warnings';
export * from './limits';
export * from './locales';
export * from './palette';
export * from './signatures';
