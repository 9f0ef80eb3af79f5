import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { adjustMallItemStock } from './adjustMallItemStock';
import { createMallItem } from './createMallItem';
import { listMallItemsForOps, loadMallItem } from './listMallItemsForOps';
import { removeMallItemImage, uploadMallItemImage } from './mallItemImage';
import { presentMallItemForOps } from './presentMallItemForOps';
import { updateMallItem } from './updateMallItem';

type MallItemsOpsRoutes =
  | 'ops.mallItems.list'
  | 'ops.mallItems.get'
  | 'ops.mallItems.create'
  | 'ops.mallItems.update'
  | 'ops.mallItems.adjustStock'
  | 'ops.mallItems.uploadImage'
  | 'ops.mallItems.removeImage';

export const mallItemsOpsHandlers: Pick<RouteHandlers, MallItemsOpsRoutes> = {
  'ops.mallItems.list': async (input) => {
    const { items, total } = await listMallItemsForOps(input);
    return { items: items.map(presentMallItemForOps), total, page: input.page, pageSize: input.pageSize };
  },
  'ops.mallItems.get': async (input) => presentMallItemForOps(await loadMallItem(input.id)),
  'ops.mallItems.create': async (input, context) => presentMallItemForOps(await createMallItem(input, auditOf(context))),
  'ops.mallItems.update': async (input, context) => presentMallItemForOps(await updateMallItem(input, auditOf(context))),
  'ops.mallItems.adjustStock': async (input, context) => presentMallItemForOps(await adjustMallItemStock(input, auditOf(context))),
  'ops.mallItems.uploadImage': async (input, context) => presentMallItemForOps(await uploadMallItemImage(input, auditOf(context), context.deps.photos)),
  'ops.mallItems.removeImage': async (input, context) => presentMallItemForOps(await removeMallItemImage(input, auditOf(context))),
};
