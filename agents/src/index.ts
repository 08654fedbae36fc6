export * from './agent';
export { callBot } from './bots/call';
export * from './bots/policy';
export { randomBot } from './bots/random';
export * from './registry';
export * from './http';
export * from './llm';
