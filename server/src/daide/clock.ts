/** Time as the DAIDE server sees it: injected, so tests drive deadlines and the IM timer by hand. */
export interface DaideClock {
  now(): number;
  /** Runs `fn` after `ms`; the returned function cancels it. */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const systemDaideClock: DaideClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};
