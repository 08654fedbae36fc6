/**
 * The tag bot's margin over random players and call stations in duplicate hands (the deal repeats
 * with tag in every seat), in mbb per hand with a 95% interval: a statistical figure over
 * thousands of hands, so a benchmark. `npm run bench -w server -- nlhe-tag`;
 * PARLEY_BENCH_DEALS=N heads-up deals per opponent (default 1,500, i.e. 3,000 hands).
 */
import { loadavg } from 'node:os';
import { duplicateMbb } from '../src/testing/nlhe-duplicate';

const DEALS = Number(process.env.PARLEY_BENCH_DEALS ?? 1500);
const show = (label: string, r: Awaited<ReturnType<typeof duplicateMbb>>) =>
  console.log(
    `tag vs ${label}: ${r.mean.toFixed(0)} mbb/hand (95% ${r.lo.toFixed(0)} to ${r.hi.toFixed(0)}) over ${r.hands} hands`,
  );
show('random, heads-up', await duplicateMbb('random', 2, DEALS, 1000));
show('call, heads-up', await duplicateMbb('call', 2, DEALS, 5000));
show('5 × call, six-handed', await duplicateMbb('call', 6, Math.round(DEALS / 10), 7000));
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
