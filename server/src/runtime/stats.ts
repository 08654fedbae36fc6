/** Streaming mean and variance (Welford), and a normal-approximation 95% interval of the mean. */
export class RunningStats {
  count = 0;
  mean = 0;
  private m2 = 0;

  push(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
  }

  get variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }

  /** Half-width of the 95% interval of the mean (1.96 standard errors). */
  get halfWidth95(): number {
    return this.count > 1 ? 1.96 * Math.sqrt(this.variance / this.count) : Number.POSITIVE_INFINITY;
  }
}
