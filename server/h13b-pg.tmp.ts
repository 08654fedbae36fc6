import { startPostgres } from './src/arena/testing/services';
const pg = await startPostgres();
console.log(pg.url);
process.on('SIGTERM', async () => { await pg.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
