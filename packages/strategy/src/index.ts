/**
 * The pure rules of supply strategy (issue 16): demand forecasts with prediction intervals and
 * their back-tests. No IO.
 */
export * from './forecast/holt-winters.js';
export * from './forecast/back-test.js';
export * from './forecast/demo-history.js';
export * from './supply/shortfall.js';
export * from './supply/allocation.js';
export * from './design/design-scenario.js';
export * from './design/design-schema.js';
export * from './design/reach.js';
export * from './design/solve-design.js';
export * from './design/design-catalogue.js';
export * from './design/demo-design.js';
