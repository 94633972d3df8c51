export * from './instance.js';
export * from './plan.js';
export { productDecay, type ProductDecay } from './product-decay.js';
