import sharp from 'sharp';
import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';
import { type E2eContext } from './context';
import { newPerson, type Person } from './people';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, tapText } from './steps';

const POST_TEXT = '今天生日，吃到了草莓蛋糕 e2e';
const COMMENT_TEXT = '生日快乐呀 e2e';
const REMOVE_REASON = 'e2e：评论含广告引流';

/** POST /api/<route> with a session cookie (the console's calls, without building the console here). */
async function opsPost(apiBase: string, route: string, body: unknown, cookie?: string): Promise<{ status: number; body: Record<string, unknown>; cookie: string | null }> {
  const answer = await fetch(`${apiBase}/api/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = answer.headers.get('set-cookie');
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown>, cookie: setCookie ? (setCookie.split(';')[0] ?? null) : null };
}

/** A phone photo: a cake-coloured JPEG with GPS in its EXIF (the BFF strips it). */
function cakePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 250, g: 200, b: 180 } } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 4567/100' } })
    .toBuffer();
}

async function bindPhone(person: Person): Promise<void> {
  await person.open('/pages/me/index');
  await tapText(person.page, '绑定手机号');
  await expectText(person.page, /\d{3}\*{4}\d{4}/);
}

/**
 * 晒生日 in the community: a member with a bound phone posts two photos under #晒生日#; the post is 审核中 to them and
 * invisible to a second member until the sandbox pushes WeChat's pass verdicts to the BFF; then the second member
 * likes and comments, a third reports the comment, a moderator removes it with a reason (the console's call; the
 * console e2e drives its page), the comment is gone and the audit log says why.
 */
export async function runCommunityJourney(context: E2eContext): Promise<string[]> {
  const done: string[] = [];
  const author = await newPerson(context, 'community-author', done);
  const friend = await newPerson(context, 'community-friend', done);
  const reporter = await newPerson(context, 'community-reporter', done);
  let postId = '';

  await author.step('posts-two-photos-under-birthday-topic', async () => {
    await bindPhone(author);
    // As the home card's 晒出你的生日 opens it: #晒生日# preset.
    await author.open('/pages/community-post/compose/index?topic=birthday');
    await author.page.locator('textarea[placeholder="分享你的生日故事、新品试吃…"]').fill(POST_TEXT);
    const photo = await cakePhoto();
    // Two photos picked at once from the album.
    const chooser = author.page.waitForEvent('filechooser', { timeout: STEP_TIMEOUT_MS });
    await author.page.locator('[aria-label="添加图片"]').click();
    await (await chooser).setFiles(['cake-1.jpg', 'cake-2.jpg'].map((name) => ({ name, mimeType: 'image/jpeg', buffer: photo })));
    // Each photo uploads as it is picked (POST /media/photos).
    await author.page.waitForFunction(() => document.querySelectorAll('.compose__photo--uploaded').length === 2, undefined, { timeout: STEP_TIMEOUT_MS });
    // The composer goes back as soon as the post is made: its answer is read on the way, not after.
    let created: (answer: unknown) => void = () => undefined;
    const createdAnswer = new Promise<unknown>((resolve) => (created = resolve));
    await author.page.route('**/api/community.create', async (route) => {
      const response = await route.fetch();
      created(await response.json());
      await route.fulfill({ response });
    });
    await tapText(author.page, '发布');
    const answer = (await Promise.race([createdAnswer, author.page.waitForTimeout(STEP_TIMEOUT_MS).then(() => ({}))])) as {
      post?: { id: string; status: string; photos: unknown[]; topic: { code: string } | null };
    };
    if (!answer.post) throw new JourneyFailure(`community.create answered ${JSON.stringify(answer)}`);
    if (answer.post.topic?.code !== 'birthday') throw new JourneyFailure(`the post is not under #晒生日#: ${JSON.stringify(answer.post.topic)}`);
    if (answer.post.photos.length !== 2) throw new JourneyFailure(`the post has ${answer.post.photos.length} photos, not 2`);
    postId = answer.post.id;
  });

  await author.step('sees-it-as-reviewing', async () => {
    await author.open(`/pages/community-post/index?id=${postId}`);
    await expectText(author.page, POST_TEXT);
    await expectText(author.page, '审核中，通过后其他人才能看到');
    await expectText(author.page, /晒生日/);
  });

  await friend.step('does-not-see-it-yet', async () => {
    const feed = friend.page.waitForResponse((response) => response.url().endsWith('/api/community.feed'), { timeout: STEP_TIMEOUT_MS });
    await friend.open('/pages/community/index');
    const answer = (await (await feed).json()) as { items?: { id: string }[] };
    if (!answer.items) throw new JourneyFailure(`community.feed answered ${JSON.stringify(answer)}`);
    if (answer.items.some((item) => item.id === postId)) throw new JourneyFailure('another member’s feed has a post awaiting its verdict');
    if ((await friend.page.getByText(POST_TEXT).count()) > 0) throw new JourneyFailure('another member sees a post awaiting its verdict');
  });

  await author.step('wechat-verdicts-arrive', async () => {
    const delivered = await fetch(`${context.sandboxUrl}/__sandbox/media-checks/deliver`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const { deliveries } = (await delivered.json()) as { deliveries: { delivered: boolean; verdict: { suggest: string } }[] };
    if (deliveries.length < 2 || deliveries.some((delivery) => !delivery.delivered || delivery.verdict.suggest !== 'pass')) {
      throw new JourneyFailure(`the sandbox's verdicts: ${JSON.stringify(deliveries)}`);
    }
    await author.open(`/pages/community-post/index?id=${postId}`);
    await expectText(author.page, POST_TEXT);
    await expectText(author.page, '还没有评论，来说点什么吧');
    if ((await author.page.getByText('审核中，通过后其他人才能看到').count()) > 0) throw new JourneyFailure('still 审核中 after the pass verdicts');
  });

  await friend.step('likes-and-comments', async () => {
    await friend.open(`/pages/community-post/index?id=${postId}`);
    await expectText(friend.page, POST_TEXT);
    await friend.page.locator('[aria-label="点赞"]').first().click();
    await friend.page.locator('[aria-label="取消点赞"]').first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await bindPhone(friend);
    await friend.open(`/pages/community-post/index?id=${postId}`);
    await friend.page.locator('input[placeholder="说点什么…"]').fill(COMMENT_TEXT);
    await tapText(friend.page, '发送');
    await expectText(friend.page, COMMENT_TEXT);
  });

  await reporter.step('reports-the-comment', async () => {
    await reporter.open(`/pages/community-post/index?id=${postId}`);
    await expectText(reporter.page, COMMENT_TEXT);
    const reported = reporter.page.waitForResponse((response) => response.url().endsWith('/api/community.report'), { timeout: STEP_TIMEOUT_MS });
    await tapText(reporter.page, '更多');
    await tapText(reporter.page, '举报');
    await tapText(reporter.page, '垃圾广告');
    if ((await reported).status() !== 200) throw new JourneyFailure('the report was refused');
  });

  await reporter.step('moderator-removes-it-and-the-audit-log-says-why', async () => {
    const moderator = DEMO_OPERATORS.find((operator) => operator.roles.includes('moderator'));
    if (!moderator) throw new JourneyFailure('no demo moderator in the seed');
    const login = await opsPost(context.apiBase, 'ops.login', { loginName: moderator.loginName, password: moderator.password });
    if (login.status !== 200 || !login.cookie) throw new JourneyFailure(`ops.login answered ${login.status}`);
    const queue = await opsPost(context.apiBase, 'ops.community.queue', { view: 'reported', kind: 'comment' }, login.cookie);
    const comment = (queue.body.items as { id: string; text: string; state: string; reports: unknown[] }[] | undefined)?.find((item) => item.text === COMMENT_TEXT);
    if (!comment || comment.reports.length !== 1) throw new JourneyFailure(`the reported comment is not in the queue: ${JSON.stringify(queue.body)}`);
    const removed = await opsPost(context.apiBase, 'ops.community.remove', { target: { kind: 'comment', id: comment.id }, expectedState: comment.state, reason: REMOVE_REASON }, login.cookie);
    if (removed.body.state !== 'removed') throw new JourneyFailure(`the comment was not removed: ${JSON.stringify(removed.body)}`);
    // The audit log is the admin's to read.
    const admin = DEMO_OPERATORS.find((operator) => operator.roles.includes('admin'));
    const adminLogin = admin ? await opsPost(context.apiBase, 'ops.login', { loginName: admin.loginName, password: admin.password }) : null;
    if (!adminLogin?.cookie) throw new JourneyFailure('the demo admin cannot log in');
    const audit = await opsPost(context.apiBase, 'ops.audit.list', { action: 'ops.community.remove', subjectId: comment.id }, adminLogin.cookie);
    const entry = (audit.body.items as { reason: string | null }[] | undefined)?.[0];
    if (entry?.reason !== REMOVE_REASON) throw new JourneyFailure(`the audit log does not say why: ${JSON.stringify(audit.body)}`);

    await friend.open(`/pages/community-post/index?id=${postId}`);
    await expectText(friend.page, POST_TEXT);
    await expectText(friend.page, '还没有评论，来说点什么吧');
  });

  for (const person of [author, friend, reporter]) await person.leave();
  return done;
}
