import { diffSettings, programSettingsSchema, type ProgramSettings } from '@cakeday/shared';
import { App, Button, Card, Col, Form, Row, Tag } from 'antd';
import { SettingsFieldInput } from './SettingsFieldInput';
import { SETTINGS_SECTIONS } from './settingsFields';
import { fromFormValues, toFormValues, type SettingsFormValues } from './settingsValues';
import type { SettingsDraft } from './SaveSettingsModal';

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * A card per section of the program settings; sections outside `editableSections` are shown read-only (ops may not
 * change the limits on their own powers). Saving first checks the whole with the shared schema, then hands the diff
 * against the base version to the confirmation.
 */
export function SettingsForm({
  base,
  basedOnVersion,
  editableSections,
  onReview,
}: {
  base: ProgramSettings;
  basedOnVersion: number;
  editableSections: ReadonlySet<keyof ProgramSettings>;
  onReview: (draft: SettingsDraft) => void;
}) {
  const editable = editableSections.size > 0;
  const [form] = Form.useForm<SettingsFormValues>();
  const { message } = App.useApp();
  const review = (values: SettingsFormValues): void => {
    const settings = fromFormValues(values, base);
    const checked = programSettingsSchema.safeParse(settings);
    if (!checked.success) {
      form.setFields(
        checked.error.issues.map((issue) => ({
          name: issue.path.map(String),
          errors: [HAS_CHINESE.test(issue.message) ? issue.message : '取值不在允许范围内'],
        })),
      );
      return;
    }
    const changes = diffSettings(base, checked.data);
    if (changes.length === 0) {
      void message.info('没有修改任何设置');
      return;
    }
    onReview({ basedOnVersion, settings: checked.data, changes });
  };
  return (
    <Form form={form} layout="vertical" initialValues={toFormValues(base)} disabled={!editable} onFinish={review} scrollToFirstError>
      <Row gutter={[16, 16]}>
        {SETTINGS_SECTIONS.map((section) => (
          <Col key={section.key} xs={24} xl={12}>
            <Card title={section.title} size="small" extra={editable && !editableSections.has(section.key) ? <Tag>仅管理员可修改</Tag> : null}>
              <Row gutter={16}>
                {section.fields.map((field) => (
                  <Col key={field.path} xs={24} md={12}>
                    <SettingsFieldInput field={field} readOnly={!editableSections.has(section.key)} />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
        ))}
      </Row>
      {editable ? (
        <Row justify="end" style={{ marginTop: 16 }}>
          <Button onClick={() => form.resetFields()} style={{ marginRight: 8 }}>
            放弃修改
          </Button>
          <Button type="primary" htmlType="submit">
            检查并保存
          </Button>
        </Row>
      ) : null}
    </Form>
  );
}
