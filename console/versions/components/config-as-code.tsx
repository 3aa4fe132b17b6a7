import { Card, CardHeader } from "@/components/ui/card";
import { ConfigImport } from "./config-import";

/** Export for everyone who may read versions; import for editors. */
export function ConfigAsCode({ canEdit }: { canEdit: boolean }) {
  return (
    <Card>
      <CardHeader
        title="Configuration as code"
        description="The whole working configuration as one JSON document: tiers, providers, hardware profiles, licences, models, data classes and rules, routing rules, features. Rows refer to each other by key. The same file works with npm run config -- export FILE / apply FILE."
        actions={
          <a
            href="/api/console/config/export"
            download
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
          >
            Download JSON
          </a>
        }
      />
      <div className="px-5 py-4">{canEdit ? <ConfigImport /> : <p className="text-sm text-slate-500">Only admins and engineers can apply a document.</p>}</div>
    </Card>
  );
}
