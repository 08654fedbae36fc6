export * from './agent';
export { callBot } from './bots/call';
export * from './bots/policy';
export { randomBot } from './bots/random';
export * from './clock';
export * from './http';
export * from './llm';
export * from './overrides';
export * from './registry';
