import { toBusinessIso } from '@cakeday/shared';
import type { RouteHandlers } from '../http/routeHandler';
import { requireMember } from '../members/requireMember';
import { consentStatuses } from './consentState';
import { grantConsent } from './grantConsent';
import { withdrawConsent } from './withdrawConsent';

export const consentsHandlers: Pick<RouteHandlers, 'consents.list' | 'consents.grant' | 'consents.withdraw'> = {
  'consents.list': async (_input, { principal }) => {
    const { statuses, records } = await consentStatuses(requireMember(principal).memberId);
    return {
      consents: statuses,
      records: records.map((record) => ({ purpose: record.purpose, action: record.action, version: record.version, at: toBusinessIso(record.at), via: record.via ?? 'app' })),
    };
  },
  'consents.grant': async (input, { deps, principal, koa }) =>
    grantConsent(requireMember(principal).memberId, input, { now: deps.now(), ip: koa.ip }),
  'consents.withdraw': async (input, { deps, principal, koa }) =>
    withdrawConsent(requireMember(principal).memberId, input.purpose, { now: deps.now(), ip: koa.ip }),
};
