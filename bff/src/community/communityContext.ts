import type { AppDeps } from '../http/deps';
import { textCheckContext } from '../moderation/textContext';
import type { CreatePostContext } from './createPost';

/** What community commands need from the app: the text checks, mediaCheckAsync, the public URL, the day's limits. */
export async function communityContext(deps: AppDeps): Promise<CreatePostContext & { commentsPerDay: number; hideWeight: number; hotWindowDays: number }> {
  const text = textCheckContext(deps);
  const { settings } = await deps.settings.at(text.now);
  return {
    ...text,
    publicBaseUrl: deps.config.PUBLIC_BASE_URL,
    postsPerDay: settings.community.postsPerDay,
    commentsPerDay: settings.community.commentsPerDay,
    hideWeight: settings.community.reportHideWeight,
    hotWindowDays: settings.community.hotWindowDays,
  };
}
