export { parseCalendar, type Calendar } from './calendar.ts';
export { parseChecklist, splitFrontMatter, type Checklist } from './checklist.ts';
export { localDate, zonedInstant, daysBetween, addDays, isValidDate, localClock, convertClock, ZONES, type ZoneAbbr } from './dates.ts';
export {
  loadCalendar,
  regionDeadlines,
  allRegionDeadlines,
  pairDeadlines,
  daysLeft,
  currentStage,
  stageEvents,
  activitySpans,
  cohortYears,
  calendarDocument,
  cohortDueDates,
  stageDeadlinesByCohort,
  stageList,
  type CalendarEvent,
  type ActivitySpan,
  type RegionDeadline,
  type CohortDeadline,
  type StageInfo,
} from './calendar-store.ts';
export {
  loadChecklist,
  stageChecklist,
  setChecklistItem,
  checklistItemsById,
  checklistItems,
  checklistDocument,
  type ChecklistItemInfo,
  type ChecklistEntry,
  type StageChecklist,
} from './checklist-store.ts';
export { overviewOf, programmeOverview, type ProgrammeOverview, type RegionStanding, type StageProgressCount } from './overview.ts';
export {
  confirmStageComplete,
  withdrawStageComplete,
  stageCompletions,
  type CompletionSource,
  type StageCompletion,
} from './completions.ts';
export { regionStatus, type RegionStatus, type StageStatus } from './region-status.ts';
export { STAGE_IDS, type StageId } from './stage-ids.ts';
