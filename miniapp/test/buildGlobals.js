// What Taro's build defines for the app (webpack DefinePlugin), so that modules load under jest.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.TARO_APP_API_BASE = 'http://bff.test';
process.env.TARO_APP_SANDBOX_URL = 'http://sandbox.test';
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
});
