import type { MessagePushWire } from '@cakeday/shared';
import type { SandboxState } from '../state';
import { MediaChecks, type MediaCheckView, type MediaVerdictDelivery } from './mediaCheck';
import { Pusher, PushNotFound, type ForgedKind, type PushDelivery, type PushOutcome } from './pusher';
import { defaultPushSettings, type PushSettings, type PushSettingsPatch } from './pushSettings';
import { SubscriptionPushes } from './subscriptionPushes';

/** The message push's controls in-process (the same as /__sandbox/push/... over HTTP). */
export interface PushSandboxControl {
  settings(): PushSettings;
  configure(patch: PushSettingsPatch): PushSettings;
  /** Pushes any event, signed for the current mode (`json` keeps a raw text, e.g. a MsgID as a bare 19-digit number). */
  pushEvent(event: MessagePushWire | { json: string; event: string }): string;
  /** Resolves when the push was accepted or gave up after its retries; await it instead of sleeping. */
  settled(pushId: string): Promise<PushOutcome>;
  lastPushId(): string | undefined;
  duplicate(pushId?: string, times?: number): Promise<PushDelivery[]>;
  replay(pushId?: string, ageSeconds?: number): Promise<PushDelivery>;
  forge(kind: ForgedKind, pushId?: string): Promise<PushDelivery>;
  /** Holds every push from now on until release() (a delayed delivery, without the clock). */
  hold(): void;
  release(): string[];
  deliveries(): PushDelivery[];
  /** Pushes the verdicts of pending media checks (all, or one trace_id) and resolves when each delivery settled. */
  deliverMediaVerdicts(traceId?: string): Promise<MediaVerdictDelivery[]>;
  mediaChecks(): MediaCheckView[];
}

export interface PushSandbox {
  control: PushSandboxControl;
  pusher: Pusher;
  subscriptions: SubscriptionPushes;
  mediaChecks: MediaChecks;
  /** Back to the settings the sandbox started with; forgets pushes, deliveries and media checks. */
  reset(): void;
  close(): void;
}

/** The given settings without the keys left undefined (which would otherwise erase a default). */
const given = (patch: PushSettingsPatch): PushSettingsPatch => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

export function createPushSandbox(state: SandboxState, initial: PushSettingsPatch = {}): PushSandbox {
  const started: PushSettings = { ...defaultPushSettings, ...given(initial) };
  let settings: PushSettings = { ...started };
  const pusher = new Pusher({ settings: () => settings, appid: () => settings.appid ?? state.defaultAppid() });
  const subscriptions = new SubscriptionPushes(state, pusher);
  const mediaChecks = new MediaChecks(state, pusher, () => settings);
  const last = (pushId?: string): string => {
    const id = pushId ?? pusher.lastPushId();
    if (!id) throw new PushNotFound('last');
    return id;
  };
  const control: PushSandboxControl = {
    settings: () => ({ ...settings }),
    configure: (patch) => {
      settings = { ...settings, ...given(patch) };
      return { ...settings };
    },
    pushEvent: (event) => pusher.push(event),
    settled: (pushId) => pusher.settled(pushId),
    lastPushId: () => pusher.lastPushId(),
    duplicate: (pushId, times = 1) => pusher.duplicate(last(pushId), times),
    replay: (pushId, ageSeconds = 600) => pusher.replay(last(pushId), ageSeconds),
    forge: (kind, pushId) => pusher.forge(last(pushId), kind),
    hold: () => pusher.hold(),
    release: () => pusher.release(),
    deliveries: () => [...pusher.log],
    deliverMediaVerdicts: (traceId) => mediaChecks.deliver(traceId),
    mediaChecks: () => mediaChecks.list(),
  };
  return {
    control,
    pusher,
    subscriptions,
    mediaChecks,
    reset: () => {
      pusher.reset();
      mediaChecks.reset();
      settings = { ...started };
    },
    close: () => {
      pusher.close();
      mediaChecks.reset();
    },
  };
}
