/**
 * Staff questions about the programme's state ("daerah mana saja yang terlambat Bimtek IV?"),
 * answered from the database rather than the documents. For Slack and `pandu ask --staff`;
 * never for Telegram, where officers keep their own region's view.
 */
export { readStaffQuestion, detectProvince, type StaffQuery, type StaffFilter } from './detect.ts';
export { answerStaffQuery, MAX_LISTED, type StaffAnswer, type StaffAnswerDeps } from './answer.ts';
export { askStaff } from './ask.ts';
