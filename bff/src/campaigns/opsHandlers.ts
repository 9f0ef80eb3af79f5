import { Types } from 'mongoose';
import { notFound } from '../errors/AppError';
import type { OpsHandlerContext, RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { CampaignModel } from './Campaign.model';
import { previewMessage } from './campaignMessage';
import { campaignOpsContextOf } from './campaignOpsContext';
import { allocateCampaign } from './allocateCampaign';
import { campaignReport } from './campaignReport';
import { createCampaign } from './createCampaign';
import { dryRunCampaign } from './dryRunCampaign';
import { listCampaigns } from './listCampaigns';
import { presentCampaign } from './presentCampaign';
import { exportCampaignResults } from './results/exportCampaignResults';
import { readCampaignResults } from './results/readCampaignResults';
import { recordAudit } from '../audit/audited';
import { transitionCampaign, type OperatorCampaignAction } from './transitionCampaign';
import { updateCampaign } from './updateCampaign';

type CampaignRoutes =
  | 'ops.campaigns.list'
  | 'ops.campaigns.get'
  | 'ops.campaigns.create'
  | 'ops.campaigns.update'
  | 'ops.campaigns.preview'
  | 'ops.campaigns.dryRun'
  | 'ops.campaigns.submit'
  | 'ops.campaigns.approve'
  | 'ops.campaigns.reject'
  | 'ops.campaigns.start'
  | 'ops.campaigns.pause'
  | 'ops.campaigns.resume'
  | 'ops.campaigns.stop'
  | 'ops.campaigns.report'
  | 'ops.campaigns.results'
  | 'ops.campaigns.resultsExport'
  | 'ops.campaigns.allocate';

const move =
  (action: OperatorCampaignAction) =>
  async (input: { id: string; reason?: string }, context: OpsHandlerContext) =>
    presentCampaign(await transitionCampaign(input.id, action, await campaignOpsContextOf(context), input.reason));

export const campaignsOpsHandlers: Pick<RouteHandlers, CampaignRoutes> = {
  'ops.campaigns.list': async (input) => {
    const { items, total } = await listCampaigns(input);
    return { items: items.map(presentCampaign), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.campaigns.get': async (input) => {
    const campaign = await CampaignModel.findById(new Types.ObjectId(input.id)).lean();
    if (!campaign) throw notFound();
    return presentCampaign(campaign);
  },
  'ops.campaigns.create': async (input, context) => {
    const { operator } = await campaignOpsContextOf(context);
    return presentCampaign(await createCampaign(input, operator, auditOf(context)));
  },
  'ops.campaigns.update': async (input, context) => presentCampaign(await updateCampaign(input, auditOf(context))),
  'ops.campaigns.preview': async (input) => previewMessage(input.message, input.name),
  'ops.campaigns.dryRun': async (input, context) => {
    const { now, settings } = await campaignOpsContextOf(context);
    return dryRunCampaign(input.id, now, settings, context.deps.config);
  },
  'ops.campaigns.submit': move('submit'),
  'ops.campaigns.approve': move('approve'),
  'ops.campaigns.reject': move('reject'),
  'ops.campaigns.start': move('start'),
  'ops.campaigns.pause': move('pause'),
  'ops.campaigns.resume': move('resume'),
  'ops.campaigns.stop': move('stop'),
  'ops.campaigns.report': async (input) => campaignReport(input.id),
  'ops.campaigns.allocate': async (input, context) => presentCampaign(await allocateCampaign(input, auditOf(context))),
  'ops.campaigns.results': async (input, { deps }) => {
    const { settings } = await deps.settings.at(deps.now());
    return readCampaignResults(input.id, settings.attribution.windowDays);
  },
  'ops.campaigns.resultsExport': async (input, context) => {
    const { settings } = await context.deps.settings.at(context.deps.now());
    const csv = await exportCampaignResults(input.id, settings.attribution.windowDays);
    await recordAudit(auditOf(context), { action: 'ops.campaigns.resultsExport', subject: { type: 'Campaign', id: input.id }, after: { total: csv.total } });
    return csv;
  },
};
