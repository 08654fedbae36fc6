/**
 * The webhook protocol as one JSON Schema document (draft 2020-12), generated from the zod
 * schemas in webhook.ts. `scripts/write-webhook-schema.ts` (`npm run webhook-schema -w protocol`) writes it to examples/webhook/schema.json, and a
 * test fails when the file is stale.
 */
import { z } from 'zod';
import {
  actRequestSchema,
  actResponseSchema,
  negotiateRequestSchema,
  negotiateResponseSchema,
  PROTOCOL,
  PROTOCOL_VERSION,
} from './webhook';

/** Integer bounds at ±2^53 say nothing to a reader; they are left out. */
const SAFE = Number.MAX_SAFE_INTEGER;
const part = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify(rest, (k, v) => ((k === 'maximum' && v === SAFE) || (k === 'minimum' && v === -SAFE) ? undefined : v)),
  );
};

export function webhookJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://parley.dev/schemas/${PROTOCOL}/v${PROTOCOL_VERSION}.json`,
    title: `${PROTOCOL} v${PROTOCOL_VERSION}`,
    description:
      'Requests Parley POSTs to a webhook bot (ActRequest, NegotiateRequest; told apart by "kind") and the answers it accepts (ActResponse, NegotiateResponse).',
    oneOf: [{ $ref: '#/$defs/ActRequest' }, { $ref: '#/$defs/NegotiateRequest' }],
    $defs: {
      ActRequest: part(actRequestSchema, 'output'),
      NegotiateRequest: part(negotiateRequestSchema, 'output'),
      ActResponse: part(actResponseSchema, 'input'),
      NegotiateResponse: part(negotiateResponseSchema, 'input'),
    },
  };
}

export const webhookSchemaText = (): string => `${JSON.stringify(webhookJsonSchema(), null, 2)}\n`;
