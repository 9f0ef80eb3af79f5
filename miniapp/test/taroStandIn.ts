/**
 * Jest's @tarojs/taro: the H5 APIs the app and NutUI use, with the network and the page lifecycle under
 * the test's control. `request` answers through `taroStandIn.respond`; `useDidShow` runs on mount.
 */
import { useEffect, useRef } from 'react';

export interface StandInRequest {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
}

export interface StandInResponse {
  statusCode: number;
  data: unknown;
}

export interface StandInModal {
  title?: string;
  content?: string;
  confirmText?: string;
  cancelText?: string;
}

type Responder = (request: StandInRequest) => StandInResponse | Promise<StandInResponse>;

/** What the WeChat-only privacy listener is handed (wx.onNeedPrivacyAuthorization's resolve). */
export type PrivacyResolve = (answer: { event: string; buttonId?: string }) => void;
type PrivacyListener = (resolve: PrivacyResolve) => void;

const storage = new Map<string, unknown>();
const reachBottomHandlers = new Set<() => void>();

export const taroStandIn = {
  requests: [] as StandInRequest[],
  toasts: [] as string[],
  navigations: [] as string[],
  /** The current page's query, as getCurrentInstance().router.params. */
  params: {} as Record<string, string>,
  /** What Taro.requestPayment does: resolve (paid) or reject with { errMsg }. */
  pay: async (): Promise<void> => undefined,
  payments: [] as unknown[],
  clipboard: [] as string[],
  /** WeChat-only APIs (the .weapp files): what scanCode answers, what was written and saved to the album. */
  scan: async (_options: { onlyFromCamera?: boolean; scanType?: string[] }): Promise<{ result: string }> => ({ result: '' }),
  saveToAlbum: async (_filePath: string): Promise<void> => undefined,
  files: new Map<string, { data: string; encoding: string }>(),
  albumSaves: [] as string[],
  privacyListeners: [] as PrivacyListener[],
  privacyContractsOpened: 0,
  /** Each Taro.setKeepScreenOn request, in order. */
  keepScreenOn: [] as boolean[],
  /** What chooseImage picks; uploadFile answers through `uploadRespond` and records what it sent. */
  chosenImages: [] as string[],
  uploads: [] as { url: string; filePath: string; name: string; header: Record<string, string> }[],
  uploadRespond: ((_upload: { filePath: string }) => ({ statusCode: 500, data: '' })) as (upload: { filePath: string }) => StandInResponse | Promise<StandInResponse>,
  /** The taps showActionSheet answers in turn (none left: cancelled). */
  actionSheetTaps: [] as number[],
  /**
   * Every Taro.showModal shown (a confirmation, or the H5 subscription stand-in), in order. The person answers
   * `modalConfirms` unless a test gives `answerModal` to answer each modal by what it shows.
   */
  modals: [] as StandInModal[],
  modalConfirms: true,
  answerModal: async (_modal: StandInModal): Promise<{ confirm: boolean }> => ({ confirm: taroStandIn.modalConfirms }),
  /** The scene wx.getEnterOptionsSync tells (1014: a subscription message's card); null: none (the H5 build). */
  enterScene: null as number | null,
  /** wx.requestSubscribeMessage (the .weapp flavour): the ids asked, and what the popup answers per id. */
  subscribeRequests: [] as string[][],
  answerSubscribe: async (tmplIds: string[]): Promise<Record<string, string>> => Object.fromEntries(tmplIds.map((id) => [id, 'reject'])),
  respond: ((request: StandInRequest) => {
    throw new Error(`no responder for ${request.url}`);
  }) as Responder,
  reset(): void {
    this.requests = [];
    this.toasts = [];
    this.navigations = [];
    this.params = {};
    this.pay = async () => undefined;
    this.payments = [];
    this.clipboard = [];
    this.scan = async () => ({ result: '' });
    this.saveToAlbum = async () => undefined;
    this.files = new Map();
    this.albumSaves = [];
    this.privacyListeners = [];
    this.keepScreenOn = [];
    this.privacyContractsOpened = 0;
    this.chosenImages = [];
    this.uploads = [];
    this.uploadRespond = () => ({ statusCode: 500, data: '' });
    this.actionSheetTaps = [];
    this.modals = [];
    this.modalConfirms = true;
    this.answerModal = async () => ({ confirm: taroStandIn.modalConfirms });
    this.enterScene = null;
    this.subscribeRequests = [];
    this.answerSubscribe = async (tmplIds) => Object.fromEntries(tmplIds.map((id) => [id, 'reject']));
    storage.clear();
    reachBottomHandlers.clear();
  },
  reachBottom(): void {
    for (const handler of reachBottomHandlers) handler();
  },
};

async function request(options: StandInRequest): Promise<StandInResponse & { header: Record<string, string> }> {
  taroStandIn.requests.push(options);
  const answer = await taroStandIn.respond(options);
  return { ...answer, header: {} };
}

function useDidShow(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => latest.current(), []);
}

function useReachBottom(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = (): void => latest.current();
    reachBottomHandlers.add(handler);
    return () => {
      reachBottomHandlers.delete(handler);
    };
  }, []);
}

const noopHook = (_callback: () => void): void => undefined;

type Listener = (...args: unknown[]) => void;
const listeners = new Map<string, Set<Listener>>();

/** Taro's page-scoped event bus (NutUI's imperative Dialog and Toast use it). */
export const eventCenter = {
  on(name: string, listener: Listener): void {
    listeners.set(name, (listeners.get(name) ?? new Set()).add(listener));
  },
  off(name: string, listener?: Listener): void {
    if (listener) listeners.get(name)?.delete(listener);
    else listeners.delete(name);
  },
  trigger(name: string, ...args: unknown[]): void {
    for (const listener of listeners.get(name) ?? []) listener(...args);
  },
};

