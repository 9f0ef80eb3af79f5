import { npsClassOf } from '@cakeday/shared';
import { eventKey, recordEvent } from '../events/recordEvent';
import type { NpsAnswer } from './NpsAnswer.model';
import type { Rating, StoredSentiment } from './Rating.model';

/** The comment's class and complaint words (lexicon words only, never the text). */
const sentimentProps = (sentiment: StoredSentiment | null) => ({ sentiment: sentiment?.class ?? null, complaints: sentiment?.complaints.join(',').slice(0, 200) ?? '' });

/** The rating, once (`rating.submitted:<ratingId>`): after it is stored, and again by a retry that finds it stored. */
export async function recordRatingSubmitted(rating: Rating, now: Date): Promise<void> {
  const id = rating._id.toHexString();
  await recordEvent(
    {
      type: 'rating.submitted',
      key: eventKey('rating.submitted', id),
      at: rating.createdAt,
      memberId: rating.memberId,
      subject: { type: rating.subject.type, id: rating.subject.id },
      props: { kind: rating.subject.type, stars: rating.stars, ...sentimentProps(rating.sentiment) },
    },
    now,
  );
}

/** The NPS answer, once (`nps.answered:<answerId>`), the same way. */
export async function recordNpsAnswered(answer: NpsAnswer, now: Date): Promise<void> {
  const id = answer._id.toHexString();
  await recordEvent(
    {
      type: 'nps.answered',
      key: eventKey('nps.answered', id),
      at: answer.createdAt,
      memberId: answer.memberId,
      subject: { type: 'nps_answer', id },
      props: { round: answer.round, score: answer.score, npsClass: npsClassOf(answer.score), deliveryId: answer.deliveryId?.toHexString() ?? null, ...sentimentProps(answer.sentiment) },
    },
    now,
  );
}
