/**
 * The LLM agent: for each decision it writes the game's prompt, asks the model within the
 * decision budget (session.ts), and answers with the parsed action. When no usable answer comes,
 * it throws an error naming why (`agent/unparseable: …`), so the runtime plays the safe default
 * and records the fallback with that reason; every request is on the record as a model call.
 *
 * Where the game has press (Diplomacy) it also negotiates and keeps a memory (memory/): a diary
 * by phase, yearly summaries the model writes, goals, relationships, and the trust ledger the
 * engine's facts fill. Before a decision the agent brings the memory up to date (ledger, then at
 * most one consolidation, then an optional reflection), each call within the same deadline;
 * every call that changed the memory carries a copy of it on the record. A fork or a resumed match
 * gives the agent its own part of the record (`restore`), from which it rebuilds that memory.
 */
import { findGame, supportsOf } from '@parley/games';
import type { Agent, Decision, DecisionInput, ModelCall, PressInput, PressMessage, RestoreInput } from '../agent';
import { type Clock, systemClock } from '../clock';
import type { LlmConfig } from './config';
import { type LedgerEvent, LedgerKeeper, ledgerText } from './memory/ledger';
import {
  applyConsolidation,
  applyUpdate,
  consolidationPrompt,
  emptyMemory,
  type Memory,
  type MemoryUpdate,
  memoryText,
  nextConsolidation,
  notesFrom,
  snapshot,
  updateFrom,
} from './memory/memory';
import { lastObjectWith } from './parse/json';
import { promptFor } from './prompts';
import { boardText, powerName } from './prompts/diplomacy-board';
import { type DiplomacyObservation, POWERS, phaseKey } from './prompts/diplomacy-engine';
import { type ChatClient, createChatClient } from './providers';
import { runSession, type SessionFailure } from './session';

export class AgentFailure extends Error {
  constructor(readonly failure: SessionFailure) {
    super(`${failure.code}: ${failure.message}`);
    this.name = 'AgentFailure';
  }
}

export interface LlmAgent extends Agent {
  readonly memory: Memory;
}

const POWER_NAMES = POWERS.map((_, i) => powerName(i));

