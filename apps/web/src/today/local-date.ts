/**
 * The user's date on this device's clock, from core's localDateOf (zone and day-start hour):
 * a chunk of its own, loaded when a day ends, because the Temporal polyfill it needs is not
 * worth a first load that only the server's `date` serves.
 */
export { localDateOf } from '@habit-tracker/core';
