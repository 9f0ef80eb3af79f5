import type { CampaignState } from '@cakeday/shared';
import { CampaignModel, type Campaign } from './Campaign.model';

export async function listCampaigns(input: { page: number; pageSize: number; state?: CampaignState }): Promise<{ items: Campaign[]; total: number }> {
  const filter = input.state ? { state: input.state } : {};
  const [items, total] = await Promise.all([
    CampaignModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
    CampaignModel.countDocuments(filter),
  ]);
  return { items, total };
}