export function getCurrentInstance(): { router: { path: string; params: Record<string, string> } } {
  return { router: { path: '/pages/test/index', params: taroStandIn.params } };
}

const Taro = {
  request,
  getStorageSync: (key: string): unknown => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown): void => {
    storage.set(key, value);
  },
  removeStorageSync: (key: string): void => {
    storage.delete(key);
  },
  showToast: async (options: { title: string }): Promise<void> => {
    taroStandIn.toasts.push(options.title);
  },
  navigateTo: async (options: { url: string }): Promise<void> => {
    taroStandIn.navigations.push(options.url);
  },
  reLaunch: async (options: { url: string }): Promise<void> => {
    taroStandIn.navigations.push(options.url);
  },
  switchTab: async (options: { url: string }): Promise<void> => {
    taroStandIn.navigations.push(options.url);
  },
  navigateBack: async (): Promise<void> => {
    taroStandIn.navigations.push('back');
  },
  stopPullDownRefresh: (): void => undefined,
  requestPayment: async (options: unknown): Promise<void> => {
    taroStandIn.payments.push(options);
    await taroStandIn.pay();
  },
  setClipboardData: async (options: { data: string }): Promise<void> => {
    taroStandIn.clipboard.push(options.data);
  },
  redirectTo: async (options: { url: string }): Promise<void> => {
    taroStandIn.navigations.push(options.url);
  },
  showShareMenu: async (): Promise<void> => undefined,
  chooseImage: async (options: { count?: number }): Promise<{ tempFilePaths: string[] }> => ({ tempFilePaths: taroStandIn.chosenImages.slice(0, options.count ?? 9) }),
  uploadFile: async (options: { url: string; filePath: string; name: string; header?: Record<string, string> }): Promise<StandInResponse> => {
    taroStandIn.uploads.push({ url: options.url, filePath: options.filePath, name: options.name, header: options.header ?? {} });
    return taroStandIn.uploadRespond({ filePath: options.filePath });
  },
  showActionSheet: async (): Promise<{ tapIndex: number }> => {
    const tap = taroStandIn.actionSheetTaps.shift();
    if (tap === undefined) throw new Error('showActionSheet:fail cancel');
    return { tapIndex: tap };
  },
  login: async (): Promise<{ code: string }> => ({ code: 'wx-login-code' }),
  // WeChat-only APIs, for tests that import a .weapp file explicitly.
  scanCode: async (options: { onlyFromCamera?: boolean; scanType?: string[] }): Promise<{ result: string }> => taroStandIn.scan(options),
  env: { USER_DATA_PATH: 'wxfile://usr' },
  getFileSystemManager: () => ({
    writeFileSync: (filePath: string, data: string, encoding: string): void => {
      taroStandIn.files.set(filePath, { data, encoding });
    },
  }),
  saveImageToPhotosAlbum: async (options: { filePath: string }): Promise<void> => {
    await taroStandIn.saveToAlbum(options.filePath);
    taroStandIn.albumSaves.push(options.filePath);
  },
  onNeedPrivacyAuthorization: (listener: PrivacyListener): void => {
    taroStandIn.privacyListeners.push(listener);
  },
  setKeepScreenOn: async (options: { keepScreenOn: boolean }): Promise<void> => {
    taroStandIn.keepScreenOn.push(options.keepScreenOn);
  },
  openPrivacyContract: async (): Promise<void> => {
    taroStandIn.privacyContractsOpened += 1;
  },
  showModal: async (modal: StandInModal): Promise<{ confirm: boolean; cancel: boolean }> => {
    taroStandIn.modals.push(modal);
    const { confirm } = await taroStandIn.answerModal(modal);
    return { confirm, cancel: !confirm };
  },
  requestSubscribeMessage: async (options: { tmplIds: string[] }): Promise<Record<string, string>> => {
    taroStandIn.subscribeRequests.push(options.tmplIds);
    return { errMsg: 'requestSubscribeMessage:ok', ...(await taroStandIn.answerSubscribe(options.tmplIds)) };
  },
  getEnterOptionsSync: (): { scene?: number; path: string; query: Record<string, string> } => ({
    ...(taroStandIn.enterScene === null ? {} : { scene: taroStandIn.enterScene }),
    path: 'pages/test/index',
    query: taroStandIn.params,
  }),
  getEnv: (): string => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  nextTick: (callback: () => void): void => {
    setTimeout(callback, 0);
  },
  createSelectorQuery: () => ({
    select: () => ({ boundingClientRect: () => ({ exec: (done?: (result: unknown[]) => void) => done?.([]) }) }),
    selectAll: () => ({ boundingClientRect: () => ({ exec: (done?: (result: unknown[]) => void) => done?.([]) }) }),
  }),
  eventCenter,
  getCurrentInstance,
  useDidShow,
  useReachBottom,
  usePullDownRefresh: noopHook,
  useReady: noopHook,
  useLoad: noopHook,
  useDidHide: noopHook,
  useShareAppMessage: noopHook,
};

export default Taro;
export { request, useDidShow, useReachBottom };
export const getEnv = Taro.getEnv;
export const ENV_TYPE = Taro.ENV_TYPE;
export const getSystemInfoSync = Taro.getSystemInfoSync;
export const nextTick = Taro.nextTick;
export const createSelectorQuery = Taro.createSelectorQuery;
export const usePullDownRefresh = noopHook;
export const useReady = noopHook;
export const useLoad = noopHook;
export const useDidHide = noopHook;
export const useShareAppMessage = noopHook;
