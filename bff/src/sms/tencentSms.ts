import { z } from 'zod';
import type { Config } from '../config/config';
import { tc3Authorization } from './tc3Signature';

/** One number's result in SendSms's SendStatusSet: Code "Ok" when Tencent took it. */
export interface SmsSendStatus {
  serialNo: string;
  phoneNumber: string;
  code: string;
  message: string;
  fee: number;
}

export interface SmsSendRequest {
  /** E.164 (+8613800138000), at most 200 a call. */
  phoneNumbers: string[];
  templateId: string;
  params: string[];
  /** Echoed back by Tencent: the delivery's key, for the logs. */
  sessionContext?: string;
}

export interface SmsSendResult {
  requestId: string;
  statuses: SmsSendStatus[];
}

/**
 * Tencent refused the whole request (Response.Error) or did not answer. `answered` false (a timeout, a broken
 * connection, an unreadable answer): Tencent may have sent the messages, so the caller must not send them again.
 */
export class SmsApiError extends Error {
  constructor(
    readonly code: string,
    readonly answered: boolean,
    readonly retryable: boolean,
  ) {
    super(`tencent sms ${code}`);
    this.name = 'SmsApiError';
  }
}

/** Per-number codes (SendStatusSet[].Code) that another attempt later may pass: the frequency limits. */
export const RETRYABLE_SMS_CODES: ReadonlySet<string> = new Set([
  'LimitExceeded.PhoneNumberThirtySecondLimit',
  'LimitExceeded.PhoneNumberOneHourLimit',
  'LimitExceeded.DeliveryFrequencyLimit',
]);

/** Request-level errors worth a later retry: Tencent's side or its rate limit, not our request. */
const RETRYABLE_REQUEST_ERRORS = /^(InternalError|RequestLimitExceeded|LimitExceeded\.AppDailyLimit$|FailedOperation\.InsufficientBalanceInSmsPackage$)/;

const sendSmsResponse = z.object({
  Response: z.object({
    RequestId: z.string(),
    Error: z.object({ Code: z.string(), Message: z.string() }).optional(),
    SendStatusSet: z
      .array(z.object({ SerialNo: z.string(), PhoneNumber: z.string(), Fee: z.number(), Code: z.string(), Message: z.string() }).loose())
      .optional(),
  }),
});

export interface TencentSms {
  sendSms(request: SmsSendRequest): Promise<SmsSendResult>;
}

export const SMS_API_VERSION = '2021-01-11';

/**
 * Tencent Cloud SMS's `SendSms` (API 3.0, version 2021-01-11) at SMS_API_BASE: a JSON POST signed TC3-HMAC-SHA256
 * with SMS_SECRET_ID / SMS_SECRET_KEY, the approved signature SMS_SIGN_NAME and the application SMS_SDK_APP_ID.
 * Each number gets its own Code in SendStatusSet (a frequency limit refuses one number, not the request).
 */
export function createTencentSms(config: Pick<Config, 'SMS_API_BASE' | 'SMS_REGION' | 'SMS_SECRET_ID' | 'SMS_SECRET_KEY' | 'SMS_SDK_APP_ID' | 'SMS_SIGN_NAME' | 'SMS_TIMEOUT_MS'>, clock: () => Date = () => new Date()): TencentSms {
  const url = new URL(config.SMS_API_BASE);
  const path = url.pathname || '/';
  return {
    async sendSms(request) {
      const body = JSON.stringify({
        PhoneNumberSet: request.phoneNumbers,
        SmsSdkAppId: config.SMS_SDK_APP_ID,
        SignName: config.SMS_SIGN_NAME,
        TemplateId: request.templateId,
        TemplateParamSet: request.params,
        ...(request.sessionContext ? { SessionContext: request.sessionContext } : {}),
      });
      const timestamp = Math.floor(clock().getTime() / 1000);
      // fetch sends Host as url.host (with the port when it is not the default), which is what is signed.
      const contentType = 'application/json; charset=utf-8';
      const authorization = tc3Authorization({ secretId: config.SMS_SECRET_ID, secretKey: config.SMS_SECRET_KEY, service: 'sms', host: url.host, path, contentType, body, timestamp });
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            Authorization: authorization,
            'Content-Type': contentType,
            'X-TC-Action': 'SendSms',
            'X-TC-Version': SMS_API_VERSION,
            'X-TC-Timestamp': String(timestamp),
            'X-TC-Region': config.SMS_REGION,
          },
          body,
          signal: AbortSignal.timeout(config.SMS_TIMEOUT_MS),
        });
      } catch {
        throw new SmsApiError('NoAnswer', false, true);
      }
      const parsed = sendSmsResponse.safeParse(await response.json().catch(() => null));
      if (!parsed.success) throw new SmsApiError(`HTTP${response.status}`, false, true);
      const answer = parsed.data.Response;
      if (answer.Error) throw new SmsApiError(answer.Error.Code, true, RETRYABLE_REQUEST_ERRORS.test(answer.Error.Code));
      return {
        requestId: answer.RequestId,
        statuses: (answer.SendStatusSet ?? []).map((status) => ({ serialNo: status.SerialNo, phoneNumber: status.PhoneNumber, code: status.Code, message: status.Message, fee: status.Fee })),
      };
    },
  };
}
