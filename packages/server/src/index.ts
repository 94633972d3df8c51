export { createApp } from './app.js';
export type { AppDeps } from './app-env.js';
export { hashPassword, verifyPassword } from './password.js';
export { DEFAULT_DEMO_PASSWORD, seedDemoNetwork, tomorrowIn } from './services/seed-service.js';
