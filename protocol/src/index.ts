/**
 * @parley/protocol: everything that crosses a process boundary, as zod schemas and the types
 * inferred from them. The server validates with these schemas, the web and the example bots
 * import the types, and the webhook JSON Schema is generated from them.
 */
export type * from './analysis';
export type * from './api';
export { SEAT_TOKEN_HEADER } from './api';
export * from './auth';
export * from './commitment';
export * from './http';
export * from './record';
export * from './room';
export * from './tournament';
export * from './tournament-file';
export * from './webhook';
export { webhookJsonSchema, webhookSchemaText } from './webhook-json-schema';
