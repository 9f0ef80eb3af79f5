import type { RouteInput } from '@cakeday/shared';
import { filterValue } from '../../components/serverTable';
import { businessIsoFromWallTime } from '../../format/businessTime';

export type AuditFilters = RouteInput<'ops.audit.export'>;

/** The search form's values (ProTable) as the route's filters; the time range is read as Beijing time. */
export interface AuditSearch {
  current?: number;
  pageSize?: number;
  actorId?: unknown;
  action?: unknown;
  subjectType?: unknown;
  subjectId?: unknown;
  from?: unknown;
  to?: unknown;
}

const instant = (value: unknown): string | undefined => {
  const text = filterValue(value);
  return text ? (businessIsoFromWallTime(text) ?? undefined) : undefined;
};

export function auditFilters(search: AuditSearch): AuditFilters {
  const filters: AuditFilters = {
    actorId: filterValue(search.actorId),
    action: filterValue(search.action),
    subjectType: filterValue(search.subjectType),
    subjectId: filterValue(search.subjectId),
    from: instant(search.from),
    to: instant(search.to),
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined));
}
