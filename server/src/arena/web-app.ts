/**
 * Starts the Next.js front end beside the arena (what `npm start` shows a person): `next start`
 * on the build `npm install` made (scripts/build.mjs), pointed at the arena. Without a build (it
 * failed, or PARLEY_WEB_BUILD=never) it falls back to `next dev`, which compiles each page when
 * first asked, so the arena never waits for a build. Returns a stop function.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));

function nextBin(): string {
  return join(createRequire(join(webDir, 'package.json')).resolve('next/package.json'), '..', 'dist', 'bin', 'next');
}

function run(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, [nextBin(), ...args], { cwd: webDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`web: ${line.trim()}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

export async function startWebApp(options: { port: number; arenaUrl: string; log: (line: string) => void }): Promise<() => void> {
  const env = { ...process.env, PARLEY_ARENA_URL: options.arenaUrl, NEXT_TELEMETRY_DISABLED: '1' };
  const built = existsSync(join(webDir, '.next', 'BUILD_ID'));
  if (!built) options.log('web: no production build (`npm run build` makes one); serving the front end with `next dev`');
  const server = run([built ? 'start' : 'dev', '-p', String(options.port)], env, (line) => {
    if (/ready|error/i.test(line)) options.log(line);
  });
  return () => {
    server.kill('SIGTERM');
  };
}
