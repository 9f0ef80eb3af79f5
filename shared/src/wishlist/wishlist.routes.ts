import { defineRoutes } from '../api/route.js';
import {
  wishlistAddRequest,
  wishlistAddResponse,
  wishlistGiftRequest,
  wishlistGiftResponse,
  wishlistMineRequest,
  wishlistMineResponse,
  wishlistPosterRequest,
  wishlistPosterResponse,
  wishlistRemoveRequest,
  wishlistRemoveResponse,
  wishlistReorderRequest,
  wishlistReorderResponse,
  wishlistShareRequest,
  wishlistShareResponse,
  wishlistUpdateRequest,
  wishlistUpdateResponse,
  wishlistViewRequest,
  wishlistViewResponse,
} from './wishlist.schema.js';

export const wishlistRoutes = defineRoutes({
  'wishlist.mine': {
    auth: 'member',
    summary: '我的生日心愿清单（最多10个）与分享状态',
    request: wishlistMineRequest,
    response: wishlistMineResponse,
  },
  'wishlist.add': {
    auth: 'member',
    summary: '添加心愿：商城商品或一句话心愿，可附备注',
    request: wishlistAddRequest,
    response: wishlistAddResponse,
  },
  'wishlist.update': {
    auth: 'member',
    summary: '修改心愿文字或备注',
    request: wishlistUpdateRequest,
    response: wishlistUpdateResponse,
  },
  'wishlist.remove': {
    auth: 'member',
    summary: '删除一个心愿',
    request: wishlistRemoveRequest,
    response: wishlistRemoveResponse,
  },
  'wishlist.reorder': {
    auth: 'member',
    summary: '调整心愿顺序：提交全部心愿 id 的新顺序',
    request: wishlistReorderRequest,
    response: wishlistReorderResponse,
  },
  'wishlist.share': {
    auth: 'member',
    summary: '开启或关闭分享；开启时返回分享路径与二维码 scene',
    request: wishlistShareRequest,
    response: wishlistShareResponse,
  },
  'wishlist.poster': {
    auth: 'member',
    summary: '心愿清单海报：带小程序码的 PNG，base64（需先开启分享）',
    request: wishlistPosterRequest,
    response: wishlistPosterResponse,
  },
  'wishlist.view': {
    auth: 'public',
    summary: '好友查看分享的心愿清单：昵称、头像、心愿与生日日期（不含年份、手机号）',
    request: wishlistViewRequest,
    response: wishlistViewResponse,
  },
  'wishlist.gift': {
    auth: 'member',
    summary: '从好友的心愿清单赠送商品：微信支付下单，履约给生日会员',
    request: wishlistGiftRequest,
    response: wishlistGiftResponse,
  },
});
