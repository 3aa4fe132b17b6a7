// The HAProxy configuration for N gateway instances on one machine (npm run cluster, and the
// cluster test). Pure: the same text a Kubernetes Ingress or any load balancer would express.
//
// - Health: each instance's /api/health/ready every second; two failures take it out, one
//   success brings it back. A database outage alone keeps an instance ready (it serves from
//   memory), so the balancer does not empty itself when PostgreSQL is down.
// - A connection an instance refuses (it died) is retried once on another instance
//   (retry-on conn-failure + redispatch; not after a request reached one, which may have called a model): a request is re-sent only when it never reached a
//   gateway, so nothing is answered twice.
// - leastconn: streams and slow upstreams make request durations uneven.
// - Long server timeout: a stream may run for minutes.
// - Overload is answered here: each instance gets at most `maxConnPerInstance` requests at once
//   (its GATEWAY_MAX_IN_FLIGHT); the rest wait in HAProxy's queue (cheap, outside the gateway's
//   event loop) for up to `queueTimeoutMs`, then get a 503 in OpenAI's error shape with
//   retry-after. A lone Node process past its CPU capacity cannot accept connections fast enough
//   to refuse them itself; HAProxy can.
import { apiError } from "@/lib/http/api-error";

export interface ClusterLayout {
  /** Where HAProxy listens, e.g. 0.0.0.0:3000 */
  bind: string;
  /** host:port of each gateway instance. */
  instances: string[];
  /** Optional stats page (host:port), off by default. */
  stats?: string;
  /** Requests sent to one instance at once (its GATEWAY_MAX_IN_FLIGHT). */
  maxConnPerInstance: number;
  /** How long a request may wait for a free instance before the 503. */
  queueTimeoutMs?: number;
}

/** What HAProxy answers when no instance takes a request in time: the gateway's own overload error. */
export const OVERLOADED_BODY = JSON.stringify(apiError("gateway_overloaded", "Every Switchyard instance is at its limit of requests in flight. Retry in a second.").toBody());

export function haproxyConfig({ bind, instances, stats, maxConnPerInstance, queueTimeoutMs = 2_000 }: ClusterLayout): string {
  if (instances.length === 0) throw new Error("A cluster needs at least one instance.");
  const servers = instances.map((address, index) => `  server gateway${index + 1} ${address} check`);
  return [
    // No global maxconn: HAProxy derives it from the file-descriptor limit it is given.
    "global",
    "",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 10m",
    "  timeout server 10m",
    "  timeout http-request 30s",
    `  timeout queue ${queueTimeoutMs}ms`,
    "  retries 1",
    "  retry-on conn-failure",
    "  option redispatch",
    "",
    "frontend switchyard",
    `  bind ${bind}`,
    "  option forwardfor",
    "  default_backend gateways",
    "",
    "backend gateways",
    "  balance leastconn",
    "  option httpchk",
    // Sent as a probe from an orchestrator would be: HTTP/1.1 with a Host header.
    "  http-check send meth GET uri /api/health/ready ver HTTP/1.1 hdr Host localhost",
    "  http-check expect status 200",
    `  default-server inter 1s fall 2 rise 1 maxconn ${maxConnPerInstance}`,
    // A queue timeout (or no instance up) is a 503: answered in the gateway's shape, with retry-after.
    `  http-error status 503 content-type "application/json" string '${OVERLOADED_BODY}' hdr retry-after 1`,
    ...servers,
    ...(stats ? ["", "listen stats", `  bind ${stats}`, "  stats enable", "  stats uri /"] : []),
    "",
  ].join("\n");
}
