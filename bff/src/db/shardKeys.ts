/**
 * How each collection would be sharded on a MongoDB sharded cluster (a national chain with tens of millions of
 * members), declared beside the code so that the design cannot drift unnoticed: shardKeys.test.ts walks every mongoose
 * model and fails for a collection without a plan, for a unique index that does not start with its collection's shard
 * key (MongoDB refuses it on a sharded collection), and for an application-chosen `_id` (an idempotency key) on a
 * collection not sharded by `_id` (whose uniqueness would then hold per shard only). docs/sharding.md explains it.
 */
export type ShardKeyPattern = Readonly<Record<string, 1 | 'hashed'>>;

export type ShardPlan =
  | {
      key: ShardKeyPattern;
      /** Why this key: what the hot paths look up by. */
      why: string;
      /** Queries that do not name the key and so go to every shard (scatter-gather), and why that is acceptable. */
      scatterGather: readonly string[];
    }
  | {
      /** Why the collection stays on its primary shard. */
      unsharded: string;
      /** The key it would take, and the unique indexes (by name) that must change first: kept exact by the test. */
      later?: { key: ShardKeyPattern; blockedBy: readonly string[]; plan: string };
    };

const byMember = { memberId: 'hashed' } as const;
const byId = { _id: 'hashed' } as const;

