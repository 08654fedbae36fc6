/** Writes examples/webhook/schema.json from the protocol: `npm run webhook-schema -w protocol`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webhookSchemaText } from '../src/webhook-json-schema';

const path = fileURLToPath(new URL('../../examples/webhook/schema.json', import.meta.url));
writeFileSync(path, webhookSchemaText());
console.log(`wrote ${path}`);
