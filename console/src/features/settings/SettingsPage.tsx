import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useOpsQuery } from '../../api/useOps';
import { useOpsAbility } from '../../session/currentSession';
import { SaveSettingsModal, type SettingsDraft } from './SaveSettingsModal';
import { SettingsForm } from './SettingsForm';
import { SETTINGS_SECTIONS } from './settingsFields';
import { SettingsHistory } from './SettingsHistory';
import { SettingsVersionInfo } from './SettingsVersionInfo';

/** 会员规则设置: the program settings, edited on top of the newest version, saved as a new version after a diff. */
export function SettingsPage() {
  const current = useOpsQuery('ops.settings.current', {});
  const ability = useOpsAbility();
  // Field-level: ops may change the member-facing sections but not `operations` (the limits on their own powers).
  const editableSections = new Set(SETTINGS_SECTIONS.filter((section) => ability.can('update', 'Settings', section.key)).map((section) => section.key));
  const readOnlyTitles = SETTINGS_SECTIONS.filter((section) => !editableSections.has(section.key)).map((section) => `「${section.title}」`);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);

  const reload = (): void => {
    setDraft(null);
    void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('ops.settings.') });
  };

  if (current.isPending) return <Spin />;
  if (current.error) return <Alert type="error" showIcon message={current.error.message} />;
  const { latestVersion, scheduled } = current.data;
  // Edits build on the newest version, which may be a scheduled one.
  const base = scheduled.find((version) => version.version === latestVersion) ?? current.data.current;

  return (
    <>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          会员规则设置
        </Typography.Title>
        <SettingsVersionInfo current={current.data.current} scheduled={scheduled} />
        {editableSections.size === 0 ? (
          <Alert type="info" showIcon message="你的角色只能查看设置，修改须由管理员进行。" style={{ marginBottom: 16 }} />
        ) : readOnlyTitles.length > 0 ? (
          <Alert type="info" showIcon message={`${readOnlyTitles.join('')}只能查看，修改须由管理员进行。`} style={{ marginBottom: 16 }} />
        ) : null}
        <SettingsForm key={base.version} base={base.settings} basedOnVersion={latestVersion} editableSections={editableSections} onReview={setDraft} />
      </Card>
      <SettingsHistory />
      {draft ? (
        <SaveSettingsModal
          draft={draft}
          onClose={() => setDraft(null)}
          onReload={reload}
          onSaved={(version) => {
            void message.success(`已保存为版本 ${version}`);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
