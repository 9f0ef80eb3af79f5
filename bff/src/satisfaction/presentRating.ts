import { toBusinessIso, type SatisfactionNpsAnswer, type SatisfactionRating } from '@cakeday/shared';
import type { NpsAnswer } from './NpsAnswer.model';
import type { Rating } from './Rating.model';

export const presentRating = (rating: Rating): SatisfactionRating => ({
  subject: rating.subject,
  stars: rating.stars,
  comment: rating.comment,
  commentState: rating.commentState,
  createdAt: toBusinessIso(rating.createdAt),
});

export const presentNpsAnswer = (answer: NpsAnswer): SatisfactionNpsAnswer => ({ round: answer.round, score: answer.score, comment: answer.comment, createdAt: toBusinessIso(answer.createdAt) });
