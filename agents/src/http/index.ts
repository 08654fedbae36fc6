export { httpAgent, normalizeUrl, WebhookError } from './agent';
export * from './protocol';
export { webhookJsonSchema, webhookSchemaText } from './schema';
