export {
  type ActRequest,
  actRequestSchema,
  actResponseSchema,
  commitmentSchema,
  type NegotiateRequest,
  negotiateEnvelopeSchema,
  negotiateRequestSchema,
  negotiateResponseSchema,
  outgoingMessageSchema,
  PROTOCOL,
  PROTOCOL_VERSION,
  pressMessageSchema,
  requestSchema,
  type WebhookRequest,
  webhookJsonSchema,
  webhookSchemaText,
} from '@parley/protocol';
export { httpAgent, normalizeUrl, WebhookError } from './agent';
