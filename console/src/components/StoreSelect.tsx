import { Select } from 'antd';
import { useDeferredValue, useState, type CSSProperties } from 'react';
import { useOpsQuery } from '../api/useOps';

const PAGE_SIZE = 50;

/**
 * Picks a store by name or code (`ops.stores.list`, searched on the server): the value is the store's id. A store
 * manager's list holds only their own store.
 */
export function StoreSelect({
  value,
  onChange,
  placeholder = '选择门店',
  allowClear,
  id,
  style,
  knownLabel,
}: {
  value?: string | null;
  onChange?: (storeId: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: CSSProperties;
  /** The chosen store's name when it is known already (an edited record), shown before the list loads. */
  knownLabel?: string | null;
}) {
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const stores = useOpsQuery('ops.stores.list', { page: 1, pageSize: PAGE_SIZE, ...(query ? { query } : {}) });
  const options = (stores.data?.items ?? []).map((store) => ({
    value: store.id,
    label: `${store.name}（${store.code}）${store.status === 'closed' ? ' · 已停业' : ''}`,
  }));
  if (value && knownLabel && !options.some((option) => option.value === value)) options.unshift({ value, label: knownLabel });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={stores.isFetching}
      options={options}
      placeholder={placeholder}
      allowClear={allowClear}
      notFoundContent={stores.isFetching ? '加载中…' : '没有找到门店'}
      style={{ minWidth: 220, ...style }}
    />
  );
}
