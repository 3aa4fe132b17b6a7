// Webhook URLs carry secrets (a Slack incoming webhook's token is its path). Pure.

/** http/https only, with a host, no credentials in it; null when acceptable, else why not. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, e.g. https://hooks.slack.com/services/…";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Only http:// and https:// webhooks are delivered.";
  if (!url.hostname) return "The URL needs a host.";
  return null;
}

/** What the console shows after saving: the scheme and host, the rest masked like a password. */
export function maskWebhookUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}/••••••••`;
  } catch {
    return "••••••••";
  }
}

/** Removes the URL (and its path) from an error message before it is stored or shown. */
export function scrubUrl(message: string, webhookUrl: string): string {
  let text = message.split(webhookUrl).join("<webhook>");
  try {
    const { pathname, search } = new URL(webhookUrl);
    if (pathname.length > 1) text = text.split(pathname + search).join("<path>").split(pathname).join("<path>");
  } catch {
    // Not a URL: nothing more to remove.
  }
  return text;
}
