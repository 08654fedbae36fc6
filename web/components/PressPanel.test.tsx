import type { MessageRecord } from '@parley/protocol';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PressPanel } from './PressPanel';

afterEach(cleanup);

const msg = (from: number, to: number[] | 'all', text: string): MessageRecord => ({ seq: 0, phase: 'S1901M', from, to, text });

describe('PressPanel unread counts', () => {
  it('counts the messages of threads not on screen as new until the person opens them', () => {
    const first = [msg(0, [4], 'Peace in the Adriatic?'), msg(4, [0], 'Agreed.')];
    const { rerender } = render(<PressPanel messages={first} />);
    // Everything is on screen under "All threads": nothing is new.
    expect(screen.queryAllByTestId('unread')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: /Austria ↔ Italy/ }));

    rerender(<PressPanel messages={[...first, msg(5, [0], 'Galicia stays empty.'), msg(5, [0], 'Deal?')]} />);
    const russia = screen.getByRole('button', { name: /Austria ↔ Russia/ });
    expect(russia.textContent).toContain('2 new');
    expect(screen.getByRole('heading', { name: /Press/ }).textContent).toContain('2 new');

    fireEvent.click(russia);
    expect(screen.queryAllByTestId('unread')).toHaveLength(0);
    expect(screen.getByText('Galicia stays empty.')).toBeTruthy();
  });
});
