import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the screens outside the console's menu: login and the set-up an operator must finish first. */
export function AccountShell({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 24 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {extra}
        {children}
      </Card>
    </Flex>
  );
}
