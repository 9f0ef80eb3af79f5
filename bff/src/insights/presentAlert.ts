import { toBusinessIso, type OpsAlert } from '@cakeday/shared';
import type { Alert } from './Alert.model';

export const presentAlert = (alert: Alert): OpsAlert => ({
  id: alert._id.toHexString(),
  kind: alert.kind,
  subject: alert.subject,
  day: alert.day,
  window: alert.window,
  value: alert.value,
  threshold: alert.threshold,
  sample: alert.sample,
  state: alert.state,
  raisedAt: toBusinessIso(alert.raisedAt),
  acknowledgedAt: alert.acknowledgedAt ? toBusinessIso(alert.acknowledgedAt) : null,
  notified: alert.notice === 'sent',
  version: alert.version,
});
