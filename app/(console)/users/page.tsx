import type { Metadata } from "next";
import { NewUserButton } from "@/console/users/components/user-buttons";
import { UsersTable } from "@/console/users/components/users-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { listUsers } from "@/console/users/server/list-users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requireArea("users");
  // Taken before the rows are read: an edit made while this page loads is then seen as newer (stale), never missed.
  const loadedAt = new Date().toISOString();
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may sign in to the console and what their role lets them see. A deactivated user is signed out on their next request. There is always at least one active admin."
        actions={<NewUserButton />}
      />
      {/* Unreachable in practice (an admin is reading this), but an empty table would say nothing. */}
      {users.length === 0 ? <EmptyState title="No users">Run npm run db:seed to create the first admin.</EmptyState> : <UsersTable users={users} currentUserId={me.id} loadedAt={loadedAt} />}
    </>
  );
}
