// The warm-up plans the user sets in the Sending-health view, one per sender domain, in the
// extension's globalState: a domain's warm-up belongs to the Tencent Cloud account, not to a folder
// (workspaceState would lose it in another window), and it is data the view edits, not a preference
// (a setting would put numbers the user never typed into settings.json and Settings Sync).
import type * as vscode from 'vscode';
import { validPlan, type WarmupPlan } from '#common/cloud/warmup';

const KEY = 'sesStudio.warmupPlans';
/** Ten domains per account is Tencent's limit; keep room for several accounts, and no more. */
const MAX_PLANS = 100;

export class WarmupPlans {
  constructor(private readonly memento: vscode.Memento) {}

  private all(): Record<string, WarmupPlan> {
    const stored = this.memento.get<unknown>(KEY);
    const plans: Record<string, WarmupPlan> = {};
    if (typeof stored !== 'object' || stored === null) return plans;
    for (const [domain, plan] of Object.entries(stored as Record<string, unknown>)) {
      const valid = validPlan(plan);
      if (valid) plans[domain] = valid;
    }
    return plans;
  }

  get(domain: string): WarmupPlan | undefined {
    return new Map(Object.entries(this.all())).get(domain.toLowerCase());
  }

  async set(domain: string, plan: WarmupPlan): Promise<void> {
    const valid = validPlan(plan);
    if (!valid) return;
    const others = Object.entries(this.all()).filter(([name]) => name !== domain.toLowerCase());
    const kept = [...others, [domain.toLowerCase(), valid] as const].slice(-MAX_PLANS);
    await this.memento.update(KEY, Object.fromEntries(kept));
  }

  async clear(domain: string): Promise<void> {
    const plans = Object.entries(this.all()).filter(([name]) => name !== domain.toLowerCase());
    await this.memento.update(KEY, Object.fromEntries(plans));
  }
}
