import type { OpsIntegration } from '@cakeday/shared';
import { usageOf } from './integrationStats';
import { StoreModel, type Store } from '../writeoff/Store.model';
import type { Integration } from './Integration.model';

/** The console's view: never the secret, only its last four characters. */
export async function presentIntegrationsForOps(integrations: Integration[], now: Date): Promise<OpsIntegration[]> {
  const usage = await usageOf(integrations.map((integration) => integration._id.toHexString()), now);
  const storeIds = integrations.flatMap((integration) => (integration.storeId ? [integration.storeId] : []));
  const stores = storeIds.length > 0 ? await StoreModel.find({ _id: { $in: storeIds } }, { code: 1, name: 1 }).lean() : [];
  const storeOf = (integration: Integration): Pick<Store, '_id' | 'code' | 'name'> | undefined =>
    integration.storeId ? stores.find((store) => store._id.equals(integration.storeId)) : undefined;
  return integrations.map((integration) => {
    const store = storeOf(integration);
    return {
      id: integration._id.toHexString(),
      keyId: integration.keyId,
      name: integration.name,
      kind: integration.kind,
      store: store ? { id: store._id.toHexString(), code: store.code, name: store.name } : null,
      status: integration.status,
      secretHint: integration.secretHint,
      createdAt: integration.createdAt.toISOString(),
      revokedAt: integration.revokedAt?.toISOString() ?? null,
      lastSeenAt: integration.lastSeenAt?.toISOString() ?? null,
      rotatedAt: integration.rotatedAt?.toISOString() ?? null,
      previousSecretValidUntil: integration.previousSecretSealed && integration.previousSecretValidUntil && integration.previousSecretValidUntil > now ? integration.previousSecretValidUntil.toISOString() : null,
      usage: usage.get(integration._id.toHexString()) ?? { requests: 0, errors: 0, errorRatePercent: null, lastErrorCode: null, lastErrorAt: null },
      version: integration.version,
    };
  });
}

export async function presentIntegrationForOps(integration: Integration, now: Date): Promise<OpsIntegration> {
  const [view] = await presentIntegrationsForOps([integration], now);
  if (!view) throw new Error('presentIntegrationsForOps lost a record');
  return view;
}
