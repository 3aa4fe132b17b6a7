import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { UserRow } from "@/console/users/server/list-users";
import { formatDateTime } from "@/lib/format";
import { UserButtons } from "./user-buttons";

export function UsersTable({ users, currentUserId, loadedAt }: { users: UserRow[]; currentUserId: string; loadedAt: string }) {
  return (
    <Card>
      <Table label="Users">
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>State</Th>
            <Th>Last sign-in</Th>
            <Th className="w-48">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : "bg-slate-50/60 text-slate-500"} data-testid={`user-${user.email}`}>
              <Td>
                <div className="font-medium text-slate-900">
                  {user.name}
                  {user.id === currentUserId ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
                </div>
                <div className="text-xs text-slate-500">{user.email}</div>
              </Td>
              <Td>{ROLE_LABELS[user.role]}</Td>
              <Td>{user.active ? <Badge tone="success">active</Badge> : <Badge>deactivated</Badge>}</Td>
              {/* Kept on one line: squeezed on a phone, a date otherwise wraps a word per line. */}
              <Td className="whitespace-nowrap">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : <span className="text-slate-500">never</span>}</Td>
              <Td>
                <UserButtons user={user} isSelf={user.id === currentUserId} loadedAt={loadedAt} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
