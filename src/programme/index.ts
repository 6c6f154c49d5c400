export { parseCalendar, type Calendar } from './calendar.ts';
export { parseChecklist, splitFrontMatter, type Checklist } from './checklist.ts';
export { localDate, zonedInstant, daysBetween, addDays, isValidDate } from './dates.ts';
export {
  loadCalendar,
  loadChecklist,
  regionDeadlines,
  allRegionDeadlines,
  daysLeft,
  currentStage,
  stageChecklist,
  setChecklistItem,
  type RegionDeadline,
  type ChecklistEntry,
  type StageChecklist,
} from './store.ts';
