import { describe, expect, it } from "vitest";
import { clientAddress, SHARED_CLIENT } from "./authenticate";

const request = (forwardedFor?: string) => new Request("http://gateway.test/", { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });

describe("clientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted: every client shares one bucket", () => {
    expect(clientAddress(request("203.0.113.9"), 0)).toBe(SHARED_CLIENT);
    expect(clientAddress(request(), 1)).toBe(SHARED_CLIENT);
  });

  it("takes the entry the trusted proxies wrote, never what the client put in front of it", () => {
    expect(clientAddress(request("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(request("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(request("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(request("203.0.113.9"), 3)).toBe("203.0.113.9");
  });

  it("normalises ports, IPv4-mapped addresses and counts an IPv6 /64 as one client", () => {
    expect(clientAddress(request("203.0.113.9:51234"), 1)).toBe("203.0.113.9");
    expect(clientAddress(request("::ffff:203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(request("2001:db8:1:2:aaaa::1"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(request("[2001:db8:1:2:bbbb::9]:443"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(request("2001:db8::1"), 1)).toBe("2001:db8:0:0::/64");
  });
});
