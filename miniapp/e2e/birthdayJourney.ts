import { type E2eContext } from './context';
import { copyShareLink, newPerson, routeOf, type Person } from './people';
import { expectText, tapText } from './steps';
import { turnWheelTo } from './wheelPicker';

/** Friends needed to unlock 普卡's help gift (HELP_GOAL_BASIC's default). */
const HELP_GOAL = 5;
/** Inside the help window (14 days before the birthday to 7 after) whatever the time of day. */
export const BIRTHDAY_IN_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A month and day `days` from now on the calendar of Asia/Shanghai, where birthdays are kept. */
export function shanghaiMonthDay(days: number): { month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).formatToParts(
    new Date(Date.now() + days * DAY_MS),
  );
  const part = (type: 'month' | 'day'): number => Number(parts.find((found) => found.type === type)?.value);
  return { month: part('month'), day: part('day') };
}

/**
 * Sets A's birthday `inDays` from now through the date picker's wheels, confirming, then answering the 生日提醒 popup that 确认保存 opens (the H5
 * stand-in: 允许 or 取消); returns the birthday as people see it (`11月26日`).
 */
export async function setBirthdaySoon(a: Person, reminder: '允许' | '取消' = '取消', inDays = BIRTHDAY_IN_DAYS): Promise<string> {
  const { month, day } = shanghaiMonthDay(inDays);
  await a.step('login-and-home', async () => {
    await a.open('/pages/home/index');
    await expectText(a.page, '设置生日，领取生日礼');
  });
  await a.step('birthday-consent', async () => {
    await tapText(a.page, '去设置');
    await tapText(a.page, '我已阅读并同意以上说明');
  });
  await a.step('birthday-picker', async () => {
    await tapText(a.page, '请选择 ›');
    await expectText(a.page, '选择生日');
    await turnWheelTo(a.page, 0, month);
    await turnWheelTo(a.page, 1, day);
    await tapText(a.page, '确认');
    await expectText(a.page, `${month}月${day}日`);
  });
  await a.step('birthday-saved', async () => {
    await tapText(a.page, '保存生日');
    await expectText(a.page, '确认设置生日');
    await tapText(a.page, '确认保存');
    // The 生日提醒 popup opens from the confirmation's tap (the H5 stand-in).
    await expectText(a.page, '接收以下消息：生日提醒');
    await tapText(a.page, reminder);
    await expectText(a.page, /距离生日还有 \d+ 天/);
  });
  return `${month}月${day}日`;
}

/** A new friend opens the help card, logs in by tapping 助力, and is counted. */
async function friendHelps(context: E2eContext, cardRoute: string, index: number, done: string[]): Promise<Person> {
  const friend = await newPerson(context, `friend${index}`, done);
  await friend.step('opens-card', async () => {
    await friend.open(cardRoute);
    await expectText(friend.page, '帮TA解锁生日礼物');
    await expectText(friend.page, `集满 ${HELP_GOAL} 位好友助力即可解锁，人数固定、无抽奖`);
    await expectText(friend.page, `已有 ${index - 1}/${HELP_GOAL} 位好友助力`);
  });
  await friend.step('logs-in-and-helps', async () => {
    await tapText(friend.page, /^(登录并)?为TA助力$/);
    await expectText(friend.page, `已有 ${index}/${HELP_GOAL} 位好友助力`);
    await expectText(friend.page, '你已助力，谢谢你的心意');
    if (index === HELP_GOAL) await expectText(friend.page, '礼物已解锁');
  });
  return friend;
}

