/**
 * Starts the Next.js front end beside the arena (what `npm start` shows a person): builds it
 * once if no build exists, then runs `next start` pointed at the arena. Returns a stop function.
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
  if (!existsSync(join(webDir, '.next', 'BUILD_ID'))) {
    options.log('web: building the front end once (about a minute)…');
    const build = run(['build'], env, () => {});
    const code = await new Promise<number | null>((resolve) => build.once('exit', resolve));
    if (code !== 0) {
      options.log('web: the build failed; run `npm run build -w web` to see why. The arena runs without it.');
      return () => {};
    }
  }
  const server = run(['start', '-p', String(options.port)], env, (line) => {
    if (/ready|error/i.test(line)) options.log(line);
  });
  return () => {
    server.kill('SIGTERM');
  };
}
