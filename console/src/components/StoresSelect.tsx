import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useOpsQuery } from '../api/useOps';

const PAGE_SIZE = 50;

/** Picks any number of stores by name or code (`ops.stores.list`, searched on the server): the value is their ids. */
export function StoresSelect({ value, onChange, id, placeholder = '不限门店' }: { value?: string[]; onChange?: (storeIds: string[]) => void; id?: string; placeholder?: string }) {
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const stores = useOpsQuery('ops.stores.list', { page: 1, pageSize: PAGE_SIZE, ...(query ? { query } : {}) });
  const options = (stores.data?.items ?? []).map((store) => ({ value: store.id, label: `${store.name}（${store.code}）` }));
  for (const chosen of value ?? []) if (!options.some((option) => option.value === chosen)) options.push({ value: chosen, label: chosen });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(next: string[]) => onChange?.(next)}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={stores.isFetching}
      options={options}
      placeholder={placeholder}
      notFoundContent={stores.isFetching ? '加载中…' : '没有找到门店'}
      style={{ width: '100%' }}
    />
  );
}
