import type { Params } from '../params';
import type { EmulatorState } from '../types';

export interface ActionContext {
  readonly state: EmulatorState;
  /** Unix seconds at the time of the request. */
  readonly nowSeconds: number;
}

/** Returns the action-specific fields of `Response` (RequestId is added by the server) or throws ApiError. */
export type ActionHandler = (params: Params, context: ActionContext) => Record<string, unknown>;
