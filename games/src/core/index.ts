export * from './card-deal';
export * from './game';
export * from './params';
export * from './registry';
export * from './rng';
