/**
 * `parley poker replay FILE.phh[s]`: replays every No-Limit Hold'em hand of a PHH file through
 * the engine and prints one JSON line per hand, in file order: `{"hand": n, "finishing_stacks":
 * […]}`, or `{"hand": n, "error": "…"}` for a malformed hand, an illegal action (naming the
 * action) or finishing stacks other than the ones the file states, then goes on with the next
 * hand. The exit code is 0 only when every hand replayed and matched; a file that cannot be
 * read or holds no hand at all is reported on stderr, also with exit code 1.
 */
import { readFile } from 'node:fs/promises';
import { Nlhe } from '@parley/games';

type PhhEntry = Nlhe.PhhEntry;

const USAGE = `usage: parley poker replay FILE.phh[s]

Replays each hand of a PHH (Poker Hand History) file or PHHS collection through the NLHE engine,
checking that every action is legal for the player expected to act, and prints one JSON line per
hand: {"hand": n, "finishing_stacks": [...]} or {"hand": n, "error": "..."}. A hand that states its
finishing_stacks must reach exactly those. Exits with 1 if any hand fails.`;

export async function run(argv: string[]): Promise<number> {
  const [command, file] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  if (command !== 'replay') {
    console.error(`parley poker: unknown subcommand '${command}'\n\n${USAGE}`);
    return 2;
  }
  if (!file || file === '--help') {
    console.log(USAGE);
    return file ? 0 : 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`parley poker replay: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let entries: PhhEntry[];
  try {
    entries = Nlhe.parsePhhText(text);
  } catch (error) {
    console.error(`parley poker replay: ${file} is not a PHH file: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  let failures = 0;
  entries.forEach((entry, i) => {
    const line = replayLine(entry, i + 1);
    if ('error' in line) failures++;
    console.log(JSON.stringify(line));
  });
  return failures === 0 ? 0 : 1;
}

function replayLine(
  entry: PhhEntry,
  hand: number,
): { hand: number; finishing_stacks: number[] } | { hand: number; error: string } {
  if ('error' in entry) return { hand, error: `malformed hand [${entry.name}]: ${entry.error}` };
  const result = Nlhe.replayPhh(entry.hand);
  if (!result.ok) return { hand, error: result.error };
  const stated = entry.hand.finishing_stacks;
  if (stated && (stated.length !== result.finishingStacks.length || stated.some((s, p) => s !== result.finishingStacks[p])))
    return {
      hand,
      error: `finishing stacks [${result.finishingStacks.join(', ')}] differ from the file's finishing_stacks [${stated.join(', ')}]`,
    };
  return { hand, finishing_stacks: result.finishingStacks };
}
