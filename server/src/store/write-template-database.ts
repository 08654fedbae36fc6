/** Run by the build (scripts/build.mjs): makes server/dist/pglite-template; see template-database.ts. */
import { pgliteSession } from './database';
import { applyMigrations, readMigrations } from './migrate';
import { writeTemplateDatabase } from './template-database';

const migrations = readMigrations();
await writeTemplateDatabase(migrations, (pg) => applyMigrations(pgliteSession(pg), migrations));
