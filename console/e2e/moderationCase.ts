import mongoose from 'mongoose';

/** The member's post the moderator removes in the console (the mini-program's e2e posts one through the app). */
export const REPORTED_POST = { text: '加微信领免费蛋糕券 e2e-console', removeReason: 'e2e：广告引流，下架' };

/**
 * A post by the demo member, hidden for review after reports (as the BFF leaves one above the report threshold),
 * with one open report: this suite runs no WeChat and no mini-program, so it is stored as the BFF would store it.
 */
export async function seedReportedPost(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri).asPromise();
  try {
    const member = await connection.collection('members').findOne({ status: 'active' });
    if (!member) throw new Error('e2e(console): the seed has no member to author a post');
    const now = new Date();
    const postId = new mongoose.Types.ObjectId();
    await connection.collection('community_posts').insertOne({
      _id: postId,
      authorId: member._id,
      createKey: `${member._id.toHexString()}:e2e-console-reported`,
      text: REPORTED_POST.text,
      topicCode: null,
      photoIds: [],
      likeCount: 0,
      commentCount: 0,
      hotScore: 0,
      counterOps: [],
      verdictDueAt: null,
      publishedAt: now,
      state: 'in_review',
      reviewReasons: ['reported'],
      textVerdict: { source: 'wechat', suggest: 'pass', label: 100, traceId: null, words: [] },
      reportWeight: 3,
      history: [
        { from: 'pending', to: 'published', by: null, reason: null, at: now },
        { from: 'published', to: 'in_review', by: null, reason: null, at: now },
      ],
      auditSeqs: [],
      createdAt: now,
      updatedAt: now,
    });
    await connection.collection('community_reports').insertOne({
      key: `e2e-console:${postId.toHexString()}`,
      reporterId: new mongoose.Types.ObjectId(),
      targetKind: 'post',
      targetId: postId,
      targetAuthorId: member._id,
      reason: 'spam',
      note: '拉人加微信',
      weight: 3,
      state: 'open',
      createdAt: now,
      settledAt: null,
    });
  } finally {
    await connection.close();
  }
}
