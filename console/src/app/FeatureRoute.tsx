import { Result } from 'antd';
import type { ConsoleFeature } from '../features/feature';
import { useOpsAbility } from '../session/currentSession';

/** A feature's page, for operators allowed to open it; others (a typed URL) get 无权访问. */
export function FeatureRoute({ feature }: { feature: ConsoleFeature }) {
  const ability = useOpsAbility();
  if (!ability.can(feature.permission[0], feature.permission[1])) {
    return <Result status="403" title="无权访问" subTitle={`你的角色不能查看「${feature.title}」。`} />;
  }
  const Page = feature.page;
  return <Page />;
}
