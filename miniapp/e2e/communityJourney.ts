import sharp from 'sharp';
import { openConsoleOperator, type ConsoleE2e, type ConsoleOperator } from '../../console/e2e/consoleOperator';
import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';
import { DESKTOP, openWatchedPage } from './browser';
import { type E2eContext } from './context';
import { newPerson, type Person } from './people';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, tapText } from './steps';

const POST_TEXT = '今天生日，吃到了草莓蛋糕 e2e';
const COMMENT_TEXT = '生日快乐呀 e2e';
const REMOVE_REASON = 'e2e：评论含广告引流';

/** A phone photo: a cake-coloured JPEG with GPS in its EXIF (the BFF strips it). */
function cakePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 250, g: 200, b: 180 } } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 4567/100' } })
    .toBuffer();
}

/** A demo operator of the seed signs in to the console. */
async function signIn(desk: ConsoleOperator, role: 'moderator' | 'admin'): Promise<void> {
  const operator = DEMO_OPERATORS.find((candidate) => candidate.roles.includes(role));
  if (!operator) throw new JourneyFailure(`no demo ${role} in the seed`);
  await desk.open('/');
  await desk.login(operator.loginName, operator.password);
  await expectText(desk.page, `欢迎，${operator.displayName}`);
}

async function bindPhone(person: Person): Promise<void> {
  await person.open('/pages/me/index');
  await tapText(person.page, '绑定手机号');
  await expectText(person.page, /\d{3}\*{4}\d{4}/);
}

/**
 * 晒生日 in the community: a member with a bound phone posts two photos under #晒生日#; the post is 审核中 to them and
 * invisible to a second member until the sandbox pushes WeChat's pass verdicts to the BFF; then the second member
 * likes and comments, a third reports the comment, a moderator removes it in the console (served by the same BFF,
 * in the same Chromium) with a reason, the comment is gone for the member and the console's 操作日志 says why.
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

  // The moderator and the admin at their desks, in the same Chromium: the console this stack's BFF serves.
  const desks: ConsoleE2e = { openPage: () => openWatchedPage(context.browser, DESKTOP), consoleUrl: context.consoleUrl, screenshots: context.screenshots };
  const moderator = await openConsoleOperator(desks, 'community-moderator', done);
  await moderator.step('removes-the-reported-comment-in-the-console', async () => {
    await signIn(moderator, 'moderator');
    await moderator.openMenu('社区审核');
    const { page } = moderator;
    const search = page.locator('.ant-pro-table-search');
    const pick = async (field: string, option: string): Promise<void> => {
      // The select's shown value covers its input: open it by its frame.
      await search.locator('.ant-form-item').filter({ has: page.locator(`label[for]`, { hasText: field }) }).locator('.ant-select-selector').click();
      await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
    };
    await pick('队列', '被举报');
    await pick('类型', '评论');
    await search.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ hasText: COMMENT_TEXT });
    await row.getByText('垃圾广告').waitFor();
    await row.getByText('下架', { exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '下架这条评论' });
    await dialog.getByPlaceholder('将记入操作日志').fill(REMOVE_REASON);
    await dialog.getByRole('button', { name: /下\s*架/ }).click();
    await page.getByText('已下架：已下架').waitFor();
    await row.waitFor({ state: 'detached' });
  });

  await friend.step('the-removed-comment-is-gone', async () => {
    await friend.open(`/pages/community-post/index?id=${postId}`);
    await expectText(friend.page, POST_TEXT);
    await expectText(friend.page, '还没有评论，来说点什么吧');
    if ((await friend.page.getByText(COMMENT_TEXT).count()) > 0) throw new JourneyFailure('the removed comment is still shown');
  });

  // The audit log is the admin's to read.
  const admin = await openConsoleOperator(desks, 'community-admin', done);
  await admin.step('audit-log-shows-why-it-was-removed', async () => {
    await signIn(admin, 'admin');
    await admin.openMenu('操作日志');
    await admin.page.getByRole('row').filter({ hasText: 'ops.community.remove' }).getByText(REMOVE_REASON).waitFor();
  });

  for (const desk of [moderator, admin]) await desk.page.context().close();
  for (const person of [author, friend, reporter]) await person.leave();
  return done;
}