async function helpCampaign(context: E2eContext, a: Person, done: string[]): Promise<void> {
  let cardRoute = '';
  await a.step('starts-help', async () => {
    await tapText(a.page, '生日助力');
    await expectText(a.page, `集满 ${HELP_GOAL} 位好友助力即可解锁`);
    await tapText(a.page, '发起生日助力');
    // The 助力成功通知 popup opens from the same tap; refusing it still starts the campaign.
    await expectText(a.page, '接收以下消息：助力成功通知');
    await tapText(a.page, '取消');
    await expectText(a.page, `已有 0/${HELP_GOAL} 位好友助力`);
  });
  await a.step('shares-help-card', async () => {
    cardRoute = routeOf(await copyShareLink(a.page, '邀请好友助力', '/pages/help/card/'));
  });

  const b = await friendHelps(context, cardRoute, 1, done);
  await a.step('sees-first-helper', async () => {
    await a.page.reload();
    await expectText(a.page, `已有 1/${HELP_GOAL} 位好友助力`);
    await expectText(a.page, `还差 ${HELP_GOAL - 1} 位好友即可解锁`);
  });
  for (let index = 2; index <= HELP_GOAL; index += 1) {
    await (await friendHelps(context, cardRoute, index, done)).leave();
  }
  await a.step('gift-unlocked', async () => {
    await a.page.reload();
    await expectText(a.page, `已有 ${HELP_GOAL}/${HELP_GOAL} 位好友助力`);
    await expectText(a.page, '礼物已解锁');
    await tapText(a.page, '礼物已解锁，去“我的券”查看');
    await expectText(a.page, '生日蛋糕尺寸升级券');
  });

  await b.step('gets-first-order-coupon', async () => {
    await tapText(b.page, '我也要过 Cakeday 生日');
    await tapText(b.page, '我的券');
    await expectText(b.page, '新人首单8折券');
  });
  await b.leave();
  await a.step('sees-referral', async () => {
    await a.open('/pages/home/index');
    await tapText(a.page, '邀请好友');
    await expectText(a.page, '已注册，等待首单完成');
  });
}

async function shareWishlist(a: Person): Promise<string> {
  await a.step('wishes-a-mall-item', async () => {
    await a.open('/pages/home/index');
    await tapText(a.page, '积分商城');
    await tapText(a.page, '送礼');
    await tapText(a.page, '请TA喝一杯');
    await tapText(a.page, '♡ 加入生日心愿清单');
    await expectText(a.page, '已加入心愿清单');
  });
  let wishlistRoute = '';
  await a.step('shares-wishlist', async () => {
    await a.open('/pages/home/index');
    await tapText(a.page, '心愿清单');
    await expectText(a.page, '请TA喝一杯');
    await a.page.getByRole('switch', { name: '分享给好友' }).click();
    await expectText(a.page, '好友可以查看并送你清单里的心愿');
    wishlistRoute = routeOf(await copyShareLink(a.page, '分享心愿清单', '/pages/wishlist/friend/'));
  });
  return wishlistRoute;
}

async function friendGifts(context: E2eContext, wishlistRoute: string, birthday: string, done: string[]): Promise<void> {
  const d = await newPerson(context, 'gifter', done);
  await d.step('opens-wishlist', async () => {
    await d.open(wishlistRoute);
    await expectText(d.page, `生日：${birthday}`);
    await expectText(d.page, '请TA喝一杯');
  });
  await d.step('gifts-and-pays', async () => {
    await tapText(d.page, '送TA这个');
    await expectText(d.page, '送出生日礼物');
    await tapText(d.page, '去支付');
    await expectText(d.page, '谢谢你的心意！');
    await expectText(d.page, /订单号：/);
    await expectText(d.page, '我也要一张心愿清单');
    await tapText(d.page, '返回TA的心愿清单');
    await expectText(d.page, /心愿已实现/);
  });
  await d.leave();
}

/**
 * The birthday with friends, one browser context per person: A sets a birthday a few days away, starts a help
 * campaign and shares it; five new friends help and the gift unlocks; the first friend became A's referral with
 * the first-order coupon; another friend gifts a wish from A's list and pays through the sandbox.
 */
export async function runBirthdayJourney(context: E2eContext): Promise<string[]> {
  const done: string[] = [];
  const a = await newPerson(context, 'a', done);
  const birthday = await setBirthdaySoon(a);
  await helpCampaign(context, a, done);
  const wishlistRoute = await shareWishlist(a);
  await friendGifts(context, wishlistRoute, birthday, done);
  await a.step('sees-wish-fulfilled', async () => {
    await a.page.reload();
    await expectText(a.page, /心愿已实现/);
    await a.open('/pages/home/index');
    await tapText(a.page, '我的券');
    await expectText(a.page, '生日免费饮品券');
  });
  await a.leave();
  return done;
}
