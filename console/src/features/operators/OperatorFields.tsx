import { OPERATOR_ROLES, operatorRoleNames, STORE_SCOPED_ROLES, type OperatorRole } from '@cakeday/shared';
import { Checkbox, Form, Input } from 'antd';
import { StoreSelect } from '../../components/StoreSelect';

const roleOptions = OPERATOR_ROLES.map((role) => ({ label: operatorRoleNames[role], value: role }));

/** 名称, 角色 and, for a store manager, the store (picked from the store list): the fields creating and editing share. */
export function OperatorFields({ storeName }: { storeName?: string | null }) {
  const roles = Form.useWatch<OperatorRole[] | undefined>('roles', Form.useFormInstance());
  const needsStore = (roles ?? []).some((role) => STORE_SCOPED_ROLES.includes(role));
  return (
    <>
      <Form.Item label="名称" name="displayName" rules={[{ required: true, whitespace: true, max: 32, message: '请输入 1–32 个字的名称' }]}>
        <Input placeholder="如：张三（运营）" />
      </Form.Item>
      <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个角色' }]}>
        <Checkbox.Group options={roleOptions} />
      </Form.Item>
      {needsStore ? (
        <Form.Item label="所属门店" name="storeId" extra="店长只能管理这一家门店" rules={[{ required: true, message: '店长须指定所属门店' }]}>
          <StoreSelect knownLabel={storeName} />
        </Form.Item>
      ) : null}
    </>
  );
}

/** Brand-wide roles alone name no store: the field's value counts only while a store role is chosen. */
export function storeIdFor(roles: readonly OperatorRole[], storeId: string | null | undefined): string | null {
  return roles.some((role) => STORE_SCOPED_ROLES.includes(role)) ? (storeId?.trim() ?? null) || null : null;
}
