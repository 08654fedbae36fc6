/** Writes examples/webhook/schema.json from the protocol: `npx tsx agents/src/http/write-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webhookSchemaText } from './schema';

export const SCHEMA_PATH = fileURLToPath(new URL('../../../examples/webhook/schema.json', import.meta.url));

writeFileSync(SCHEMA_PATH, webhookSchemaText());
console.log(`wrote ${SCHEMA_PATH}`);
