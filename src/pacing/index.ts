/**
 * Outgoing pace for the bots: one layer per bot identity, used by its answers and its
 * reminders alike; in the database when replicas share a PostgreSQL database.
 */
export { createPacer, realSleep, type Pacer, type PacerTime } from './pacer.ts';
export { createSharedPacer, pacerFor, type SharedPacerOptions } from './shared.ts';
export type { PaceLimits } from './window.ts';
