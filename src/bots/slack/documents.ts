import type { App, BlockAction, ButtonAction, RespondArguments } from '@slack/bolt';
import { recordAudit } from '../../audit/index.ts';
import { escapeMrkdwn as esc, SLACK_TEXT_LIMIT } from '../../digest/index.ts';
import { listDocuments, removeDocument, type DocumentRow } from '../../ingest/index.ts';
import { slackDocumentMessages as m } from '../../messages/index.ts';
import { isStaff, type SlackFeatureDeps } from './deps.ts';

export const DOCUMENT_ACTIONS = { remove: 'pandu_document_remove', cancel: 'pandu_document_cancel' } as const;
/** Documents listed by `/pandu dokumen`, newest first. */
const LISTED = 15;
/** Calendars and checklists define deadlines and checklist items: changed through their files. */
const PROTECTED_KINDS = new Set(['kalender', 'checklist']);

const ephemeral = (text: string): RespondArguments => ({ response_type: 'ephemeral', text });

/** `/pandu dokumen`: the most recently added documents with where they came from, who added them, when and their chunks. */
export async function documentsReply(deps: Pick<SlackFeatureDeps, 'db'>): Promise<RespondArguments> {
  const docs = (await listDocuments(deps.db)).sort((a, b) => new Date(b.ingestedAt).getTime() - new Date(a.ingestedAt).getTime());
  if (docs.length === 0) return ephemeral(m.listNone);
  const lines = docs.slice(0, LISTED).map((d) =>
    m.listLine({
      title: esc(d.title),
      source: d.uploaded ? m.sourceUpload : m.sourceCorpus,
      addedBy: esc(d.addedBy ?? m.unknownActor),
      at: new Date(d.ingestedAt).toISOString(),
      chunks: d.chunks,
    }),
  );
  let text = [m.listHeader(Math.min(LISTED, docs.length), docs.length), ...lines].join('\n');
  if (text.length > SLACK_TEXT_LIMIT) text = `${text.slice(0, SLACK_TEXT_LIMIT - 1)}…`;
  return ephemeral(text);
}

/** The one document a title names: exactly (case aside), else the only one containing it. */
function byTitle(docs: readonly DocumentRow[], query: string): DocumentRow[] {
  const q = query.trim().toLowerCase();
  const exact = docs.filter((d) => d.title.toLowerCase() === q);
  return exact.length > 0 ? exact : docs.filter((d) => d.title.toLowerCase().includes(q));
}

/** `/pandu hapus <judul>` (staff, checked by the caller): asks to confirm with a button. */
export async function removeReply(deps: Pick<SlackFeatureDeps, 'db'>, arg: string): Promise<RespondArguments> {
  if (!arg) return ephemeral(m.usageHapus);
  const found = byTitle(await listDocuments(deps.db), arg);
  if (found.length === 0) return ephemeral(m.notFound(esc(arg)));
  if (found.length > 1) return ephemeral(m.ambiguous(esc(arg), found.slice(0, 5).map((d) => esc(d.title))));
  const doc = found[0]!;
  if (PROTECTED_KINDS.has(doc.kind)) return ephemeral(m.specialDoc(esc(doc.title)));
  const question = m.confirm(esc(doc.title), doc.chunks);
  return {
    response_type: 'ephemeral',
    text: question,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: question } },
      {
        type: 'actions',
        block_id: 'pandu_document',
        elements: [
          { type: 'button', style: 'danger', action_id: DOCUMENT_ACTIONS.remove, text: { type: 'plain_text', text: m.confirmButton }, value: String(doc.id) },
          { type: 'button', action_id: DOCUMENT_ACTIONS.cancel, text: { type: 'plain_text', text: m.cancelButton }, value: String(doc.id) },
        ],
      },
    ],
  };
}

/** The confirmation buttons: the document is removed (atomically, with its stored bytes) and the removal audited. */
export function register(app: App, deps: SlackFeatureDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: DOCUMENT_ACTIONS.cancel }, async ({ ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: true, text: m.cancelled });
  });
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: DOCUMENT_ACTIONS.remove }, async ({ ack, action, body, respond }) => {
    await ack();
    const user = body.user.id;
    const channel = body.channel?.id ?? '';
    if (!isStaff(deps.slack, user, channel)) {
      await respond({ response_type: 'ephemeral', replace_original: true, text: m.staffOnly });
      return;
    }
    const id = Number(action.value);
    const [doc] = Number.isInteger(id) ? await deps.db.query<{ path: string; title: string; kind: string }>('SELECT path, title, kind FROM documents WHERE id = $1', [id]) : [];
    if (!doc || PROTECTED_KINDS.has(doc.kind)) {
      await respond({ response_type: 'ephemeral', replace_original: true, text: doc ? m.specialDoc(esc(doc.title)) : m.gone });
      return;
    }
    await removeDocument(deps.db, id);
    await recordAudit(deps.db, { at: deps.now(), actor: `slack:${user}`, action: 'document.delete', target: doc.path, detail: { title: doc.title, via: 'slack' } });
    deps.logger.info({ documentId: id, by: user }, 'document removed from slack');
    await respond({ response_type: 'ephemeral', replace_original: true, text: m.deleted(esc(doc.title)) });
  });
}
