/**
 * The product's pure domain, shared by the planner, the database, the server and the web app:
 * people and roles. No IO. The demo network's building blocks are under `@halflife/domain/demo`.
 */
export * from './people.js';
export * from './policy.js';
export * from './calendar.js';
export * from './order-lifecycle.js';
