/**
 * A Diplomacy live match on a fake clock, started and held at its first negotiation window, for
 * tests of what people write and how the table answers.
 */
import { matchSettingsSchema } from '@parley/protocol';
import { AgentRegistry } from '../../agents-registry/registry';
import { MemoryStore } from '../../store/memory-store';
import { FakeClock } from '../../testing/fake-clock';
import { LiveMatch } from '../live-match';

export async function openPressWindow(
  seatSpecs: string[],
  more: { pressRounds?: number; seed?: number; clock?: FakeClock } = {},
): Promise<LiveMatch> {
  const settings = matchSettingsSchema.parse({
    game: 'diplomacy',
    params: { lastYear: 1901 },
    seats: seatSpecs,
    pressRounds: more.pressRounds ?? 0,
  });
  const store = new MemoryStore();
  const seats = settings.seats.map((name, seat) => ({ seat, agent: { name: String(name), kind: 'bot' as const } }));
  const id = 'window';
  await store.createMatch({ id, game: 'diplomacy', params: settings.params, seed: more.seed ?? 1, seats, settings });
  const live = new LiveMatch({ id, settings, store, agents: new AgentRegistry(), clock: more.clock ?? new FakeClock() });
  const opened = new Promise<void>((resolve) => live.subscribe(() => live.pressOpenUntil > 0 && resolve()));
  live.start();
  await opened;
  return live;
}
