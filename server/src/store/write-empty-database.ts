/** Run by the build (scripts/build.mjs): makes server/dist/empty-pglite.tar.gz; see empty-database.ts. */
import { writeEmptyDatabase } from './empty-database';

await writeEmptyDatabase();
