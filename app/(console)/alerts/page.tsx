import type { Metadata } from "next";
import { AlertEventsList } from "@/console/alerts/components/alert-events-list";
import { NewAlertRuleButton } from "@/console/alerts/components/alert-rule-buttons";
import { AlertRulesTable } from "@/console/alerts/components/alert-rules-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alertRuleOptions, listAlertEvents, listAlertRules } from "@/console/alerts/server/list-alerts";
import { canEditConfig } from "@/lib/auth/roles";
import { requireArea } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const user = await requireArea("alerts");
  const canEdit = canEditConfig(user.role);
  const [rules, events, options] = await Promise.all([listAlertRules(), listAlertEvents(), alertRuleOptions()]);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Webhooks (Slack-compatible or JSON) when a feature's month-to-date spend reaches a share of its budget, when the share of refused requests spikes, or when a provider's circuit opens. Rules act at once — no Publish — and every alert and delivery attempt is kept below."
        actions={canEdit ? <NewAlertRuleButton options={options} /> : null}
      />
      <section aria-labelledby="alert-rules" className="mb-8">
        <h2 id="alert-rules" className="mb-3 text-lg font-semibold text-slate-900">
          Rules
        </h2>
        {rules.length === 0 ? (
          <EmptyState title="No alert rules yet">{canEdit ? "Add a rule to be told when budgets run out, refusals spike or a provider fails." : "Admins and engineers add the rules; you will see them here."}</EmptyState>
        ) : (
          <AlertRulesTable rules={rules} options={options} canEdit={canEdit} />
        )}
      </section>
      <section aria-labelledby="fired-alerts">
        <h2 id="fired-alerts" className="mb-3 text-lg font-semibold text-slate-900">
          Fired alerts
        </h2>
        {events.length === 0 ? <EmptyState title="No alerts have fired">When a rule fires, the alert and each attempt to deliver it appear here, newest first.</EmptyState> : <AlertEventsList events={events} />}
      </section>
    </>
  );
}
