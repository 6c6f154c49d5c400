import type { Answer, AnswerService, AskInput } from '../../../src/answer/index.ts';

/**
 * A test double of the AnswerService port: answers every question with one citation,
 * logs it under an increasing question id, and records asks and votes.
 */
export interface FakeAnswers extends AnswerService {
  readonly asked: AskInput[];
  readonly votes: Array<{ questionId: number; vote: 1 | -1; by: string }>;
}

export function fakeAnswers(): FakeAnswers {
  const asked: AskInput[] = [];
  const votes: FakeAnswers['votes'] = [];
  return {
    asked,
    votes,
    async ask(input): Promise<Answer> {
      asked.push(input);
      return {
        question: input.question,
        intent: 'rule',
        answer: 'Keluaran Bimtek I adalah Buku 1: Analisis Strategis <final> & SK Dewan Smart City.',
        refused: false,
        citations: [
          {
            document: 'corpus/panduan/06-bimtek-1-analisis-strategis.md',
            title: 'Panduan Bimtek I',
            heading: 'Panduan Bimtek I > Keluaran',
            page: 3,
            snippet: 'Keluaran Bimtek I adalah Buku 1…',
            score: 0.9,
          },
        ],
        questionId: 40 + asked.length,
      };
    },
    async feedback(questionId, vote, by) {
      votes.push({ questionId, vote, by });
    },
  };
}