/** `clock` is what the agent's budget, attempt timers and backoffs run on (tests pass a fake one). */
export function llmAgent(
  config: LlmConfig,
  gameId: string,
  client: ChatClient = createChatClient(config),
  clock: Clock = systemClock,
): LlmAgent {
  const prompt = promptFor(gameId);
  const memory = emptyMemory();
  // Games with press phases are long and negotiated: notes and the trust ledger carry across decisions.
  const game = findGame(gameId);
  const keepsMemory = game !== undefined && supportsOf(game).press;
  const ledger = new LedgerKeeper();
  let reflectedOn: string | null = null;
  const system = (base: string) =>
    config.systemPrompt && config.systemPromptMode === 'replace'
      ? config.systemPrompt
      : config.systemPrompt
        ? `${base}\n\n${config.systemPrompt}`
        : base;

  /** Calls of one step are held until the memory is updated, so the last carries the new memory. */
  const recorder = (input: DecisionInput | PressInput) => {
    const held: ModelCall[] = [];
    return {
      record: (call: ModelCall) => held.push(call),
      flush(changed: boolean) {
        if (changed && held.length > 0) held[held.length - 1] = { ...held[held.length - 1]!, memory: snapshot(memory) };
        for (const call of held.splice(0)) input.recordModelCall?.(call);
      },
    };
  };
  const phaseOf = (input: DecisionInput | PressInput) => phaseKey((input.observation as DiplomacyObservation).phase);
  const remember = (input: DecisionInput | PressInput, update: MemoryUpdate | undefined) => {
    if (!update) return false;
    applyUpdate(memory, phaseOf(input), update, POWER_NAMES);
    return true;
  };

  /** Ledger, then one consolidation, then an optional reflection; failures leave the memory as it was. */
  async function prepare(input: DecisionInput | PressInput): Promise<void> {
    if (!keepsMemory) return;
    const o = input.observation as DiplomacyObservation;
    memory.ledger.push(...ledger.observe(o, input.inbox));
    const phase = phaseKey(o.phase);
    const side = (purpose: 'summarize' | 'reflect', user: string, parse: (raw: string) => string | MemoryUpdate | null) => {
      const rec = recorder(input);
      return {
        rec,
        run: runSession({
          config,
          client,
          purpose,
          system: system(`You are ${powerName(input.seat)}. You play Diplomacy and keep your own notes.`),
          user,
          parse: (raw) => {
            const value = parse(raw);
            return value === null
              ? { ok: false, error: { code: 'agent/unparseable', message: 'no JSON object with the expected field', raw } }
              : { ok: true, value };
          },
          correction: () => 'Reply again, ending with the JSON object asked for.',
          // A third of what is left, so the decision itself keeps most of its time.
          deadlineMs: Math.floor(input.deadlineMs / 3),
          signal: input.signal,
          clock,
          record: rec.record,
        }),
      };
    };
    const consolidation = nextConsolidation(memory, phase, config.memory.tokens);
    if (consolidation) {
      const { rec, run } = side(
        'summarize',
        consolidationPrompt(consolidation, powerName(input.seat), config.memory.tokens),
        (raw) => {
          const summary = lastObjectWith(raw, ['summary'])?.summary;
          return typeof summary === 'string' && summary.trim() ? summary.trim() : null;
        },
      );
      const result = await run;
      if (result.ok) applyConsolidation(memory, consolidation, result.value as string);
      rec.flush(result.ok);
    }
    const established = ledger.lastEstablished;
    if (config.memory.reflection && established && reflectedOn !== established) {
      reflectedOn = established;
      const user = [
        `The results of ${established} are in. Reflect on them before you act.`,
        boardText(o),
        ledgerText(memory.ledger),
        memoryText(memory),
        'End with one JSON object: {"diary": "<what you learned>", "goals": [...], "relationships": {"POWER": "enemy" | "unfriendly" | "neutral" | "friendly" | "ally"}}',
      ].join('\n\n');
      const { rec, run } = side(
        'reflect',
        user,
        (raw) => updateFrom(lastObjectWith(raw, ['diary', 'goals', 'relationships'])) ?? null,
      );
      const result = await run;
      rec.flush(result.ok && remember(input, result.value as MemoryUpdate));
    }
  }

  /**
   * Back to where the seat was when the prefix ended: the ledger keeper re-reads the turns the seat
   * saw (its events are facts, so the same views give the same ledger), and the notes are the last
   * memory a call of its own carried (every call that changed them carries them). A reflection
   * follows each new result the agent is asked after, so the last result it reflected on is the
   * one established when it last prepared a decision or press (its last such call).
   */
  function restoreMemory(input: RestoreInput): void {
    const lastAsked = input.modelCalls.filter((c) => c.purpose === 'decide' || c.purpose === 'negotiate').at(-1)?.seq ?? -1;
    const events: LedgerEvent[] = [];
    let establishedWhenAsked: string | null = null;
    for (const turn of input.turns) {
      events.push(...ledger.observe(turn.observation as DiplomacyObservation, turn.inbox));
      if (turn.seq <= lastAsked) establishedWhenAsked = ledger.lastEstablished;
    }
    Object.assign(memory, notesFrom(input.modelCalls.filter((c) => c.memory).at(-1)?.memory), { ledger: events });
    if (config.memory.reflection) reflectedOn = establishedWhenAsked;
  }

  const agent: LlmAgent = {
    name: config.name,
    memory,
    watch(input) {
      if (keepsMemory && input.turn !== null)
        memory.ledger.push(...ledger.observe(input.observation as DiplomacyObservation, input.inbox));
    },
    restore(input) {
      if (keepsMemory) restoreMemory(input);
    },
    async act(input: DecisionInput): Promise<Decision> {
      await prepare(input);
      const rec = recorder(input);
      const result = await runSession({
        config,
        client,
        purpose: 'decide',
        system: system(prompt.system(input)),
        user: prompt.user(input, memory),
        parse: (raw) => prompt.parse(raw, input),
        recordable: (answer) => answer.value,
        correction: (error, truncated) => prompt.correction(error, input, truncated),
        deadlineMs: input.deadlineMs,
        signal: input.signal,
        clock,
        record: rec.record,
      });
      if (result.ok) remember(input, result.value.memory);
      // A Diplomacy decision always shows the memory it ended with (the ledger may have grown too).
      rec.flush(keepsMemory);
      if (result.ok) return result.value.value;
      // Orders that were valid in an otherwise bad list still count; the runtime fills the rest.
      if (Array.isArray(result.error.partial) && result.error.partial.length > 0) return result.error.partial as string[];
      throw new AgentFailure(result.error);
    },
  };
  const press = prompt.press;
  if (!press) return agent;
  return {
    ...agent,
    async negotiate(input: PressInput): Promise<readonly PressMessage[]> {
      await prepare(input);
      const rec = recorder(input);
      const result = await runSession({
        config,
        client,
        purpose: 'negotiate',
        system: system(press.system(input)),
        user: press.user(input, memory),
        parse: (raw) => press.parse(raw, input),
        recordable: (answer) => answer.value,
        correction: (error) => press.correction(error, input),
        deadlineMs: input.deadlineMs,
        signal: input.signal,
        clock,
        record: rec.record,
      });
      rec.flush(result.ok && remember(input, result.value.memory));
      return result.ok ? result.value.value : [];
    },
  };
}
