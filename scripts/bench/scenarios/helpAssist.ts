import { Types } from 'mongoose';
import { CouponModel } from '../../../bff/src/coupons/Coupon.model';
import { HelpAssistModel } from '../../../bff/src/help/HelpAssist.model';
import { HelpCampaignModel } from '../../../bff/src/help/HelpCampaign.model';
import { currentShareLink } from '../../../bff/src/referral/shareLinks';
import { inBatches } from '../fixtures/inBatches';
import { memberHeaders, seedMembers, type BenchMember } from '../fixtures/members';
import type { PlannedRequest } from '../load/plannedLoad';
import { expectEqual, scaled, type Scenario } from '../scenario';

const CONNECTIONS = 100;
const CAMPAIGNS = 100;
const FRIENDS = 500;
/** Each friend helps this many campaigns: the daily limit, so that it never refuses. */
const ASSISTS_PER_FRIEND = 3;
const GOAL = 3;
const OWNERS_GROUP = 5;
const FRIENDS_GROUP = 6;

const DAY = 24 * 60 * 60 * 1000;

const errorCodeOf = (body: unknown): string | undefined => (body as { error?: { code?: string } } | undefined)?.error?.code;

async function startCampaigns(owners: readonly BenchMember[], now: Date): Promise<string[]> {
  const campaigns = await HelpCampaignModel.insertMany(
    owners.map((owner) => ({
      memberId: new Types.ObjectId(owner.id),
      celebrationYear: now.getUTCFullYear(),
      birthday: { month: 6, day: 1 },
      goal: GOAL,
      gift: { title: '生日蛋糕尺寸升级券', description: '好友助力解锁的生日礼券', templateCode: 'cake-size-upgrade' },
      helpersCount: 0,
      helpers: [],
      countedAssists: [],
      state: 'active',
      startedAt: now,
      expiresAt: new Date(now.getTime() + 7 * DAY),
      unlockedAt: null,
      couponId: null,
    })),
  );
  const shares: string[] = [];
  await inBatches(campaigns, 16, async (campaign, index) => {
    shares[index] = (await currentShareLink(campaign.memberId.toHexString(), 'help', campaign._id.toHexString(), now))._id;
  });
  return shares;
}

/**
 * help.assist: 500 friends each help three of 100 campaigns whose goal is 3, fifteen friends racing per campaign,
 * over two instances. Exactly three count per campaign, exactly one of them unlocks its gift, the rest are told
 * HELP_GOAL_REACHED.
 */
export const helpAssistScenario: Scenario = {
  name: 'help.assist',
  summary: 'help.assist: 500 friends on 100 campaigns with a goal of 3 (15 friends race per campaign), 100 connections over 2 instances',
  instances: 2,
  group: OWNERS_GROUP,
  async run(context) {
    const owners = await seedMembers({ group: OWNERS_GROUP, count: scaled(CAMPAIGNS, context.scale) }, context.secrets, context.now);
    const friends = await seedMembers({ group: FRIENDS_GROUP, count: scaled(FRIENDS, context.scale) }, context.secrets, context.now);
    // getuserriskrank answers only for users seen in the last two hours, as WeChat does.
    await inBatches(friends, 16, (friend) => context.sandbox.control.visit({ openid: friend.openid }));
    const shares = await startCampaigns(owners, context.now);

    // A campaign's fifteen friends are planned together, so they race for its last places.
    const plan = Array.from({ length: friends.length * ASSISTS_PER_FRIEND }, (_, n) => ({ friend: Math.floor(n / ASSISTS_PER_FRIEND), campaign: n % shares.length }));
    plan.sort((a, b) => a.campaign - b.campaign || a.friend - b.friend);
    const requests: PlannedRequest[] = plan.map(({ friend, campaign }, n) => ({
      target: n,
      path: '/api/help.assist',
      headers: memberHeaders(friends[friend] as BenchMember),
      body: JSON.stringify({ shareId: shares[campaign] }),
    }));

    let counted = 0;
    let unlocked = 0;
    const refusals: Record<string, number> = {};
    const measurement = await context.planned('help.assist', {
      targets: context.bff.slice(0, 2),
      requests,
      connections: CONNECTIONS,
      expectStatus: (status) => status === 200 || status === 409,
      onAnswer: (_request, status, body) => {
        if (status === 200) {
          const answer = body as { counted?: boolean; unlockedNow?: boolean };
          if (answer.counted) counted += 1;
          if (answer.unlockedNow) unlocked += 1;
          return;
        }
        const code = errorCodeOf(body) ?? `HTTP_${status}`;
        refusals[code] = (refusals[code] ?? 0) + 1;
      },
    });

    const ownerIds = owners.map((owner) => new Types.ObjectId(owner.id));
    const campaigns = await HelpCampaignModel.find({ memberId: { $in: ownerIds } }, { helpersCount: 1, state: 1, _id: 1 }).lean();
    const countedAssists = await HelpAssistModel.countDocuments({ campaignId: { $in: campaigns.map((campaign) => campaign._id) }, state: 'counted' });
    const gifts = await CouponModel.countDocuments({ memberId: { $in: ownerIds }, source: 'help' });
    const expectedCounted = shares.length * GOAL;
    const scenario = 'help.assist';
    return {
      rows: [{ name: 'help.assist', kind: 'route', connections: CONNECTIONS, instances: 2, measurement }],
      checks: [
        expectEqual(scenario, 'answered counted', counted, expectedCounted),
        expectEqual(scenario, 'answered unlockedNow', unlocked, shares.length),
        expectEqual(scenario, 'refused HELP_GOAL_REACHED', refusals.HELP_GOAL_REACHED ?? 0, requests.length - expectedCounted),
        expectEqual(scenario, 'campaigns at their goal', campaigns.filter((campaign) => campaign.helpersCount === GOAL).length, shares.length),
        expectEqual(scenario, 'campaigns unlocked', campaigns.filter((campaign) => campaign.state === 'unlocked').length, shares.length),
        expectEqual(scenario, 'assists counted in the database', countedAssists, expectedCounted),
        expectEqual(scenario, 'gift coupons issued', gifts, shares.length),
      ],
    };
  },
};
