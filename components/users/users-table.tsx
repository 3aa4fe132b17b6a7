import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { UserRow } from "@/lib/config/list-users";
import { formatDateTime } from "@/lib/format";

export function UsersTable({ users }: { users: UserRow[] }) {
  return (
    <Card>
      <Table>
        <thead>
          <tr>
            <Th>User</Th>
            <Th>Role</Th>
            <Th>State</Th>
            <Th>Last sign-in</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={user.active ? undefined : "opacity-60"} data-testid={`user-${user.email}`}>
              <Td>
                <div className="font-medium text-slate-900">{user.name}</div>
                <div className="text-xs text-slate-500">{user.email}</div>
              </Td>
              <Td>{ROLE_LABELS[user.role]}</Td>
              <Td>{user.active ? <Badge tone="success">active</Badge> : <Badge>deactivated</Badge>}</Td>
              <Td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : <span className="text-slate-500">never</span>}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
