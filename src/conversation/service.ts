import { loadVocabulary, type Vocabulary } from '../answer/vocabulary.ts';
import type { Answer, AnswerService, AskInput } from '../answer/types.ts';
import type { Config } from '../config/index.ts';
import type { Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import { stripControlChars } from '../language/index.ts';
import { findEntities, plain, sameEntities, type Entities } from './entities.ts';
import { resolveFollowUp, type Resolution } from './resolve.ts';
import { createOpenAiRewriter, type FollowUpRewriter } from './rewriter.ts';
import { forgetSession, pruneConversations, recentTurns, saveTurn, type Turn } from './store.ts';

/** Silence after which a conversation is forgotten. */
export const DEFAULT_SILENCE_MS = 30 * 60_000;
/** Turns remembered per session. */
export const DEFAULT_MAX_TURNS = 6;
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ConversationDeps {
  readonly db: Queryable;
  readonly logger?: Logger;
  /** Clock for expiry when the question carries no `now`. */
  readonly now?: () => Date;
  /** Silence after which the memory of a session expires (default 30 minutes). */
  readonly silenceMs?: number;
  readonly maxTurns?: number;
  /** A model rewrite of follow-ups, used only when it keeps the offline rewrite's entities. */
  readonly rewriter?: FollowUpRewriter | null;
  /** Builds the rewriter from the model-server config when `rewriter` is not given (chatModel set). */
  readonly openai?: Config['openai'];
}

/** An answer with the question as it was answered (the rewrite of a follow-up). */
export interface ConversationalAnswer extends Answer {
  readonly standalone: string;
}

export interface ConversationalAnswerService extends AnswerService {
  ask(input: AskInput): Promise<ConversationalAnswer>;
  /** Forgets a session (and, with `nested`, the sessions under it). */
  forget(sessionId: string, o?: { nested?: boolean }): Promise<void>;
}

/**
 * Conversation memory around any AnswerService: a question with a sessionId is read
 * against the session's previous turn; an elliptical follow-up ("kalau Bimtek III?") is
 * rewritten into a standalone question before the inner service answers it, and the
 * answer says what was understood. Questions without a sessionId pass straight through.
 */
export function createConversationalAnswerService(inner: AnswerService, deps: ConversationDeps): ConversationalAnswerService {
  const { db } = deps;
  const log = deps.logger?.child({ module: 'conversation' });
  const now = deps.now ?? (() => new Date());
  const silenceMs = deps.silenceMs ?? DEFAULT_SILENCE_MS;
  const maxTurns = deps.maxTurns ?? DEFAULT_MAX_TURNS;
  const chatModel = deps.openai?.chatModel;
  const rewriter =
    deps.rewriter !== undefined
      ? deps.rewriter
      : chatModel && deps.logger
        ? createOpenAiRewriter({ model: chatModel, baseUrl: deps.openai?.baseUrl, apiKey: deps.openai?.apiKey, logger: deps.logger })
        : null;
  let lastPrune = 0;

  async function remembered(sessionId: string, at: Date): Promise<Turn[]> {
    try {
      return await recentTurns(db, sessionId, { now: at, silenceMs, limit: maxTurns });
    } catch (err) {
      log?.warn({ err }, 'conversation memory unavailable; answering without it');
      return [];
    }
  }

  async function modelRewrite(turns: readonly Turn[], question: string, resolution: Resolution, vocab: Vocabulary): Promise<string> {
    if (!rewriter || resolution.kind === 'new') return resolution.standalone;
    const text = await rewriter.rewrite({ history: turns, question, offline: resolution.standalone });
    if (!text) return resolution.standalone;
    const kept = sameEntities(plain(findEntities(text, vocab, { bareDimensions: !!resolution.entities.dimension })), resolution.entities);
    if (!kept) log?.info({ kind: resolution.kind }, 'model rewrite changed the entities; using the offline rewrite');
    return kept ? text : resolution.standalone;
  }

  async function remember(sessionId: string, turn: Turn): Promise<void> {
    try {
      await saveTurn(db, sessionId, turn, maxTurns);
      const t = turn.at.getTime();
      if (Math.abs(t - lastPrune) > PRUNE_EVERY_MS) {
        lastPrune = t;
        await pruneConversations(db, new Date(t - Math.max(silenceMs, 24 * 3_600_000)));
      }
    } catch (err) {
      log?.warn({ err }, 'conversation turn not remembered');
    }
  }

  return {
    async ask(raw) {
      // What is stored (questions, conversation turns) holds no NUL or control characters.
      const input = { ...raw, question: stripControlChars(raw.question) };
      const sessionId = input.sessionId;
      if (!sessionId) {
        const a = await inner.ask(input);
        return { ...a, standalone: a.question };
      }
      const at = input.now ?? now();
      const question = input.question.trim();
      const turns = await remembered(sessionId, at);
      const previous = turns[0];
      const vocab = await loadVocabulary(db);
      const resolution = resolveFollowUp(question, previous ? { standalone: previous.standalone, entities: previous.entities } : null, vocab);
      const standalone = await modelRewrite(turns, question, resolution, vocab);

      let regionCode = input.regionCode ?? null;
      const entities: Entities = resolution.entities;
      if (resolution.kind !== 'new') {
        if (entities.region) regionCode = entities.region.value;
        // 'kalau angkatan 2027?': the cohort's dates, not the chat's own region.
        else if (entities.cohort) regionCode = null;
      }
      const answer = await inner.ask({ ...input, question: standalone, regionCode, vocabulary: vocab });
      if (answer.intent !== 'greeting') {
        const userKey = input.userId ? `${input.platform}:${input.userId}` : null;
        await remember(sessionId, { question, standalone, entities, intent: answer.intent, rewritten: resolution.kind !== 'new', at, userKey });
      }
      if (resolution.kind === 'new') return { ...answer, question, standalone };
      log?.info({ kind: resolution.kind, carried: resolution.carried, intent: answer.intent }, 'follow-up rewritten');
      return { ...answer, question, standalone, understood: resolution.understood || answer.understood };
    },
    feedback: (questionId, vote, by, detail) => inner.feedback(questionId, vote, by, detail),
    async forget(sessionId, o = {}) {
      await forgetSession(db, sessionId, o);
    },
  };
}
