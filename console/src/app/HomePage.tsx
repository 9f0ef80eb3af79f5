import { Card, Col, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { consoleFeatures } from '../features';
import { rolesText } from '../layout/AccountMenu';
import { allowedFeatures } from '../layout/menu';
import { useCurrentSession, useOpsAbility } from '../session/currentSession';

/** The start page: who is signed in and the pages their roles open. */
export function HomePage() {
  const session = useCurrentSession();
  const features = allowedFeatures(consoleFeatures, useOpsAbility());
  return (
    <>
      <Typography.Title level={3}>欢迎，{session.operator.displayName}</Typography.Title>
      <Typography.Paragraph type="secondary">当前角色：{rolesText(session)}</Typography.Paragraph>
      {features.length === 0 ? (
        <Empty description="你的角色暂时没有可用的功能" />
      ) : (
        <Row gutter={[16, 16]}>
          {features.map((feature) => (
            <Col key={feature.path} xs={24} sm={12} lg={8}>
              <Link to={`/${feature.path}`}>
                <Card hoverable>
                  <Card.Meta avatar={feature.icon} title={feature.title} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
