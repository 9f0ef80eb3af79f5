import { Route, Routes, useSearchParams } from 'react-router';
import { OrderDetail } from './OrderDetail';
import { OrdersTable } from './OrdersTable';

/** 订单: the table at /orders (?memberId= filters by a member), an order's page at /orders/<id>. */
export function OrdersPage() {
  return (
    <Routes>
      <Route index element={<AllOrders />} />
      <Route path=":orderId" element={<OrderDetail />} />
    </Routes>
  );
}

function AllOrders() {
  const [params] = useSearchParams();
  return <OrdersTable title="订单" memberId={params.get('memberId') ?? undefined} />;
}
