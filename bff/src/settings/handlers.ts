import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { presentMemberRules } from './presentMemberRules';
import { presentSettingsDoc, presentSettingsVersion } from './presentSettingsVersion';
import { saveSettings } from './saveSettings';
import { SettingsVersionModel } from './SettingsVersion.model';

export const settingsHandlers: Pick<RouteHandlers, 'settings.rules' | 'ops.settings.current' | 'ops.settings.history' | 'ops.settings.update'> = {
  'settings.rules': async (_input, { deps }) => presentMemberRules(await deps.settings.at(deps.now())),
  'ops.settings.current': async (_input, { deps }) => {
    const now = deps.now();
    const current = await deps.settings.at(now);
    const [currentDoc, scheduled, latest] = await Promise.all([
      SettingsVersionModel.findById(current.version).lean(),
      SettingsVersionModel.find({ effectiveFrom: { $gt: now } }).sort({ _id: 1 }).lean(),
      SettingsVersionModel.findOne({}, { _id: 1 }).sort({ _id: -1 }).lean(),
    ]);
    return {
      current: presentSettingsVersion(current, currentDoc),
      scheduled: scheduled.map(presentSettingsDoc),
      latestVersion: latest?._id ?? 0,
    };
  },
  'ops.settings.history': async (input) => {
    const [docs, total] = await Promise.all([
      SettingsVersionModel.find({}).sort({ _id: -1 }).skip((input.page - 1) * input.pageSize).limit(input.pageSize).lean(),
      SettingsVersionModel.countDocuments({}),
    ]);
    return { items: docs.map(presentSettingsDoc), total };
  },
  'ops.settings.update': async (input, context) =>
    presentSettingsDoc(
      await saveSettings(
        {
          ability: context.operator.ability,
          basedOnVersion: input.basedOnVersion,
          effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : undefined,
          reason: input.reason,
          settings: input.settings,
          operator: { id: context.operator.operatorId, displayName: context.operator.displayName },
        },
        auditOf(context),
        context.deps.settings,
      ),
    ),
};
