import type { ProgramSettings } from '@cakeday/shared';
import type { AuditContext } from '../audit/audited';
import type { OpsHandlerContext } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import type { OperatorRef } from './Campaign.model';

/** What an operator's campaign command needs: one instant, the settings in force at it, who acts. */
export interface CampaignOpsContext {
  now: Date;
  settings: ProgramSettings;
  operator: OperatorRef;
  audit: AuditContext;
}

export async function campaignOpsContextOf(context: OpsHandlerContext): Promise<CampaignOpsContext> {
  const audit = auditOf(context);
  const { settings } = await context.deps.settings.at(audit.now);
  return { now: audit.now, settings, operator: { id: context.operator.operatorId, displayName: context.operator.displayName }, audit };
}
