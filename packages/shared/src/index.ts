export * from './enums.js';
export * from './schemas/admin.js';
export * from './schemas/audit.js';
export * from './schemas/auth.js';
export * from './schemas/common.js';
