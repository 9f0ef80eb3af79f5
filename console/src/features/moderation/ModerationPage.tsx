import { Route, Routes } from 'react-router';
import { AuthorHistory } from './AuthorHistory';
import { ModerationQueue } from './ModerationQueue';

/** 社区审核: the queue at /moderation, an author's history at /moderation/authors/<memberId>. */
export function ModerationPage() {
  return (
    <Routes>
      <Route index element={<ModerationQueue />} />
      <Route path="authors/:memberId" element={<AuthorHistory />} />
    </Routes>
  );
}
