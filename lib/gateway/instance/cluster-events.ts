import "server-only";
// Events every gateway instance must hear at once: an API key revoked or re-scoped, a policy
// published, a provider's circuit opened. With REDIS_URL they go over Redis pub/sub; without it there is one instance and
// the process that caused the event has already acted on it. Delivery is best effort: each
// instance also polls (keys every second, policy every second), so a lost message only delays.
import { Redis } from "ioredis";
import { env } from "@/lib/env";

export type ClusterEvent = "api-keys-changed" | "policy-published" | "circuit-opened";

const CHANNEL_PREFIX = `${env.REDIS_KEY_PREFIX}:event:`;

interface Bus {
  publisher: Redis;
  subscriber: Redis;
  handlers: Map<ClusterEvent, Array<(payload: string) => void>>;
}

const globalForBus = globalThis as unknown as { switchyardClusterBus?: Bus | null };

function quiet(client: Redis, role: string): Redis {
  // Without a listener ioredis logs every failed reconnect; one line per outage is enough.
  let reported = false;
  client.on("error", (error: Error) => {
    if (reported) return;
    reported = true;
    console.error(`[switchyard] Redis ${role} unavailable; instances fall back to polling`, error.message);
  });
  client.on("ready", () => (reported = false));
  return client;
}

function bus(): Bus | null {
  if (globalForBus.switchyardClusterBus !== undefined) return globalForBus.switchyardClusterBus;
  if (!env.REDIS_URL) return (globalForBus.switchyardClusterBus = null);
  const subscriber = quiet(new Redis(env.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false }), "subscriber");
  const publisher = quiet(new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 }), "publisher");
  const created: Bus = { publisher, subscriber, handlers: new Map() };
  subscriber.on("message", (channel: string, payload: string) => {
    const event = channel.slice(CHANNEL_PREFIX.length) as ClusterEvent;
    for (const handler of created.handlers.get(event) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        console.error(`[switchyard] handling cluster event ${event} failed`, error);
      }
    }
  });
  globalForBus.switchyardClusterBus = created;
  return created;
}

/** Tells every instance (this one included) that the event happened. */
export function announce(event: ClusterEvent, payload = ""): void {
  const current = bus();
  if (!current) return;
  current.publisher.publish(CHANNEL_PREFIX + event, payload).catch(() => {
    // Logged by the client's error listener; the other instances' polling catches up.
  });
}

/** Runs the handler whenever any instance announces the event. */
export function onEvent(event: ClusterEvent, handler: (payload: string) => void): void {
  const current = bus();
  if (!current) return;
  const handlers = current.handlers.get(event);
  if (handlers) {
    handlers.push(handler);
    return;
  }
  current.handlers.set(event, [handler]);
  current.subscriber.subscribe(CHANNEL_PREFIX + event).catch(() => {
    // Logged by the error listener; ioredis re-subscribes when it reconnects.
  });
}
