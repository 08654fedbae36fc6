/**
 * `parley poker replay FILE.phh[s]`: replays every No-Limit Hold'em hand of a PHH file through
 * the engine and prints one JSON line per hand, in file order: `{"hand": n, "finishing_stacks":
 * […]}`, or `{"hand": n, "error": "…"}` for a malformed hand or an illegal action (naming the
 * action), then goes on with the next hand. A file that cannot be read or holds no hand at
 * all is reported on stderr with exit code 1.
 */
import { readFile } from 'node:fs/promises';
import { type PhhEntry, parsePhhText, replayPhh } from '../../../games/src/nlhe/phh';

const USAGE = `usage: parley poker replay FILE.phh[s]

Replays each hand of a PHH (Poker Hand History) file or PHHS collection through the NLHE engine,
checking that every action is legal for the player expected to act, and prints one JSON line per
hand: {"hand": n, "finishing_stacks": [...]} or {"hand": n, "error": "..."}.`;

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
    entries = parsePhhText(text);
  } catch (error) {
    console.error(`parley poker replay: ${file} is not a PHH file: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  entries.forEach((entry, i) => {
    const hand = i + 1;
    if ('error' in entry) {
      console.log(JSON.stringify({ hand, error: `malformed hand [${entry.name}]: ${entry.error}` }));
      return;
    }
    const result = replayPhh(entry.hand);
    console.log(JSON.stringify(result.ok ? { hand, finishing_stacks: result.finishingStacks } : { hand, error: result.error }));
  });
  return 0;
}
