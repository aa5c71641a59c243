/**
 * The catalog keys as a type, in a module of its own with no runtime code: api/client.ts names
 * message ids and is bundled into the service worker too, which must carry no react-intl.
 */
import type en from './messages/en.json';

/** A key of the English catalog: the source of truth for which keys exist. */
export type MessageId = keyof typeof en;
