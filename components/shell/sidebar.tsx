import Link from "next/link";
import { AREAS, ROLE_LABELS, canRead, type Area, type Role } from "@/lib/auth/roles";
import { NavLink } from "./nav-link";
import { SidebarFrame } from "./sidebar-frame";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

const GROUPS: Array<{ title: string; areas: Area[] }> = [
  { title: "", areas: ["overview"] },
  { title: "Configure", areas: ["routing", "models", "providers", "dataRules", "licences", "features", "apiKeys", "playground", "whatIf"] },
  { title: "Observe", areas: ["costs", "decisions", "changes", "versions", "alerts"] },
  { title: "Admin", areas: ["users"] },
];

export function Sidebar({ user }: { user: { name: string; email: string; role: Role } }) {
  return (
    <SidebarFrame>
      <Link href="/" className="flex items-center gap-2.5 px-5 py-5">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/icon.svg" alt="" width={28} height={28} />
        <span className="text-lg font-semibold tracking-tight">Switchyard</span>
      </Link>
      <nav aria-label="Console" className="flex-1 overflow-y-auto px-3">
        {GROUPS.map((group) => {
          const visible = group.areas.filter((area) => canRead(user.role, area));
          if (visible.length === 0) return null;
          return (
            <div key={group.title || "top"} className="mb-4">
              {group.title ? <p className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.title}</p> : null}
              <ul className="space-y-0.5">
                {visible.map((area) => (
                  <li key={area}>
                    <NavLink href={AREAS[area].href}>{AREAS[area].label}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <div className="border-t border-slate-200 px-5 py-4">
        <p className="truncate text-sm font-medium text-slate-800" title={user.email}>
          {user.name}
        </p>
        <p className="text-xs text-slate-500" data-testid="current-role">
          {ROLE_LABELS[user.role]}
        </p>
        <SignOutButton />
        <ThemeToggle />
      </div>
    </SidebarFrame>
  );
}
