/** The chats table: which chat (Telegram group, Slack channel) belongs to which region. */
export {
  findChat,
  unbindChat,
  setRemindersEnabled,
  setChatActive,
  migrateChat,
  regionChats,
  chatById,
  deactivatedChats,
  setChatRemindersById,
  activeChatCounts,
  telegramGroupCounts,
  type ChatBinding,
  type ChatRow,
} from './store.ts';
