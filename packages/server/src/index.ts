export { createApp } from './app.js';
export type { AppDeps } from './app-env.js';
export { hashPassword, verifyPassword } from './password.js';
export { clockAt, clockFrom, type Clock } from './clock.js';
export {
  DEFAULT_DEMO_PASSWORD,
  demoDayAfter,
  seedDemoNetwork,
  type DemoSeedSummary,
} from './services/seed-service.js';
