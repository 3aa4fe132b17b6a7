// A bound on the gateway requests one instance holds at once. Past it a request is answered at
// once with 503 and retry-after (and recorded) instead of queueing until sockets, memory or the
// kernel's listen queue give out — an overloaded gateway answers, it does not drop connections.
import { ApiError } from "@/lib/http/api-error";

export class InFlightLimit {
  private current = 0;

  constructor(readonly max: number) {}

  /** Takes a slot, or false when all are taken. */
  tryEnter(): boolean {
    if (this.current >= this.max) return false;
    this.current += 1;
    return true;
  }

  leave(): void {
    this.current = Math.max(0, this.current - 1);
  }

  get inFlight(): number {
    return this.current;
  }
}

export function overloaded(limit: InFlightLimit): ApiError {
  return new ApiError(503, "gateway_overloaded", `This Switchyard instance is at its limit of ${limit.max} requests in flight (GATEWAY_MAX_IN_FLIGHT). Retry in a second.`, {
    headers: { "retry-after": "1" },
  });
}
