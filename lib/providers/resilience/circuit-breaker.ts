// Per-provider circuit breaker. Pure state machine with an injectable clock; one instance per
// process. Instances share what they learn through `onOpen` / `adoptOpen` (the gateway relays
// them over Redis): an upstream one instance saw fail is skipped by the others too.
//
//   closed ──(N consecutive failures, or any 429)──▶ open ──(cooldown / retry-after)──▶ half_open
//   half_open admits ONE probe: success ─▶ closed, failure ─▶ open again.
//
// Only errors that say something about the provider's availability count (ProviderError with
// `retryable`: rate limits, timeouts, 5xx, connection failures). A 400 is the caller's fault, an
// auth error is config: neither opens the circuit nor shows as the provider's last error.
import type { ProviderError, ProviderErrorKind } from "../provider-error";

export type BreakerState = "closed" | "open" | "half_open";

/** What the fallback executor needs; async-capable so a shared (Redis) breaker fits too. */
export interface HealthGate {
  /** Whether a request may go to this provider now. In half-open, true reserves the one probe. */
  canRequest(providerKey: string): boolean | Promise<boolean>;
  onSuccess(providerKey: string): void | Promise<void>;
  /** `error` is already normalised (map-error.ts); whether it counts is the gate's call. */
  onFailure(providerKey: string, error: ProviderError): void | Promise<void>;
  /** An admitted request ended with no verdict (caller aborted): frees a reserved probe. */
  release(providerKey: string): void | Promise<void>;
}

export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open when the provider gave no retry-after. Default 30 s. */
  cooldownMs?: number;
  /** Upper bound on a provider's retry-after, so one odd header cannot park a provider for a day. Default 10 min. */
  maxOpenMs?: number;
  /** A probe that reports nothing for this long is presumed lost; another may go. Default 60 s. */
  probeTimeoutMs?: number;
  /** Calls remembered for the recent error rate. Default 20. */
  windowSize?: number;
  /** Epoch milliseconds. Default Date.now. */
  now?: () => number;
  /** Called when this breaker opens a circuit from its own calls (not from adoptOpen). */
  onOpen?: (providerKey: string, opened: OpenedCircuit) => void;
}

/** What another instance needs to open the same circuit. */
export interface OpenedCircuit {
  /** Epoch ms when the circuit admits a probe. */
  until: number;
  lastError: ProviderHealth["lastError"];
}

export interface ProviderHealth {
  providerKey: string;
  /** "open" whose cooldown has passed shows as "half_open": the next request will probe. */
  state: BreakerState;
  consecutiveFailures: number;
  lastError: { kind: ProviderErrorKind; message: string; status?: number; at: number } | null;
  /** When the circuit last opened (epoch ms); null while closed. */
  openedAt: number | null;
  /** When an open circuit admits a probe (epoch ms); null unless open. */
  reopensAt: number | null;
  /** Calls with a verdict among the last `windowSize`. */
  recentCalls: number;
  /** Failed share of `recentCalls`, 0..1 (0 when there were none). */
  recentErrorRate: number;
}

interface Circuit {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number | null;
  openUntil: number | null;
  probeStartedAt: number | null;
  lastError: ProviderHealth["lastError"];
  /** Ring of recent verdicts: true = success. */
  recent: boolean[];
}

export class CircuitBreaker implements HealthGate {
  private readonly circuits = new Map<string, Circuit>();
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  private readonly maxOpenMs: number;
  private readonly probeTimeoutMs: number;
  private readonly windowSize: number;
  private readonly now: () => number;
  private readonly onOpen: CircuitBreakerOptions["onOpen"];

  constructor(options: CircuitBreakerOptions = {}) {
    this.onOpen = options.onOpen;
    this.failureThreshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.maxOpenMs = options.maxOpenMs ?? 10 * 60_000;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 60_000;
    this.windowSize = options.windowSize ?? 20;
    this.now = options.now ?? Date.now;
  }

  private circuit(key: string): Circuit {
    let circuit = this.circuits.get(key);
    if (!circuit) {
      circuit = { state: "closed", consecutiveFailures: 0, openedAt: null, openUntil: null, probeStartedAt: null, lastError: null, recent: [] };
      this.circuits.set(key, circuit);
    }
    return circuit;
  }

  private remember(circuit: Circuit, success: boolean): void {
    circuit.recent.push(success);
    if (circuit.recent.length > this.windowSize) circuit.recent.shift();
  }

