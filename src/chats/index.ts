/** The chats table: which chat (Telegram group, Slack channel) belongs to which region. */
export {
  findChat,
  unbindChat,
  setRemindersEnabled,
  setChatActive,
  migrateChat,
  type ChatBinding,
} from './store.ts';
