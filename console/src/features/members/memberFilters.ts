import { TIER_LEVELS, MEMBER_STATUSES, type OpsMembersExportRequest } from '@cakeday/shared';
import { filterValue } from '../../components/serverTable';
import { businessDayRange } from '../../format/businessTime';

/** The search form's values (ProTable). */
export interface MemberSearchForm {
  current?: number;
  pageSize?: number;
  phone?: unknown;
  id?: unknown;
  nicknameMasked?: unknown;
  tier?: unknown;
  status?: unknown;
  memberSince?: unknown;
}

/** The form as the route's filters: phone exact, id exact, nickname contains; the join dates as business days. */
export function memberFilters(search: MemberSearchForm): OpsMembersExportRequest {
  const joined = businessDayRange(search.memberSince);
  const filters: OpsMembersExportRequest = {
    phone: filterValue(search.phone),
    memberId: filterValue(search.id),
    nickname: filterValue(search.nicknameMasked),
    tier: TIER_LEVELS.find((tier) => tier === search.tier),
    status: MEMBER_STATUSES.find((status) => status === search.status),
    joinedFrom: joined.from,
    joinedTo: joined.to,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}