/** Collection name -> plan. A new model needs a line here (the test names it). */
export const shardPlans: Readonly<Record<string, ShardPlan>> = {
  // ── per member: the volume grows with members and activity ──
  members: {
    unsharded: '~1 KB a member: 50 million members are ~50 GB with indexes, which one replica set holds; reads are by _id.',
    later: {
      key: byId,
      blockedBy: ['openid_1', 'unionid_1', 'phoneHash_1'],
      plan: 'Move each cross-member uniqueness into a claim collection whose _id is the value (member_identities: _id "openid:<openid>", "unionid:<id>", "phone:<hash>", sharded by _id), inserted before the member and repaired by a job; then shard members by hashed _id.',
    },
  },
  points_accounts: {
    key: byId,
    why: 'One account per member, _id = the member id: every ledger write is a compare-and-set on one account.',
    scatterGather: ['points.expire finds accounts by lots.expiresAt (a job, in batches)'],
  },
  points_entries: {
    unsharded: 'The ledger grows fastest of all (every earn, spend, expiry): the first collection to shard once its key allows it.',
    later: {
      key: byMember,
      blockedBy: ['key_1'],
      plan: 'Make the idempotency key unique per member ({ memberId, key }: every key names its account already) and add memberId to the five lookups by key (ledger.ts, orderPoints.ts, refundOrder.ts, reversePoints.ts, entryEffects.ts); then shard by hashed memberId.',
    },
  },
  points_adjustments: {
    unsharded: 'Made by operators, a few hundred a day; the request key is global to the operator who made it.',
  },
  paid_spend: {
    key: byMember,
    why: 'Read as one member\'s rolling 12 months (members.me, tier review); the idempotency key is unique per member.',
    scatterGather: [],
  },
  coupons: {
    key: byMember,
    why: 'Listed, counted and issued per member; the issue key (source, sourceKey, template) is unique per member.',
    scatterGather: ['coupons.expire by status and validUntil (a job)', 'write-off by coupon id from a QR token (one document, targeted once the token carries the member)'],
  },
  consents: {
    key: byMember,
    why: 'Each member\'s consent history, read by member and purpose.',
    scatterGather: [],
  },
  birthday_claims: {
    key: byMember,
    why: 'One claim per member, package and year (the unique key starts with the member).',
    scatterGather: ['the repair job\'s scan of claims by state'],
  },
  help_campaigns: {
    unsharded: 'One per member who starts one, once a year, small documents; read by _id from share links.',
    later: {
      key: byMember,
      blockedBy: [],
      plan: 'Shard by hashed memberId when it grows; lookups by _id from a share link then carry the owner (share_links keep memberId).',
    },
  },
  help_assists: {
    key: { campaignId: 'hashed' },
    why: 'A campaign\'s assists are counted and checked together (the unique key is campaign + helper).',
    scatterGather: ['a member\'s own assists for export (rare)', 'help.finishUnlocks by state (a job)'],
  },
  mall_orders: {
    unsharded: '~2 KB an order; even a million redemptions a month is ~25 GB a year, archived yearly.',
    later: {
      key: { buyerMemberId: 'hashed' },
      blockedBy: ['orderNo_1'],
      plan: 'WeChat Pay notifications find orders by out_trade_no: take order numbers as claims in order_numbers (_id = orderNo, sharded by _id, holding the buyer) and route notifications through it; then shard by hashed buyerMemberId.',
    },
  },
  mall_redemption_limits: {
    key: byId,
    why: '_id = member:item:period, read and incremented by _id only.',
    scatterGather: [],
  },
  wishlists: {
    key: byId,
    why: 'One wishlist per member, _id = the member id.',
    scatterGather: [],
  },
  referrals: {
    key: byId,
    why: '_id = the invitee (first touch wins by the unique _id).',
    scatterGather: ['a referrer\'s list of invitees (referrerId): one member\'s page, bounded'],
  },
  referral_codes: {
    unsharded: 'One short code per member, looked up by code; small.',
  },
  share_links: {
    key: byId,
    why: 'Opened by share id (_id) from every friend\'s tap.',
    scatterGather: ['the member\'s latest share of a target (memberId, kind, targetId) when sharing again'],
  },
  deleted_accounts: {
    key: byId,
    why: '_id = keyed hash of the openid, checked by _id at first login.',
    scatterGather: [],
  },
  daily_counters: {
    key: byId,
    why: '_id = purpose:subject:day, taken by a conditional update on _id.',
    scatterGather: [],
  },
  events: {
    key: { key: 'hashed' },
    why: 'The append-only outbox grows with every fact and client event: the hashed idempotency key spreads the inserts and keeps writing a fact twice a one-shard no-op (a time-bucket key would need the bucket inside every key).',
    scatterGather: ['consumers read in recordedAt order (a job, in batches of 500)', 'a member\'s events (export, erasure)', 'analytics by type and time'],
  },
  message_push_inbox: {
    key: byId,
    why: '_id = the pushed fact\'s own key (MsgID, trace_id...): WeChat\'s retries and duplicates land on the entry by _id.',
    scatterGather: ['wechat.messagePush.retry by nextAttemptAt and the purge by receivedAt (jobs)', 'erasure by openid'],
  },
  writeoff_records: {
    key: { subjectKind: 1, subjectId: 'hashed' },
    why: 'Recorded once per subject (the unique key); the hashed id spreads a busy store\'s writes.',
    scatterGather: ['ops lists and exports by store and date', 'a member\'s export'],
  },
  // ── configuration, catalogs, operators: small, read-mostly, kept on the primary shard ──
  audit_log: { unsharded: 'A hash chain written in sequence (_id = seq) by operators: thousands of entries a day.' },
  audit_head: { unsharded: 'One document: the chain\'s head.' },
  birthday_packages: { unsharded: 'A few packages per tier.' },
  coupon_templates: { unsharded: 'Tens of templates.' },
  mall_items: { unsharded: 'A curated catalog of tens of items, read constantly: best served whole by the primary shard (and secondaries).' },
  donation_certificates: { unsharded: 'Numbered per year in sequence (two unique keys); as many as charity redemptions.' },
  stores: { unsharded: 'Hundreds of stores.' },
  staff_allowances: { unsharded: 'Store staff: thousands.' },
  operators: { unsharded: 'Tens of operators.' },
  operator_sessions: { unsharded: 'Operators\' sessions, expired by a job.' },
  settings_versions: { unsharded: 'Program settings versions, numbered in sequence.' },
  job_leases: { unsharded: 'One lease per job.' },
  event_checkpoints: { unsharded: 'One document per event consumer.' },
  event_heads: { unsharded: 'A few counters of the writes made to the event outbox.' },
  migrations: { unsharded: 'One document per data migration.' },
  wechat_access_tokens: { unsharded: 'One token per mini-program.' },
  // ── purchases from tills and the online shop ──
  pos_purchases: {
    unsharded: 'One per till or online receipt: grows with purchases, like the orders.',
    later: {
      key: byMember,
      blockedBy: ['receipt_once_per_integration'],
      plan: 'The receipt is unique per integration, which knows no member before identifying one: keep a claim collection of receipts (_id = integration:receipt, sharded by _id) inserted first, then shard purchases by hashed memberId.',
    },
  },
  pos_refunds: {
    unsharded: 'Refunds of till and online receipts: a fraction of the purchases.',
    later: {
      key: byMember,
      blockedBy: ['refund_once_per_receipt'],
      plan: 'As pos_purchases: a claim collection for (integration, receipt, refund number), then shard by hashed memberId.',
    },
  },
  member_codes: {
    unsharded: 'Short-lived codes (60 seconds, purged by pos.settle): the collection stays small however many members show one.',
    later: { key: { code: 'hashed' }, blockedBy: [], plan: 'Shard by hashed code, the till\'s only lookup.' },
  },
  integrations: { unsharded: 'One key per till or online channel: thousands at most.' },
  integration_daily_stats: { unsharded: 'One document per key and business day: thousands of keys × days, small.' },
  integration_nonces: { unsharded: 'Nonces of the last minutes per key, purged by pos.settle: small however busy the tills are.' },
  // ── the community: bounded by the members who post, served whole by one replica set ──
  community_posts: { unsharded: 'Posts by the members who post (a small share of members, at most postsPerDay each): millions a year fit one replica set; the feeds read by state and time across all authors.' },
  community_comments: { unsharded: 'Comments on those posts, read by post; grows with the posts.' },
  community_likes: { unsharded: 'One like per (member, post), _id = member:post; grows with the posts.' },
  community_reports: { unsharded: 'Reports by members, a fraction of posts and comments.' },
  community_blocks: { unsharded: 'Blocks between members: few per member.' },
  community_members: { unsharded: 'Per-member community state (mutes, counters) for those who take part.' },
  community_photos: { unsharded: 'Photo metadata (the files live in GridFS or S3), a few per post.' },
  community_media_checks: { unsharded: 'One per photo sent to mediaCheckAsync, _id = its trace_id; purged with the photos.' },
  community_topics: { unsharded: 'Tens of topics chosen by ops.' },
  moderation_words: { unsharded: 'The local word list: thousands of words.' },
  satisfaction_ratings: { unsharded: 'One rating per fulfilled order or write-off a member chooses to rate: a fraction of orders.' },
  satisfaction_nps: { unsharded: 'At most one NPS answer per member and quarter.' },
  campaign_touches: { unsharded: 'Per member, the campaigns that delivered to them within the attribution window: bounded per member.' },
  campaign_results: { unsharded: 'Counts per campaign and variant: tens of documents per campaign.' },
  sms_receipts: { unsharded: 'One delivery receipt per SMS sent, keyed by its serial number.' },
  sms_replies: { unsharded: 'Member replies (R/TD) by keyed hash: a small fraction of SMS sent.' },
  writeoff_codes: { unsharded: 'One short numeric code per live QR, replaced as the QR renews: small.' },
  insights_liability: { unsharded: 'One points-liability snapshot per business day, 90 days kept.' },
  insights_daily: { unsharded: 'One document of dashboard counts per business day.' },
  campaign_gmv_daily: { unsharded: 'One document per business day: attributed GMV by campaign id.' },
  segments: { unsharded: 'Segments ops define: tens.' },
  // ── campaigns, subscription messages and analytics ──
  campaign_deliveries: {
    key: { key: 'hashed' },
    why: 'One delivery per (campaign, member, occurrence), the unique key: materialising a cohort inserts hundreds of thousands at once, and the hashed key spreads them over every shard.',
    scatterGather: ['dispatch claims queued deliveries by state and nextAttemptAt (workers, in batches)', 'a campaign\'s report counts by campaignId and state', 'a member\'s deliveries (export, erasure)', 'settling a send receipt by msgId'],
  },
  inbox_messages: {
    key: { key: 'hashed' },
    why: 'Each delivery lands in the member\'s 消息中心 once, by the delivery\'s key.',
    scatterGather: ['a member\'s 消息中心 (memberId, createdAt): one member\'s page, on every shard'],
  },
  subscription_quotas: {
    key: byId,
    why: '_id = member:template: every accept, send and refusal is a conditional update on one document.',
    scatterGather: ['a member\'s templates (消息设置, dry runs by memberId)'],
  },
  subscription_send_receipts: {
    key: byId,
    why: '_id = WeChat\'s MsgID: a receipt lands once however often WeChat pushes it.',
    scatterGather: ['reconciling by openid, template and time (a job)'],
  },
  subscription_reports: {
    key: byMember,
    why: 'What the mini-program said the member chose, kept for reconciliation and read per member.',
    scatterGather: [],
  },
  member_stats: {
    key: byId,
    why: 'One document per member, _id = the member id, updated by the analytics consumer for each of their events.',
    scatterGather: ['the segment job finds members due by reviewAt (in batches)', 'the segment job counts segment sizes once a run (the dashboards read that count)'],
  },
  insights_buyers: {
    key: byId,
    why: 'One document per member who bought, _id = the member id, updated by the insights consumer for each of their paid orders.',
    scatterGather: [],
  },
  analytics_daily: { unsharded: 'One document per business day: a few hundred a year.' },
  alerts: { unsharded: 'At most one per KPI, channel or campaign and business day: a few a day.' },
  alert_notices: { unsharded: 'One per alert and on-duty operator: a few dozen a day.' },
  analytics_segment_sizes: { unsharded: 'One document: the segment sizes the segment job last counted.' },
  analytics_member_days: { unsharded: 'One document per business day: members by tier and lifecycle stage.' },
  campaigns: { unsharded: 'Tens of campaigns a month, made by operators.' },
  campaign_send_rate: { unsharded: 'One small document per second of sending (the global send rate), purged as it ages.' },
};
