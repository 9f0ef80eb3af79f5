import { maskPersonalData } from '@cakeday/shared';
import { recordAudit } from '../../audit/audited';
import type { RouteHandlers } from '../../http/routeHandler';
import { auditOf } from '../../operators/handlers';
import { describeMemberForOps } from './describeMemberForOps';
import { exportMembers } from './exportMembers';
import { revealMember } from './revealMember';
import { searchMembers } from './searchMembers';

type MembersOpsRoutes = 'ops.members.search' | 'ops.members.get' | 'ops.members.reveal' | 'ops.members.export';

export const membersOpsHandlers: Pick<RouteHandlers, MembersOpsRoutes> = {
  'ops.members.search': async (input, { deps }) => ({
    ...(await searchMembers(input, deps.config.DATA_HASH_KEY)),
    page: input.page,
    pageSize: input.pageSize,
  }),
  'ops.members.get': async (input, { deps }) => {
    const now = deps.now();
    const { settings } = await deps.settings.at(now);
    return describeMemberForOps(input.memberId, { now, thresholds: settings.tiers });
  },
  'ops.members.reveal': async (input, context) => {
    const revealed = await revealMember(input, { audit: auditOf(context), encryptionKey: context.deps.config.DATA_ENCRYPTION_KEY });
    // For this one view: no browser or proxy keeps it.
    context.koa.set('Cache-Control', 'no-store');
    return revealed;
  },
  'ops.members.export': async (input, context) => {
    // Who took which members out, on the record before the first row; the filters' phone or nickname masked.
    await recordAudit(auditOf(context), { action: 'ops.members.export', subject: { type: 'Member', id: null }, after: maskPersonalData({ filters: input }) });
    return exportMembers(input, context.deps.config.DATA_HASH_KEY, context.deps.now());
  },
};
