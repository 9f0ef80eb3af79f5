import { maskIdentifier, toBusinessIso, type SatisfactionComment, type SatisfactionCommentKind } from '@cakeday/shared';
import type { NpsAnswer } from '../NpsAnswer.model';
import type { Rating } from '../Rating.model';

export type CommentDoc = { kind: 'rating'; doc: Rating } | { kind: 'nps'; doc: NpsAnswer };

/** A comment as ops see it: the text and its scores, the member only as a masked id. */
export function presentComment(comment: CommentDoc): SatisfactionComment {
  const { kind, doc } = comment;
  return {
    kind: kind satisfies SatisfactionCommentKind,
    id: doc._id.toHexString(),
    member: maskIdentifier(doc.memberId.toHexString()),
    subjectType: comment.kind === 'rating' ? comment.doc.subject.type : null,
    score: comment.kind === 'rating' ? comment.doc.stars : comment.doc.score,
    comment: doc.comment,
    sentiment: doc.sentiment?.class ?? null,
    createdAt: toBusinessIso(doc.createdAt),
  };
}
