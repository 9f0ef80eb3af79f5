export { createPaySandbox } from './paySandbox';
export type { PaidOrder, PayKeyMode, PaySandbox, PaySandboxControl, PaySandboxOptions, RequestPaymentInput } from './paySandbox';
export { startPaySandbox, type RunningPaySandbox } from './server';
export { bffPayEnv, DEV_KEY_FILES, generatePayKeys, loadOrCreateDevPayKeys, type PayKeyMaterial } from './keys';
export { RETRY_SCHEDULE_SECONDS, type DeliveryAttempt, type DeliveryOutcome } from './notifier';
export type { PayOperation } from './routes';
