import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { AlertEventRow } from "@/console/alerts/server/list-alerts";
import { formatDateTime } from "@/lib/format";

function deliveryBadge(delivery: AlertEventRow["deliveries"][number]) {
  const text = delivery.statusCode !== null ? `HTTP ${delivery.statusCode}` : (delivery.error ?? "error");
  return (
    <Badge key={delivery.attempt} tone={delivery.ok ? "success" : "danger"} title={`Attempt ${delivery.attempt}, ${formatDateTime(delivery.attemptedAt)}`}>
      {delivery.attempt}. {text}
    </Badge>
  );
}

/** Fired alerts, newest first, each with its delivery attempts. */
export function AlertEventsList({ events }: { events: AlertEventRow[] }) {
  return (
    <Card>
      <Table label="Fired alerts">
        <thead>
          <tr>
            <Th className="w-44">When</Th>
            <Th>Alert</Th>
            <Th className="w-64">Deliveries</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="fired-alert">
              <Td className="whitespace-nowrap">{formatDateTime(event.occurredAt)}</Td>
              <Td>
                <div className="font-medium text-slate-900">
                  {event.ruleName} · {event.subject}
                </div>
                <div className="text-slate-700">{event.message}</div>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">{event.deliveries.length === 0 ? <Badge tone="warning">delivering…</Badge> : event.deliveries.map(deliveryBadge)}</div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
