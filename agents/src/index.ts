export * from './agent';
export { callBot } from './bots/call';
export { randomBot } from './bots/random';
export * from './registry';
