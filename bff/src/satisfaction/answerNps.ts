import { businessDate, type SatisfactionNpsAnswer } from '@cakeday/shared';
import { Types } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKey';
import { conflict } from '../errors/AppError';
import type { Principal } from '../http/context';
import type { TextCheckContext } from '../moderation/textContext';
import { moderateComment } from './moderateComment';
import { NpsAnswerModel, type NpsAnswer } from './NpsAnswer.model';
import { presentNpsAnswer } from './presentRating';
import { recordNpsAnswered } from './satisfactionEvents';

/** The survey round an instant falls in: its Shanghai calendar quarter (`2026-Q4`). */
export function npsRoundOf(now: Date): string {
  const { year, month } = businessDate(now);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

async function repeated(stored: NpsAnswer, score: number, now: Date): Promise<SatisfactionNpsAnswer> {
  if (stored.score !== score) throw conflict('SATISFACTION_ALREADY_ANSWERED');
  await recordNpsAnswered(stored, now);
  return presentNpsAnswer(stored);
}

/**
 * satisfaction.nps: the member's 0–10 answer to "how likely are you to recommend us", once a round (the unique
 * key); a retry of the same answer answers it again. The page campaigns link to passes the delivery it came from.
 */
export async function answerNps(principal: Principal, input: { score: number; comment: string; delivery?: string }, context: TextCheckContext): Promise<SatisfactionNpsAnswer> {
  const { now } = context;
  const round = npsRoundOf(now);
  const key = `${principal.memberId}:${round}`;
  const existing = await NpsAnswerModel.findOne({ key }).lean();
  if (existing) return repeated(existing, input.score, now);
  const checked = await moderateComment(principal.openid, input.comment, context);
  let answer: NpsAnswer;
  try {
    const created = await NpsAnswerModel.create({
      key,
      memberId: new Types.ObjectId(principal.memberId),
      round,
      score: input.score,
      ...checked,
      deliveryId: input.delivery ? new Types.ObjectId(input.delivery) : null,
      createdAt: now,
    });
    answer = created.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const raced = await NpsAnswerModel.findOne({ key }).lean();
    if (!raced) throw conflict();
    return repeated(raced, input.score, now);
  }
  await recordNpsAnswered(answer, now);
  return presentNpsAnswer(answer);
}

export async function npsMine(memberId: string, now: Date): Promise<{ round: string; answer: SatisfactionNpsAnswer | null }> {
  const round = npsRoundOf(now);
  const answer = await NpsAnswerModel.findOne({ key: `${memberId}:${round}` }).lean();
  return { round, answer: answer ? presentNpsAnswer(answer) : null };
}
