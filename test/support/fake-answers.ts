import type { Answer, AnswerService, AskInput, FeedbackDetail } from '../../src/answer/types.ts';

/**
 * The one test double of the AnswerService port the bot adapters are driven with: answers
 * every question with `Jawaban untuk: <question>` and one citation (page 3 of the Bimtek I
 * guide), logs it under an increasing question id, and records asks and votes.
 * `respond` reshapes an answer (a refusal, another text or id); `delayMs` simulates work.
 */
export interface FakeAnswers extends AnswerService {
  readonly asked: AskInput[];
  readonly votes: Array<{ questionId: number; vote: 1 | -1; by: string; detail?: FeedbackDetail }>;
  respond: (input: AskInput) => Partial<Answer> | Promise<Partial<Answer>>;
  delayMs: number;
}

export function createFakeAnswers(options: { firstQuestionId?: number; respond?: FakeAnswers['respond'] } = {}): FakeAnswers {
  let nextId = options.firstQuestionId ?? 1;
  const fake: FakeAnswers = {
    asked: [],
    votes: [],
    delayMs: 0,
    respond: options.respond ?? (() => ({})),
    async ask(input) {
      fake.asked.push(input);
      if (fake.delayMs > 0) await new Promise((r) => setTimeout(r, fake.delayMs));
      const shaped = await fake.respond(input);
      return {
        question: input.question,
        intent: 'rule',
        answer: `Jawaban untuk: ${input.question}`,
        refused: false,
        citations: [
          {
            document: 'corpus/panduan/06-bimtek-1-analisis-strategis.md',
            title: 'Panduan Bimtek I',
            heading: 'Panduan Bimtek I > Keluaran',
            page: 3,
            snippet: 'Keluaran Bimtek I adalah Buku 1: Analisis Strategis.',
            score: 0.9,
          },
        ],
        questionId: nextId++,
        ...shaped,
      };
    },
    async feedback(questionId, vote, by, detail) {
      fake.votes.push({ questionId, vote, by, ...(detail ? { detail } : {}) });
    },
  };
  return fake;
}
