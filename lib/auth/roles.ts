// Who may do what. Pure, so pages, actions, route handlers and tests share one table.

export const ROLES = ["admin", "engineer", "finance", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/** A console area and the roles that may open it. Editing is a separate, narrower check. */
export const AREAS = {
  overview: { label: "Overview", href: "/", read: ROLES },
  routing: { label: "Routing", href: "/routing", read: ["admin", "engineer"] },
  models: { label: "Models & tiers", href: "/models", read: ["admin", "engineer"] },
  providers: { label: "Providers", href: "/providers", read: ["admin", "engineer"] },
  dataRules: { label: "Data rules", href: "/data-rules", read: ["admin", "engineer"] },
  licences: { label: "Licences", href: "/licences", read: ["admin", "engineer"] },
  features: { label: "Features & budgets", href: "/features", read: ["admin", "engineer"] },
  apiKeys: { label: "API keys", href: "/api-keys", read: ["admin", "engineer"] },
  playground: { label: "Playground", href: "/playground", read: ["admin", "engineer"] },
  whatIf: { label: "What-if", href: "/what-if", read: ["admin", "engineer", "finance"] },
  costs: { label: "Costs", href: "/costs", read: ["admin", "engineer", "finance"] },
  decisions: { label: "Decisions", href: "/decisions", read: ["admin", "engineer", "auditor"] },
  changes: { label: "Changes", href: "/changes", read: ["admin", "engineer", "auditor"] },
  versions: { label: "Policy versions", href: "/versions", read: ["admin", "engineer", "auditor"] },
  alerts: { label: "Alerts", href: "/alerts", read: ROLES },
  users: { label: "Users", href: "/users", read: ["admin"] },
} as const satisfies Record<string, { label: string; href: string; read: readonly Role[] }>;

export type Area = keyof typeof AREAS;

/** Roles that may change routing configuration. Finance and auditors only read. */
export const CONFIG_EDITORS: readonly Role[] = ["admin", "engineer"];

export function canRead(role: Role, area: Area): boolean {
  return (AREAS[area].read as readonly Role[]).includes(role);
}

export function canEditConfig(role: Role): boolean {
  return CONFIG_EDITORS.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  engineer: "Engineer",
  finance: "Finance",
  auditor: "Auditor",
};
