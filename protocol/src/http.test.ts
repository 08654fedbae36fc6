import { describe, expect, it } from 'vitest';
import {
  BRANCH_TIMES_MAX,
  branchRequestSchema,
  createBotSchema,
  judgeRequestSchema,
  LEADERBOARD_FORMATS,
  leaderboardQuerySchema,
  linkRequestSchema,
  type MatchRequest,
  matchListQuerySchema,
  matchSettingsSchema,
  PASSWORD_MAX,
  signInSchema,
  signUpSchema,
  tokenLabelSchema,
  tournamentFormatSchema,
} from './index';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? null : result.error?.issues[0]?.message;

describe('match requests', () => {
  it('fills every default a client may leave out, as the server keeps the settings', () => {
    const request: MatchRequest = { game: 'kuhn', seats: ['human', 'random'] };
    expect(matchSettingsSchema.parse(request)).toEqual({
      game: 'kuhn',
      seats: ['human', 'random'],
      clock: { actionMs: 30_000, bankMs: 60_000, pressMs: 60_000, ordersMs: 60_000, retreatMs: 30_000, adjustMs: 30_000 },
      pressRounds: 1,
      spectatorDelayMs: 0,
      paceMs: 0,
      reconnectSeconds: 60,
      rated: false,
    });
  });

  it('refuses unknown fields and seats that are neither an id nor an agent with a name', () => {
    expect(matchSettingsSchema.safeParse({ game: 'kuhn', seats: ['random'], file: '/etc/passwd' }).success).toBe(false);
    expect(matchSettingsSchema.safeParse({ game: 'kuhn', seats: [{ agent: 'random', url: 'http://x' }] }).success).toBe(false);
    expect(matchSettingsSchema.safeParse({ game: 'kuhn', seats: [{ agent: 'random', name: 'Ann' }] }).success).toBe(true);
  });

  it('reads list queries from strings, with the demo filter and page defaults', () => {
    expect(matchListQuerySchema.parse({ page: '3', status: 'finished' })).toEqual({
      page: 3,
      pageSize: 50,
      status: 'finished',
      demo: 'include',
    });
    expect(matchListQuerySchema.safeParse({ pageSize: '500' }).success).toBe(false);
  });

  it('bounds branches and judges', () => {
    expect(branchRequestSchema.parse({ at: 'S1903M' })).toEqual({ at: 'S1903M', times: 10 });
    expect(branchRequestSchema.safeParse({ at: 'S1903M', times: BRANCH_TIMES_MAX + 1 }).success).toBe(false);
    expect(judgeRequestSchema.parse({ judge: 'gpt' })).toEqual({ judge: 'gpt', deadlineMs: 120_000 });
    expect(judgeRequestSchema.safeParse({ judge: 'gpt', model: 'x' }).success).toBe(false);
  });

  it('names the leaderboard formats once, the query defaulting to JSON', () => {
    expect(leaderboardQuerySchema.parse({})).toEqual({ format: 'json' });
    for (const format of LEADERBOARD_FORMATS) expect(leaderboardQuerySchema.parse({ format })).toEqual({ format });
    expect(leaderboardQuerySchema.safeParse({ format: 'xml' }).success).toBe(false);
  });

  it('reads a tournament format with its defaults', () => {
    expect(tournamentFormatSchema.parse({ type: 'swiss', rounds: 3 })).toEqual({ type: 'swiss', rounds: 3, gamesPerPairing: 2 });
    expect(tournamentFormatSchema.safeParse({ type: 'population', matches: 3_000_000 }).success).toBe(false);
  });
});

describe('identity requests', () => {
  const NAME_RULE = 'a name is 2 to 30 letters, digits, "-" or "_", starting with a letter or digit';

  it('answers a bad sign-up with the rule it breaks, the name before the password', () => {
    expect(firstMessage(signUpSchema.safeParse({ name: 'ann', password: 'long enough' }))).toBeNull();
    expect(firstMessage(signUpSchema.safeParse({ name: '-ann', password: 'x' }))).toBe(NAME_RULE);
    expect(firstMessage(signUpSchema.safeParse({ name: 42, password: 'long enough' }))).toBe(NAME_RULE);
    expect(firstMessage(signUpSchema.safeParse({ name: 'ann', password: 'short' }))).toBe('a password is 8 to 256 characters');
    expect(firstMessage(signUpSchema.safeParse({ name: 'ann' }))).toBe('a password is 8 to 256 characters');
  });

  it('takes any sign-in of the right shape, and no longer name or password than an account can have', () => {
    expect(signInSchema.safeParse({ name: 'anyone', password: 'x' }).success).toBe(true);
    expect(signInSchema.safeParse({ name: 'a'.repeat(31), password: 'x' }).success).toBe(false);
    expect(signInSchema.safeParse({ name: 'ann', password: 'x'.repeat(PASSWORD_MAX + 1) }).success).toBe(false);
    expect(linkRequestSchema.safeParse({ code: 7 }).success).toBe(false);
  });

  it('makes a WebSocket bot without a URL, and refuses a URL that is not text', () => {
    for (const webhookUrl of [undefined, null, ''])
      expect(createBotSchema.safeParse({ name: 'bot1', webhookUrl }).success).toBe(true);
    expect(firstMessage(createBotSchema.safeParse({ name: 'bot1', webhookUrl: 5 }))).toBe(
      'webhookUrl must be a URL of at most 500 characters',
    );
    expect(firstMessage(createBotSchema.safeParse({ name: 'b', webhookUrl: 5 }))).toBe(NAME_RULE);
    expect(tokenLabelSchema.safeParse(undefined).success).toBe(true);
    expect(firstMessage(tokenLabelSchema.safeParse('x'.repeat(81)))).toBe('a token label is text of at most 80 characters');
  });
});
