/**
 * Identity in the browser: a person signs up, creates a bot account and an API token (shown
 * once), the token works against the arena and stops working once revoked; the nav says who is
 * signed in; the operator's one-time link signs a browser in, once.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { api, artifact, newPage, sharedBrowser, webUrl } from './harness';

const browser = sharedBrowser();

/** The machine is shared and slow: give the page time to answer. */
const WAIT = { timeout: 30_000 };

/** Who the header says is signed in (null while the page loads). */
const whoami = (page: Page) =>
  page
    .getByTestId('whoami')
    .textContent()
    .catch(() => null);

describe('accounts, bots and tokens', () => {
  it('signs up, creates a bot and a token shown once, revokes it, and signs out', async () => {
    const { page, errors } = await newPage(browser(), { width: 1200, height: 900 });
    const name = `e2e-${Date.now().toString(36)}`;
    await page.goto(`${webUrl()}/`);
    await page.getByTestId('account').getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Password').fill('a fine password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => whoami(page), WAIT).toBe(name);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'parley_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('link', { name: 'My bots' }).click();
    await page.getByLabel('Bot name').fill(`${name}-bot`);
    await page.getByRole('button', { name: 'Create bot' }).click();
    const section = page.getByRole('region', { name: `Bot ${name}-bot` });
    await expect.poll(() => section.count(), WAIT).toBe(1);
    await section.getByRole('button', { name: 'New token' }).click();
    const shown = page.getByTestId('token-value');
    await expect.poll(() => shown.count(), WAIT).toBe(1);
    const token = ((await shown.textContent()) ?? '').trim();
    expect(token).toMatch(/^pbt_[\w-]{43}$/);
    await page.screenshot({ path: artifact('bots.png'), fullPage: true });

    const asBot = { headers: { authorization: `Bearer ${token}` } };
    expect((await api('/api/bot/seats', asBot)).status).toBe(200);
    // Shown once: after a reload the page lists the token but not its value.
    await page.reload();
    await expect.poll(() => section.getByRole('button', { name: 'Revoke' }).count(), WAIT).toBe(1);
    expect(await page.content()).not.toContain(token);
    await section.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => section.getByText('revoked').count(), WAIT).toBe(1);
    expect((await api('/api/bot/seats', asBot)).status).toBe(401);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByTestId('account').getByRole('link', { name: 'Sign in' }).count(), WAIT).toBe(1);
    await page.goto(`${webUrl()}/bots`);
    await expect.poll(() => page.getByText('to create bot accounts').count(), WAIT).toBe(1);

    // Signing in again works with the same password.
    await page.goto(`${webUrl()}/signin`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Password').fill('a fine password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => whoami(page), WAIT).toBe(name);
    expect(errors).toEqual([]);
  });

  it('signs the local user in as the operator through the printed one-time link, once', async () => {
    const { page, context } = await newPage(browser(), { width: 1200, height: 900 });
    const link = `${webUrl()}/auth/link?code=${encodeURIComponent(inject('operatorLinkCode'))}`;
    await page.goto(link);
    await expect.poll(() => whoami(page), WAIT).toBe('operator');
    expect(new URL(page.url()).pathname).toBe('/');
    await context.clearCookies();
    await page.goto(link);
    await expect.poll(() => new URL(page.url()).pathname, WAIT).toBe('/signin');
    expect(await page.locator('.error-box').textContent()).toMatch(/used, expired or unknown/);
  });
});
