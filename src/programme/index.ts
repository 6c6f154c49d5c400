export { parseCalendar, type Calendar } from './calendar.ts';
export { parseChecklist, splitFrontMatter, type Checklist } from './checklist.ts';
export { localDate, zonedInstant, daysBetween, addDays, isValidDate, localClock, convertClock, ZONES, type ZoneAbbr } from './dates.ts';
export {
  loadCalendar,
  loadChecklist,
  regionDeadlines,
  allRegionDeadlines,
  daysLeft,
  currentStage,
  stageChecklist,
  setChecklistItem,
  stageEvents,
  activitySpans,
  checklistItemsById,
  checklistItems,
  type CalendarEvent,
  type ActivitySpan,
  type ChecklistItemInfo,
  type RegionDeadline,
  type ChecklistEntry,
  type StageChecklist,
} from './store.ts';
