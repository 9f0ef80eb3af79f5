import { model, Schema } from 'mongoose';

/** Campaign sends in one second (epoch second as `_id`) across every BFF instance. Old windows are purged by the settle job. */
export interface SendRateWindow {
  _id: number;
  count: number;
}

const sendRateWindowSchema = new Schema<SendRateWindow>({ _id: { type: Number, required: true }, count: { type: Number, required: true } }, { collection: 'campaign_send_rate', versionKey: false });

export const SendRateWindowModel = model<SendRateWindow>('SendRateWindow', sendRateWindowSchema);
