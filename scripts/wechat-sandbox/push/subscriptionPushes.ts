import type { MessagePushWire } from '@cakeday/shared';
import type { SandboxState } from '../state';
import type { Pusher } from './pusher';
import { SANDBOX_ORIGINAL_ID } from './pushSettings';

export type PopupChoice = { templateId: string; result: 'accept' | 'reject' | 'ban' | 'filter' };

/**
 * The subscription events WeChat pushes to the BFF: a popup answered, a change of mind, a send's receipt. Built
 * with WeChat's JSON quirks: `List` is an object for one item and an array for several; `CreateTime` is an int.
 */
export class SubscriptionPushes {
  /** The last CreateTime used per openid. */
  private readonly lastSecond = new Map<string, number>();

  constructor(
    private readonly state: SandboxState,
    private readonly pusher: Pusher,
  ) {}

  /**
   * WeChat's own advice is to tell events apart by FromUserName + CreateTime, so two of one person's events never
   * share a second here: each is a separate tap, which a person cannot make twice within a second.
   */
  private createTime(openid: string): number {
    const second = Math.max(Math.floor(this.state.now() / 1000), (this.lastSecond.get(openid) ?? 0) + 1);
    this.lastSecond.set(openid, second);
    return second;
  }

  private envelope(openid: string) {
    return { ToUserName: SANDBOX_ORIGINAL_ID, FromUserName: openid, CreateTime: this.createTime(openid), MsgType: 'event' as const };
  }

  /** One popup answered (up to 3 templates): accept and reject are pushed; ban and filter are not. Null when nothing is. */
  popup(openid: string, choices: readonly PopupChoice[], popupScene: number): string | null {
    const items = choices.flatMap((choice) =>
      choice.result === 'accept' || choice.result === 'reject' ? [{ TemplateId: choice.templateId, SubscribeStatusString: choice.result, PopupScene: String(popupScene) }] : [],
    );
    const [first] = items;
    if (!first) return null;
    const event: MessagePushWire = { ...this.envelope(openid), Event: 'subscribe_msg_popup_event', List: items.length === 1 ? first : items };
    return this.pusher.push(event);
  }

  /** The person turned a template off (服务通知 card menu or the settings page). */
  change(openid: string, templateId: string): string {
    return this.pusher.push({ ...this.envelope(openid), Event: 'subscribe_msg_change_event', List: { TemplateId: templateId, SubscribeStatusString: 'reject' } });
  }

  /** The receipt of a successful send; MsgID is the send's msgid, as text. */
  sent(openid: string, templateId: string, msgid: string): string {
    return this.pusher.push({ ...this.envelope(openid), Event: 'subscribe_msg_sent_event', List: { TemplateId: templateId, MsgID: msgid, ErrorCode: 0, ErrorStatus: 'success' } });
  }
}
