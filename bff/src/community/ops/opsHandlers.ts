import type { RouteHandlers } from '../../http/routeHandler';
import { auditOf } from '../../operators/handlers';
import { deleteWord, listWords, presentWord, saveWord } from '../../moderation/words/words';
import { authorHistory } from './authorHistory';
import { listQueue } from './listQueue';
import { moderateContent } from './moderateContent';
import { muteAuthor } from './muteAuthor';
import { listTopicsForOps, presentTopicForOps, saveTopic } from './topics';

type CommunityOpsRoute =
  | 'ops.community.queue'
  | 'ops.community.approve'
  | 'ops.community.remove'
  | 'ops.community.restore'
  | 'ops.community.author'
  | 'ops.community.mute'
  | 'ops.community.topics.list'
  | 'ops.community.topics.save'
  | 'ops.community.words.list'
  | 'ops.community.words.save'
  | 'ops.community.words.delete';

export const communityOpsHandlers: Pick<RouteHandlers, CommunityOpsRoute> = {
  'ops.community.queue': async (input) => listQueue(input),
  'ops.community.approve': async (input, context) => moderateContent('approve', input, auditOf(context), context.operator.displayName),
  'ops.community.remove': async (input, context) => moderateContent('remove', input, auditOf(context), context.operator.displayName),
  'ops.community.restore': async (input, context) => moderateContent('restore', input, auditOf(context), context.operator.displayName),
  'ops.community.author': async (input) => authorHistory(input),
  'ops.community.mute': async (input, context) => muteAuthor(input, auditOf(context)),
  'ops.community.topics.list': async () => listTopicsForOps(),
  'ops.community.topics.save': async (input, context) => presentTopicForOps(await saveTopic(input, auditOf(context))),
  'ops.community.words.list': async (input) => listWords(input),
  'ops.community.words.save': async (input, context) => presentWord(await saveWord(input, auditOf(context))),
  'ops.community.words.delete': async (input, context) => {
    await deleteWord(input, auditOf(context));
    return { ok: true };
  },
};