  private open(providerKey: string, circuit: Circuit, error: ProviderError): void {
    const now = this.now();
    const wait = error.retryAfterSeconds !== undefined ? Math.min(error.retryAfterSeconds * 1000, this.maxOpenMs) : this.cooldownMs;
    // A straggler failing while already open may extend the wait, never shorten it.
    const until = Math.max(circuit.state === "open" ? (circuit.openUntil ?? 0) : 0, now + wait);
    if (circuit.state !== "open") circuit.openedAt = now;
    circuit.state = "open";
    circuit.openUntil = until;
    circuit.probeStartedAt = null;
    this.onOpen?.(providerKey, { until, lastError: circuit.lastError });
  }

  /**
   * Opens the circuit because another instance opened its own (until then, unless this one is
   * already open longer). Never reported back through onOpen.
   */
  adoptOpen(providerKey: string, opened: OpenedCircuit): void {
    const now = this.now();
    if (opened.until <= now) return;
    const circuit = this.circuit(providerKey);
    if (circuit.state === "open" && (circuit.openUntil ?? 0) >= opened.until) return;
    if (circuit.state !== "open") circuit.openedAt = now;
    circuit.state = "open";
    circuit.openUntil = opened.until;
    circuit.probeStartedAt = null;
    if (opened.lastError) circuit.lastError = { ...opened.lastError };
  }

  canRequest(providerKey: string): boolean {
    const circuit = this.circuit(providerKey);
    const now = this.now();
    if (circuit.state === "closed") return true;
    if (circuit.state === "open") {
      if (now < (circuit.openUntil ?? 0)) return false;
      circuit.state = "half_open";
      circuit.probeStartedAt = now;
      return true;
    }
    // half_open: one probe at a time; a probe silent for too long is presumed lost.
    if (circuit.probeStartedAt !== null && now - circuit.probeStartedAt < this.probeTimeoutMs) return false;
    circuit.probeStartedAt = now;
    return true;
  }

  onSuccess(providerKey: string): void {
    const circuit = this.circuit(providerKey);
    this.remember(circuit, true);
    circuit.consecutiveFailures = 0;
    // An open circuit (e.g. after a 429) stays open for requests admitted before it opened.
    if (circuit.state === "open") return;
    circuit.state = "closed";
    circuit.openedAt = null;
    circuit.openUntil = null;
    circuit.probeStartedAt = null;
  }

  onFailure(providerKey: string, failure: ProviderError): void {
    if (!failure.retryable) {
      // The provider answered; it just refused this request. Frees a probe, changes nothing else.
      return this.release(providerKey);
    }
    const circuit = this.circuit(providerKey);
    this.remember(circuit, false);
    circuit.consecutiveFailures += 1;
    circuit.lastError = {
      kind: failure.kind,
      message: failure.message,
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      at: this.now(),
    };
    if (circuit.state !== "closed" || failure.kind === "rate_limited" || circuit.consecutiveFailures >= this.failureThreshold) {
      this.open(providerKey, circuit, failure);
    }
  }

  release(providerKey: string): void {
    const circuit = this.circuits.get(providerKey);
    if (circuit?.state === "half_open") circuit.probeStartedAt = null;
  }

  stateOf(providerKey: string): BreakerState {
    const circuit = this.circuits.get(providerKey);
    return circuit ? this.health(providerKey, circuit).state : "closed";
  }

  private health(providerKey: string, circuit: Circuit): ProviderHealth {
    const failures = circuit.recent.filter((success) => !success).length;
    const due = circuit.state === "open" && this.now() >= (circuit.openUntil ?? 0);
    return {
      providerKey,
      state: due ? "half_open" : circuit.state,
      consecutiveFailures: circuit.consecutiveFailures,
      lastError: circuit.lastError ? { ...circuit.lastError } : null,
      openedAt: circuit.state === "closed" ? null : circuit.openedAt,
      reopensAt: circuit.state === "open" ? circuit.openUntil : null,
      recentCalls: circuit.recent.length,
      recentErrorRate: circuit.recent.length === 0 ? 0 : failures / circuit.recent.length,
    };
  }

  /** Health of every provider seen so far, for health pages and the decision trace. */
  snapshot(): ProviderHealth[] {
    return [...this.circuits.entries()].map(([key, circuit]) => this.health(key, circuit));
  }

  /** Forgets one provider's history (admin "reset"), or everyone's. */
  reset(providerKey?: string): void {
    if (providerKey === undefined) this.circuits.clear();
    else this.circuits.delete(providerKey);
  }
}
