/** Keeps the times of the last hour's writes, for one installation (app) or one run (Action). */
export class WriteLog {
  private times: number[] = [];

  record(at: number): void {
    this.times.push(at);
  }

  recent(now: number): readonly number[] {
    this.times = this.times.filter((t) => t > now - 3_600_000);
    return this.times;
  }
}
