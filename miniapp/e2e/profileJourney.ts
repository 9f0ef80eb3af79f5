import { randomBytes } from 'node:crypto';
import { type E2eContext } from './context';
import { copyShareLink, newPerson, routeOf, type Person } from './people';
import { expectText, JourneyFailure, STEP_TIMEOUT_MS, tapText } from './steps';

/** An 8×8 brand-red PNG the member "chooses" in the file input (the H5 stand-in for WeChat's avatar sheet). */
const AVATAR_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN4ERCNFTEMLQkAgVFkwU4PfPQAAAAASUVORK5CYII=', 'base64');

async function expectAvatarShown(person: Person): Promise<string> {
  const image = person.page.locator('img[src*="/media/avatars/"]').filter({ visible: true }).first();
  await image.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  // Waits for the image's own load (or error) event rather than a time.
  const loaded = await image.evaluate(
    (element) =>
      new Promise<boolean>((resolve) => {
        const img = element as HTMLImageElement;
        if (img.complete) return resolve(img.naturalWidth > 0);
        img.addEventListener('load', () => resolve(img.naturalWidth > 0), { once: true });
        img.addEventListener('error', () => resolve(false), { once: true });
      }),
  );
  if (!loaded) throw new JourneyFailure('the avatar did not load');
  return (await image.getAttribute('src')) ?? '';
}

/** A sets an avatar (file input) and a nickname (content-checked) in 我的, never asked as a gate. */
async function setsNameAndFace(a: Person, nickname: string): Promise<void> {
  await a.step('me-without-name', async () => {
    await a.open('/pages/me/index');
    await expectText(a.page, '设置头像和昵称');
  });
  await a.step('chooses-avatar', async () => {
    const uploaded = a.page.waitForResponse((response) => response.url().endsWith('/api/members.uploadAvatar'), { timeout: STEP_TIMEOUT_MS });
    await a.page.locator('input[type="file"]').first().setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: AVATAR_PNG });
    if ((await uploaded).status() !== 200) throw new JourneyFailure('members.uploadAvatar did not store the avatar');
    await expectAvatarShown(a);
  });
  await a.step('sets-nickname', async () => {
    await tapText(a.page, '设置头像和昵称');
    await expectText(a.page, '头像和昵称会显示在你分享的心愿清单');
    // Taro's <Input> is a custom element around the real input.
    const field = a.page.locator('.profile-editor__input input').filter({ visible: true }).first();
    await field.fill(nickname);
    await field.blur();
    const saved = a.page.waitForResponse((response) => response.url().endsWith('/api/members.update'), { timeout: STEP_TIMEOUT_MS });
    // The page reloads the profile after saving; leaving before that answer would abort it.
    const reloaded = a.page.waitForResponse((response) => response.url().endsWith('/api/members.me'), { timeout: STEP_TIMEOUT_MS });
    await tapText(a.page, '保存昵称');
    if ((await saved).status() !== 200) throw new JourneyFailure('members.update did not save the nickname');
    await reloaded;
    // Back within the app (a fresh load would abort what is still loading); 我的 reloads when shown.
    const shown = ['/api/members.me', '/api/writeoff.staffProfile'].map((route) =>
      a.page.waitForResponse((response) => response.url().endsWith(route), { timeout: STEP_TIMEOUT_MS }),
    );
    await a.page.goBack();
    await Promise.all(shown);
    await expectText(a.page, nickname);
    await expectAvatarShown(a);
  });
}

async function sharesWishlist(a: Person): Promise<string> {
  await a.step('wishes-and-shares', async () => {
    await a.open('/pages/mall/index');
    await tapText(a.page, '送礼');
    await tapText(a.page, '请TA喝一杯');
    await tapText(a.page, '♡ 加入生日心愿清单');
    await expectText(a.page, '已加入心愿清单');
    await a.open('/pages/wishlist/index');
    await a.page.getByRole('switch', { name: '分享给好友' }).click();
    await expectText(a.page, '好友可以查看并送你清单里的心愿');
  });
  let route = '';
  await a.step('copies-wishlist-link', async () => {
    route = routeOf(await copyShareLink(a.page, '分享心愿清单', '/pages/wishlist/friend/'));
  });
  return route;
}

/**
 * Names and faces, rules and stores: a new member sets an avatar and a nickname; a friend sees both on the shared
 * wishlist and on the invite landing (with the agreement one tap away); the rules, tier benefits and store pages
 * render from the BFF (the demo store with its hours and map).
 */
export async function runProfileJourney(context: E2eContext): Promise<string[]> {
  const done: string[] = [];
  const nickname = `阿梅${randomBytes(2).toString('hex')}`;
  const a = await newPerson(context, 'a', done, 'profile');
  await setsNameAndFace(a, nickname);
  const wishlistRoute = await sharesWishlist(a);
  let inviteRoute = '';
  await a.step('copies-invite-link', async () => {
    await a.open('/pages/referral/index');
    inviteRoute = routeOf(await copyShareLink(a.page, '邀请微信好友', '/pages/referral/landing/'));
  });

  await a.step('rules-from-settings', async () => {
    await a.open('/pages/home/index');
    await tapText(a.page, '等级权益 ›');
    await expectText(a.page, '普卡（当前）');
    await expectText(a.page, '近12个月消费满 ¥500');
    await tapText(a.page, '查看完整会员规则 ›');
    await expectText(a.page, '积分有效期');
    await expectText(a.page, /规则版本 \d+/);
  });
  await a.step('stores', async () => {
    await a.open('/pages/me/index');
    await tapText(a.page, '门店');
    await expectText(a.page, '麦香生日烘焙·人民广场店');
    await expectText(a.page, '营业时间：08:00–22:00');
    await expectText(a.page, '地图导航');
    await expectText(a.page, '📞 021-6318-0100');
  });
  await a.leave();

  const friend = await newPerson(context, 'friend', done, 'profile');
  await friend.step('sees-name-on-wishlist', async () => {
    await friend.open(wishlistRoute);
    await expectText(friend.page, `${nickname} 的生日心愿`);
    // Others see an uploaded avatar only once WeChat's image check passed it (its push arrives on the sandbox's
    // schedule): bff/src/members/avatarCheck.test.ts proves what friends see before and after the verdict.
  });
  await friend.leave();

  const newcomer = await newPerson(context, 'newcomer', done, 'profile');
  await newcomer.step('invite-names-inviter', async () => {
    await newcomer.open(inviteRoute);
    await expectText(newcomer.page, `${nickname} 邀请你加入 Cakeday`);
    await expectText(newcomer.page, /加入即得「.+」/);
    await tapText(newcomer.page, '《会员协议》');
    await expectText(newcomer.page, 'Cakeday 会员协议');
  });
  await newcomer.leave();
  return done;
}
