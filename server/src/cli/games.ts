/** `parley games`: the registered games, their traits, what they support and their default parameters. */
import { listGames, supportsOf } from '@parley/games';

export async function run(argv: string[]): Promise<number> {
  const games = listGames().map((g) => ({
    id: g.descriptor.id,
    name: g.descriptor.name,
    players: [g.descriptor.minPlayers, g.descriptor.maxPlayers],
    traits: g.descriptor.traits,
    supports: (({ chipScale: _, ...declared }) => declared)(supportsOf(g)),
    defaultParams: g.descriptor.defaultParams,
  }));
  if (argv.includes('--json')) console.log(JSON.stringify(games));
  else
    for (const g of games)
      console.log(
        `${g.id.padEnd(10)} ${g.name.padEnd(22)} ${g.players[0]}–${g.players[1]} players  ${Object.values(g.traits).join(', ')}${
          g.supports.exactTree ? ', exact tree' : ''
        }${g.supports.exports.length > 0 ? `, exports ${g.supports.exports.join(' ')}` : ''}`,
      );
  return 0;
}
