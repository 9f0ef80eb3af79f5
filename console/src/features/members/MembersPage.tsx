import { Route, Routes } from 'react-router';
import { MemberDetail } from './MemberDetail';
import { MemberSearch } from './MemberSearch';

/** 会员: the search at /members, a member's page at /members/<id>. */
export function MembersPage() {
  return (
    <Routes>
      <Route index element={<MemberSearch />} />
      <Route path=":memberId" element={<MemberDetail />} />
    </Routes>
  );
}
