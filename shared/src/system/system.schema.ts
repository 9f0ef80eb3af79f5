import { z } from 'zod';

export const systemPingRequest = z.object({}).strict();
export const systemPingResponse = z.object({
  ok: z.literal(true),
  serverTime: z.iso.datetime({ offset: true }),
  timezone: z.literal('Asia/Shanghai'),
});

export type SystemPingResponse = z.infer<typeof systemPingResponse>;
