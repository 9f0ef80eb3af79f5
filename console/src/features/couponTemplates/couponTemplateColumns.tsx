import type { ProColumns } from '@ant-design/pro-components';
import type { CouponType, OpsCouponTemplate } from '@cakeday/shared';
import { Space, Typography } from 'antd';
import { Can } from '../../session/currentSession';

export const couponTypeNames: Record<CouponType, string> = { amount_off: '满减券', percent_off: '折扣券', free_item: '兑换券' };
const activeEnum = { true: { text: '启用', status: 'Success' }, false: { text: '停用', status: 'Default' } };

export interface CouponTemplateActions {
  edit: (template: OpsCouponTemplate) => void;
  toggleActive: (template: OpsCouponTemplate) => void;
}

/** The template table; 关键词 and 状态 double as the search form. */
export function couponTemplateColumns(actions: CouponTemplateActions): ProColumns<OpsCouponTemplate>[] {
  return [
    { title: '关键词', dataIndex: 'query', hideInTable: true, fieldProps: { placeholder: '名称或编码' } },
    {
      title: '券',
      dataIndex: 'title',
      hideInSearch: true,
      render: (_dom, template) => (
        <>
          {template.title}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {template.code}
          </Typography.Text>
        </>
      ),
    },
    { title: '类型', dataIndex: 'type', hideInSearch: true, render: (_dom, template) => couponTypeNames[template.type] },
    { title: '券面', dataIndex: 'valueText', hideInSearch: true, render: (_dom, template) => `${template.valueText} · ${template.conditionText}` },
    {
      title: '使用条件',
      key: 'restrictions',
      hideInSearch: true,
      render: (_dom, template) => (template.restrictionTexts.length > 0 ? template.restrictionTexts.join('；') : '不限'),
    },
    { title: '有效期', dataIndex: 'validDays', hideInSearch: true, render: (_dom, template) => `发放后 ${template.validDays} 天` },
    { title: '状态', dataIndex: 'active', valueType: 'select', valueEnum: activeEnum },
    {
      title: '操作',
      valueType: 'option',
      render: (_dom, template) => (
        <Can I="update" a="CouponTemplate">
          <Space>
            <Typography.Link onClick={() => actions.edit(template)}>编辑</Typography.Link>
            <Typography.Link onClick={() => actions.toggleActive(template)}>{template.active ? '停用' : '启用'}</Typography.Link>
          </Space>
        </Can>
      ),
    },
  ];
}
