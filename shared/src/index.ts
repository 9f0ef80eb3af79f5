export * from './errors.js';
export * from './api/route.js';
export * from './api/routes.js';
export * from './time/businessTime.js';
export * from './system/system.schema.js';
