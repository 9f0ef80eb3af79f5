import type { CommunityTopic as TopicView } from '@cakeday/shared';
import { CommunityTopicModel } from './CommunityTopic.model';
import { presentTopic } from './presentPost';

/** The active topics, in ops' order (there are a handful). */
export async function listTopics(): Promise<TopicView[]> {
  const topics = await CommunityTopicModel.find({ active: true }).sort({ sort: 1, code: 1 }).limit(100).lean();
  return topics.map(presentTopic);
}
