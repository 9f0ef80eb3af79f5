import { customerSatisfaction, SENTIMENT_CLASSES, sentimentShares, type OpsInsightsSatisfactionResponse, type ProgramSettings, type SentimentClass } from '@cakeday/shared';
import { businessDaysFrom } from '../analytics/businessDays';
import { InsightsDayModel } from './InsightsDay.model';

const TOP_COMPLAINTS = 20;
const STARS = [1, 2, 3, 4, 5] as const;
type Counts = Record<string, Record<string, number>>;

const valueOf = (counts: Counts | undefined, group: string, name: string): number => counts?.[group]?.[name] ?? 0;
const sentimentOf = (counts: Counts | undefined) => Object.fromEntries(SENTIMENT_CLASSES.map((name) => [name, valueOf(counts, 'sentiment', name)])) as Record<SentimentClass, number>;

function npsOf(promoters: number, passives: number, detractors: number) {
  const responses = promoters + passives + detractors;
  return { responses, promoters, passives, detractors, nps: responses === 0 ? null : Math.round(((promoters - detractors) * 1000) / responses) / 10 };
}

/** The satisfaction dashboard from the daily insights counts of a range (at most 366 documents). */
export async function readSatisfaction(range: { from: string; to: string }, settings: ProgramSettings): Promise<OpsInsightsSatisfactionResponse> {
  const stored = await InsightsDayModel.find({ _id: { $in: businessDaysFrom(range.from, range.to) } }, { counts: 1 }).lean();
  const byDay = new Map(stored.map((day) => [day._id, day.counts]));
  const totals = { promoter: 0, passive: 0, detractor: 0, ratings: 0, stars: 0, satisfied: 0 };
  const byStars = [0, 0, 0, 0, 0];
  const sentiment = Object.fromEntries(SENTIMENT_CLASSES.map((name) => [name, 0])) as Record<SentimentClass, number>;
  const complaints = new Map<string, number>();
  const days = businessDaysFrom(range.from, range.to).map((day) => {
    const counts = byDay.get(day);
    const [promoters, passives, detractors] = ['promoter', 'passive', 'detractor'].map((name) => valueOf(counts, 'nps', name)) as [number, number, number];
    const ratings = valueOf(counts, 'ratings', 'count');
    const stars = valueOf(counts, 'ratings', 'stars');
    totals.promoter += promoters;
    totals.passive += passives;
    totals.detractor += detractors;
    totals.ratings += ratings;
    totals.stars += stars;
    totals.satisfied += valueOf(counts, 'ratings', 'satisfied');
    const dayStars = STARS.map((star) => valueOf(counts, 'ratings', `star${star}`));
    dayStars.forEach((value, index) => (byStars[index] = (byStars[index] ?? 0) + value));
    const daySentiment = sentimentOf(counts);
    for (const name of SENTIMENT_CLASSES) sentiment[name] += daySentiment[name];
    for (const [word, count] of Object.entries(counts?.complaints ?? {})) complaints.set(word, (complaints.get(word) ?? 0) + count);
    const nps = npsOf(promoters, passives, detractors);
    return {
      day,
      npsResponses: nps.responses,
      promoters,
      passives,
      detractors,
      nps: nps.nps,
      ratings,
      averageStars: ratings > 0 ? Math.round((stars * 100) / ratings) / 100 : null,
      stars: dayStars,
      sentiment: daySentiment,
    };
  });
  const csat = customerSatisfaction([]);
  const targets = settings.insights.sentimentTargets;
  return {
    nps: { ...npsOf(totals.promoter, totals.passive, totals.detractor), target: settings.insights.targets.nps },
    csat:
      totals.ratings > 0
        ? { responses: totals.ratings, averageStars: Math.round((totals.stars * 100) / totals.ratings) / 100, satisfiedPermille: Math.floor((totals.satisfied * 1000) / totals.ratings) }
        : csat,
    stars: byStars,
    sentiment: {
      counts: sentiment,
      shares: sentimentShares(sentiment),
      targets: { positive: targets.positivePermille, neutral: targets.neutralPermille, negative: targets.negativePermille, extremely_negative: targets.extremelyNegativePermille },
    },
    complaintWords: [...complaints.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_COMPLAINTS)
      .map(([word, count]) => ({ word, count })),
    days,
  };
}
