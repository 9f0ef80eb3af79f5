import type { OpsInput, OpsResponse } from '../../api/opsRoutes';

export type OpsTopic = OpsResponse<'ops.community.topics.list'>['items'][number];

export interface TopicFormValues {
  code: string;
  name: string;
  description?: string | null;
  sort: number;
  active: boolean;
  reason: string;
}

export const NEW_TOPIC_VALUES: Partial<TopicFormValues> = { sort: 100, active: true };

export function topicFormValues(topic: OpsTopic): Partial<TopicFormValues> {
  return { code: topic.code, name: topic.name, description: topic.description, sort: topic.sort, active: topic.active };
}

/** The save request: an edit names the topic and the version loaded; an empty description is none. */
export function topicSaveInput(topic: OpsTopic | null, values: TopicFormValues): OpsInput<'ops.community.topics.save'> {
  const fields = {
    code: topic ? topic.code : values.code.trim(),
    name: values.name.trim(),
    description: values.description?.trim() || null,
    sort: values.sort,
    active: values.active,
    reason: values.reason.trim(),
  };
  return topic ? { id: topic.id, version: topic.version, ...fields } : fields;
}

/** Taking a topic online or offline: the topic as loaded, `active` flipped. */
export function topicToggleInput(topic: OpsTopic, reason: string): OpsInput<'ops.community.topics.save'> {
  const { id, version, code, name, description, sort } = topic;
  return { id, version, code, name, description, sort, active: !topic.active, reason: reason.trim() };
}
