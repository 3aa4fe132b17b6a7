import { describe, expect, it } from "vitest";
import { gatewayRoutePages, matchGatewayRoute } from "./gateway-routes";

// A slice of a real app-paths-manifest.json (next build, Next 16).
const MANIFEST = {
  "/(console)/costs/page": "app/(console)/costs/page.js",
  "/api/[...path]/route": "app/api/[...path]/route.js",
  "/api/auth/[...nextauth]/route": "app/api/auth/[...nextauth]/route.js",
  "/api/console/providers/health/route": "app/api/console/providers/health/route.js",
  "/api/health/live/route": "app/api/health/live/route.js",
  "/api/health/route": "app/api/health/route.js",
  "/api/route/route": "app/api/route/route.js",
  "/api/v1/chat/completions/route": "app/api/v1/chat/completions/route.js",
  "/api/v1/decisions/[id]/route": "app/api/v1/decisions/[id]/route.js",
  "/api/v1/decisions/latest/route": "app/api/v1/decisions/latest/route.js",
  "/api/v1/messages/count_tokens/route": "app/api/v1/messages/count_tokens/route.js",
  "/api/v1/messages/route": "app/api/v1/messages/route.js",
};

describe("gatewayRoutePages", () => {
  it("takes the gateway's routes and leaves the console, sign-in and catch-alls to Next", () => {
    expect(gatewayRoutePages(MANIFEST).map((page) => page.page)).toEqual([
      "/api/health/live/route",
      "/api/health/route",
      "/api/route/route",
      "/api/v1/chat/completions/route",
      "/api/v1/decisions/[id]/route",
      "/api/v1/decisions/latest/route",
      "/api/v1/messages/count_tokens/route",
      "/api/v1/messages/route",
    ]);
  });

  it("splits a page into segments, dynamic ones named", () => {
    const page = gatewayRoutePages(MANIFEST).find((candidate) => candidate.page === "/api/v1/decisions/[id]/route");
    expect(page).toMatchObject({ file: "app/api/v1/decisions/[id]/route.js", segments: ["api", "v1", "decisions", { param: "id" }] });
  });
});

describe("matchGatewayRoute", () => {
  const routes = gatewayRoutePages(MANIFEST);
  const match = (path: string) => {
    const found = matchGatewayRoute(routes, path);
    return found ? { page: found.route.page, params: found.params } : null;
  };

  it.each([
    ["/api/v1/chat/completions", "/api/v1/chat/completions/route", {}],
    ["/api/v1/chat/completions/", "/api/v1/chat/completions/route", {}],
    ["/api/v1/messages", "/api/v1/messages/route", {}],
    ["/api/v1/messages/count_tokens", "/api/v1/messages/count_tokens/route", {}],
    ["/api/route", "/api/route/route", {}],
    ["/api/health", "/api/health/route", {}],
    ["/api/v1/decisions/0199-abc", "/api/v1/decisions/[id]/route", { id: "0199-abc" }],
    ["/api/v1/decisions/a%20b", "/api/v1/decisions/[id]/route", { id: "a b" }],
    ["/api/v1/decisions/latest", "/api/v1/decisions/latest/route", {}],
  ])("%s → %s", (path, page, params) => {
    expect(match(path)).toEqual({ page, params });
  });

  it.each(["/api/v1", "/api/v1/chat", "/api/v1/chat/completions/extra", "/api/console/providers/health", "/api/v1/decisions/", "/api/v1/decisions/%E0%A4%A", "/api/v1/nope", "/"])(
    "%s is not the gateway's",
    (path) => {
      expect(match(path)).toBeNull();
    },
  );
});
