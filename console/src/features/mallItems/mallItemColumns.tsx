import type { ProColumns } from '@ant-design/pro-components';
import { MALL_ITEM_KINDS, mallItemKindLabels, tierNames, type OpsMallItem } from '@cakeday/shared';
import { Image, Space, Typography } from 'antd';
import { formatBusinessDateTime } from '../../format/businessTime';
import { Can } from '../../session/currentSession';

const kindEnum = Object.fromEntries(MALL_ITEM_KINDS.map((kind) => [kind, { text: mallItemKindLabels[kind] }]));
const statusEnum = { active: { text: '上架', status: 'Success' }, inactive: { text: '下架', status: 'Default' } };

export interface MallItemActions {
  edit: (item: OpsMallItem) => void;
  adjustStock: (item: OpsMallItem) => void;
  toggleSale: (item: OpsMallItem) => void;
  editImage: (item: OpsMallItem) => void;
}

/** The item table; 关键词, 类型 and 状态 double as the search form (the route's filters). */
export function mallItemColumns(actions: MallItemActions): ProColumns<OpsMallItem>[] {
  return [
    { title: '关键词', dataIndex: 'query', hideInTable: true, fieldProps: { placeholder: '标题或编码' } },
    {
      title: '商品',
      dataIndex: 'title',
      hideInSearch: true,
      render: (_dom, item) => (
        <>
          {item.title}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.code}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '封面',
      dataIndex: 'imageUrl',
      hideInSearch: true,
      width: 88,
      render: (_dom, item) =>
        item.imageUrl ? (
          <Image src={item.imageUrl} alt={item.title} width={64} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} />
        ) : (
          <Typography.Text type="secondary">无图片</Typography.Text>
        ),
    },
    { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: kindEnum },
    { title: '价格', dataIndex: 'priceText', hideInSearch: true },
    { title: '库存', dataIndex: 'stock', hideInSearch: true, render: (_dom, item) => `${item.stock}${item.reservedOrders > 0 ? `（${item.reservedOrders} 单占用中）` : ''}` },
    { title: '等级', dataIndex: 'tierRequired', hideInSearch: true, render: (_dom, item) => (item.tierRequired ? `${tierNames[item.tierRequired]}及以上` : '所有等级') },
    { title: '状态', dataIndex: 'status', valueType: 'select', valueEnum: statusEnum },
    { title: '更新时间', dataIndex: 'updatedAt', hideInSearch: true, render: (_dom, item) => formatBusinessDateTime(item.updatedAt) },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, item) => (
        <Can I="update" a="MallItem">
          <Space>
            <Typography.Link onClick={() => actions.edit(item)}>编辑</Typography.Link>
            <Typography.Link onClick={() => actions.editImage(item)}>图片</Typography.Link>
            <Typography.Link onClick={() => actions.adjustStock(item)}>库存调整</Typography.Link>
            <Typography.Link onClick={() => actions.toggleSale(item)}>{item.status === 'active' ? '下架' : '上架'}</Typography.Link>
          </Space>
        </Can>
      ),
    },
  ];
}
