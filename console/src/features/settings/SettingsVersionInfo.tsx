import type { SettingsVersion } from '@cakeday/shared';
import { Alert, Descriptions } from 'antd';
import { formatBusinessDateTime } from '../../format/businessTime';

function versionLine(version: SettingsVersion): string {
  const by = version.createdBy ? `，${version.createdBy.displayName}` : '';
  const reason = version.reason ? `：${version.reason}` : '';
  return `版本 ${version.version}（${formatBusinessDateTime(version.effectiveFrom)} 起生效${by}${reason}）`;
}

/** Which version is in force, and which are scheduled to take over. */
export function SettingsVersionInfo({ current, scheduled }: { current: SettingsVersion; scheduled: SettingsVersion[] }) {
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="当前生效">{current.version === 0 ? '版本 0（系统默认）' : `版本 ${current.version}`}</Descriptions.Item>
        <Descriptions.Item label="生效时间">{current.version === 0 ? '—' : formatBusinessDateTime(current.effectiveFrom)}</Descriptions.Item>
        <Descriptions.Item label="修改人">{current.createdBy?.displayName ?? '—'}</Descriptions.Item>
      </Descriptions>
      {scheduled.length > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="已排期的版本"
          description={scheduled.map((version) => <div key={version.version}>{versionLine(version)}</div>)}
        />
      ) : null}
    </>
  );
}
