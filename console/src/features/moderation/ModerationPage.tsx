import { Route, Routes } from 'react-router';
import { SatisfactionComments } from '../insights/SatisfactionComments';
import { AuthorHistory } from './AuthorHistory';
import { ModerationQueue } from './ModerationQueue';

/**
 * 社区审核: the queue at /moderation, an author's history at /moderation/authors/<memberId>, the ratings' and NPS
 * answers' published comments at /moderation/comments.
 */
export function ModerationPage() {
  return (
    <Routes>
      <Route index element={<ModerationQueue />} />
      <Route path="authors/:memberId" element={<AuthorHistory />} />
      <Route path="comments" element={<SatisfactionComments route="ops.satisfaction.moderationComments" />} />
    </Routes>
  );
}
