import { useSearchParams } from 'react-router';
import { useCurrentSession } from './currentSession';

/**
 * The store a store-scoped page shows: a store manager's own (fixed), or the one picked (kept in the URL's
 * `storeId`, so a link from the store list opens it). null = every store the operator may see.
 */
export function useStoreScope(): { storeId: string | null; fixedStoreName: string | null; pick: (storeId: string | null) => void } {
  const { operator } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  if (operator.roles.includes('store_manager') && operator.storeId && !operator.roles.includes('admin')) {
    return { storeId: operator.storeId, fixedStoreName: operator.storeName ?? '本店', pick: () => undefined };
  }
  const picked = params.get('storeId');
  return {
    storeId: picked && /^[0-9a-f]{24}$/.test(picked) ? picked : null,
    fixedStoreName: null,
    pick: (storeId) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (storeId) next.set('storeId', storeId);
        else next.delete('storeId');
        return next;
      }),
  };
}
