// Which of the built app's route handlers the gateway's own server answers without Next, and
// how a path finds one. Pure: the table comes from Next's app-paths manifest, so a route added
// under app/api/v1 is served here with no list to keep in step.

/** The gateway's paths: what apps and agents call. The console and its API stay with Next. */
const GATEWAY_PAGE = /^\/api\/(?:v1\/.+|route|health(?:\/.+)?)\/route$/;

export interface GatewayRoutePage {
  /** e.g. "/api/v1/decisions/[id]/route" */
  page: string;
  /** The built module, relative to <distDir>/server. */
  file: string;
  /** Path segments; a dynamic one is { param: name }. */
  segments: Array<string | { param: string }>;
}

export function gatewayRoutePages(manifest: Record<string, string>): GatewayRoutePage[] {
  return Object.entries(manifest)
    .filter(([page]) => GATEWAY_PAGE.test(page) && !page.includes("[..."))
    .map(([page, file]) => ({
      page,
      file,
      segments: page
        .slice(1, -"/route".length)
        .split("/")
        .map((segment) => (segment.startsWith("[") && segment.endsWith("]") ? { param: segment.slice(1, -1) } : segment)),
    }));
}

export interface RouteMatch<Route> {
  route: Route;
  params: Record<string, string>;
}

/** The route whose segments the path has, exact segments before dynamic ones; null when none. */
export function matchGatewayRoute<Route extends { segments: GatewayRoutePage["segments"] }>(routes: Route[], pathname: string): RouteMatch<Route> | null {
  const parts = pathname.split("/").slice(1);
  if (parts.at(-1) === "") parts.pop();
  let best: RouteMatch<Route> | null = null;
  let bestDynamic = Infinity;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let dynamic = 0;
    const matches = route.segments.every((segment, i) => {
      if (typeof segment === "string") return segment === parts[i];
      if (parts[i] === "") return false;
      try {
        params[segment.param] = decodeURIComponent(parts[i]!);
      } catch {
        return false;
      }
      dynamic++;
      return true;
    });
    if (matches && dynamic < bestDynamic) {
      best = { route, params };
      bestDynamic = dynamic;
    }
  }
  return best;
}
