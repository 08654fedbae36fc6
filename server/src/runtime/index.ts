export * from './branch';
export * from './canonical';
export * from './clock';
export * from './match-runner';
export * from './record';
export * from './replay';
export * from './stats';
