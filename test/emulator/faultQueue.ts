import type { Fault } from './types';

type LatencyFault = Extract<Fault, { kind: 'latency' }>;
export type OutcomeFault = Exclude<Fault, { kind: 'latency' }>;

/**
 * Injected faults, consumed by matching requests in injection order. A latency fault combines with
 * the other kinds (a slow 502), so one request takes at most one latency and one other fault.
 */
export class FaultQueue {
  private readonly pending: { fault: Fault; remaining: number }[] = [];

  inject(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('fault.times must be a positive integer');
    if (fault.kind === 'latency' && !(fault.ms >= 0)) throw new Error('latency fault needs ms >= 0');
    if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
      throw new Error('status fault needs an HTTP status 100-599');
    }
    this.pending.push({ fault, remaining: times });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** Takes the faults that apply to a request for `action`. */
  take(action: string): { latency?: LatencyFault; outcome?: OutcomeFault } {
    const latency = this.takeFirst(action, (fault): fault is LatencyFault => fault.kind === 'latency');
    const outcome = this.takeFirst(action, (fault): fault is OutcomeFault => fault.kind !== 'latency');
    return { latency, outcome };
  }

  private takeFirst<T extends Fault>(action: string, isKind: (fault: Fault) => fault is T): T | undefined {
    const index = this.pending.findIndex(({ fault }) => isKind(fault) && (fault.action === undefined || fault.action === action));
    if (index < 0) return undefined;
    const entry = this.pending[index];
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    return entry.fault as T;
  }
}
