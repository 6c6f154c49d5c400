/**
 * Every user-facing text of Pandu, in Bahasa Indonesia, in one module. Each area
 * keeps its strings in its own file here; code elsewhere passes data and never
 * writes user text itself.
 */
export { messages, formatDate, zoneAbbr, relativeDay } from './core.ts';
