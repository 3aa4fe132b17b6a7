import { describe, expect, it } from "vitest";
import { haproxyConfig } from "./haproxy-config";

describe("haproxyConfig", () => {
  it("balances every instance, checks readiness and retries only connections that never reached one", () => {
    const text = haproxyConfig({ bind: "127.0.0.1:3000", instances: ["127.0.0.1:3001", "127.0.0.1:3002"], maxConnPerInstance: 256 });
    expect(text).toContain("bind 127.0.0.1:3000");
    expect(text).toContain("server gateway1 127.0.0.1:3001 check");
    expect(text).toContain("server gateway2 127.0.0.1:3002 check");
    expect(text).toContain("http-check send meth GET uri /api/health/ready ver HTTP/1.1 hdr Host localhost");
    expect(text).toContain("retry-on conn-failure");
    expect(text).not.toContain("listen stats");
    // Past 256 at once per instance requests queue here, then get the gateway's 503 with retry-after.
    expect(text).toContain("maxconn 256");
    expect(text).toContain("timeout queue 2000ms");
    expect(text).toMatch(/http-error status 503 content-type "application\/json" string '\{"error":\{.*"code":"gateway_overloaded"\}\}' hdr retry-after 1/);
  });

  it("refuses an empty cluster", () => {
    expect(() => haproxyConfig({ bind: ":3000", instances: [], maxConnPerInstance: 1 })).toThrow(/at least one instance/);
  });
});
