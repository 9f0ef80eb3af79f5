import { Alert } from 'antd';
import { OrdersTable } from './OrdersTable';

/** 异常订单: orders with a flag not yet handled; handling one (with a note) is on the order's page. */
export function FlaggedOrdersPage() {
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="支付金额不符、退款异常等待处理的订单。打开订单查看详情，处理后填写处理说明标记为已处理。"
      />
      <OrdersTable title="异常订单" flaggedOnly />
    </>
  );
}
