// Token formats that carry their own evidence (a documented prefix or shape), as data. Each
// pattern is RE2 syntax and runs on re2js (linear time), only near an occurrence of one of its
// keywords — gitleaks' keyword prefilter — so a prompt without "ghp_" never pays for GitHub.
//
// Sources, named per rule: gitleaks' default config (config/gitleaks.toml, rule ids as given),
// secretlint's recommended preset (@secretlint/secretlint-rule-preset-recommend 13.1, rule
// package names as given), and vendors' docs where neither has the format. Patterns are
// adapted: gitleaks' trailing `(?:[\x60'"\s;]|\\[nr]|$)` becomes a word boundary, and open
// repeats are bounded so a window always holds a whole match.

export interface SecretRule {
  id: string;
  source: string;
  /** Literals one of which every match contains; case-sensitive unless `anyCase`. */
  keywords: readonly string[];
  anyCase?: boolean;
  /** RE2 syntax. Capture group `group` (default 1) is the secret that gets reported. */
  pattern: string;
  group?: number;
  /** How far past a keyword a match may run (default 320 characters). */
  reach?: number;
  /** A further check on the reported value (entropy-like: must mix letters and digits, ...). */
  accept?: (value: string) => boolean;
  /** Characters of the value that are its fixed prefix, for the mask check ("xoxb-xxxx…"). */
  prefixLength?: number;
}

const mixesLettersAndDigits = (value: string) => /\d/.test(value) && /[A-Za-z]/.test(value);
const mixesCaseAndDigits = (value: string) => /\d/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value);

export const SECRET_RULES: readonly SecretRule[] = [
  // Cloud providers
  { id: "aws-access-key-id", source: "gitleaks aws-access-token; secretlint-rule-aws", keywords: ["AKIA", "ASIA", "ABIA", "ACCA", "A3T"], pattern: String.raw`\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b` },
  { id: "aws-bedrock-api-key", source: "gitleaks aws-amazon-bedrock-api-key-long-lived", keywords: ["ABSK"], pattern: String.raw`\b(ABSK[A-Za-z0-9+/]{109,269}={0,2})` },
  { id: "gcp-api-key", source: "gitleaks gcp-api-key; secretlint-rule-gcp", keywords: ["AIza"], prefixLength: 4, pattern: String.raw`\b(AIza[\w-]{35})(?:[^\w-]|$)` },
  { id: "azure-storage-account-key", source: "Microsoft Learn, Azure Storage connection strings (AccountKey=, 64 bytes base64)", keywords: ["accountkey="], anyCase: true, pattern: String.raw`(?i)AccountKey=([A-Za-z0-9+/]{86}==)` },
  { id: "azure-shared-access-key", source: "Microsoft Learn, Service Bus / Event Hubs connection strings (SharedAccessKey=)", keywords: ["sharedaccesskey="], anyCase: true, pattern: String.raw`(?i)SharedAccessKey=([A-Za-z0-9+/]{43}=)` },
  { id: "azure-sas-signature", source: "Microsoft Learn, shared access signature tokens (sig= parameter)", keywords: ["sig="], anyCase: true, pattern: String.raw`(?i)(?:^|[?&;\s"'])sig=([A-Za-z0-9%+/=]{40,200})` },
  { id: "azure-ad-client-secret", source: "gitleaks azure-ad-client-secret", keywords: ["Q~"], pattern: String.raw`(?:^|[\\'"\x60\s>=:(,)])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?:$|[\\'"\x60\s<),])` },
  { id: "alibaba-access-key-id", source: "gitleaks alibaba-access-key-id", keywords: ["LTAI"], pattern: String.raw`\b(LTAI[A-Za-z0-9]{20})\b` },
  { id: "digitalocean-token", source: "gitleaks digitalocean-pat / -access-token / -refresh-token", keywords: ["dop_v1_", "doo_v1_", "dor_v1_"], pattern: String.raw`\b(do[opr]_v1_[a-f0-9]{64})\b` },
  { id: "cloudflare-api-token", source: "secretlint-rule-cloudflare", keywords: ["cfk_", "cfut_", "cfat_"], pattern: String.raw`\b((?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8})\b` },
  { id: "heroku-api-key", source: "gitleaks heroku-api-key-v2", keywords: ["HRKU-AA"], pattern: String.raw`\b(HRKU-AA[0-9a-zA-Z_-]{58})` },
  { id: "vault-token", source: "gitleaks vault-service-token / vault-batch-token; secretlint-rule-hashicorp-vault", keywords: ["hvs.", "hvb.", "hvr."], pattern: String.raw`\b(hv[sbr]\.[\w-]{90,300})` },
  { id: "databricks-token", source: "gitleaks databricks-api-token; secretlint-rule-databricks", keywords: ["dapi"], pattern: String.raw`\b(dapi[a-f0-9]{32}(?:-\d)?)\b` },
  { id: "vercel-token", source: "secretlint-rule-vercel", keywords: ["vcp_", "vci_", "vca_", "vcr_", "vck_"], pattern: String.raw`\b((?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60})\b` },
  { id: "flyio-token", source: "gitleaks flyio-access-token", keywords: ["fo1_", "fm1a_", "fm1r_", "fm2_"], reach: 2200, pattern: String.raw`\b(fo1_[\w-]{43}|fm1[ar]_[a-zA-Z0-9+/]{100,1000}={0,3}|fm2_[a-zA-Z0-9+/]{100,1000}={0,3})` },
  { id: "tailscale-key", source: "secretlint-rule-tailscale", keywords: ["tskey-"], pattern: String.raw`\b(tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60})` },
  { id: "pulumi-token", source: "gitleaks pulumi-api-token", keywords: ["pul-"], pattern: String.raw`\b(pul-[a-f0-9]{40})\b` },
  { id: "planetscale-token", source: "gitleaks planetscale-api-token / -oauth-token / -password", keywords: ["pscale_"], pattern: String.raw`\b(pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64})` },
  { id: "doppler-token", source: "gitleaks doppler-api-token", keywords: ["dp.pt."], pattern: String.raw`\b(dp\.pt\.[A-Za-z0-9]{43})` },
  { id: "dynatrace-token", source: "gitleaks dynatrace-api-token", keywords: ["dt0c01."], pattern: String.raw`\b(dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64})` },
  { id: "docker-pat", source: "secretlint-rule-docker", keywords: ["dckr_pat_"], pattern: String.raw`\b(dckr_pat_[a-zA-Z0-9_-]{27})` },
  { id: "1password-service-account", source: "secretlint-rule-1password; gitleaks 1password-service-account-token", keywords: ["ops_eyJ"], reach: 1400, pattern: String.raw`\b(ops_eyJ[a-zA-Z0-9+/]{100,1280}={0,3})` },
  { id: "1password-secret-key", source: "gitleaks 1password-secret-key", keywords: ["A3-"], pattern: String.raw`\b(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b` },
  { id: "age-secret-key", source: "gitleaks age-secret-key", keywords: ["AGE-SECRET-KEY-1"], pattern: String.raw`(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})` },

  // Code hosting and package registries
  { id: "github-token", source: "gitleaks github-pat / -oauth / -app-token / -refresh-token; secretlint-rule-github", keywords: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], prefixLength: 4, pattern: String.raw`\b(gh[pousr]_[A-Za-z0-9]{36,251})\b` },
  { id: "github-fine-grained-pat", source: "gitleaks github-fine-grained-pat; secretlint-rule-github", keywords: ["github_pat_"], prefixLength: 11, pattern: String.raw`\b(github_pat_[A-Za-z0-9_]{22,251})\b` },
  { id: "github-app-installation-token", source: "secretlint-rule-github (ghs_<id>_<jwt-like>)", keywords: ["ghs_"], reach: 4000, pattern: String.raw`\b(ghs_[0-9]{1,20}_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)` },
  { id: "gitlab-token", source: "gitleaks gitlab-pat / -pat-routable / -deploy-token / -runner-authentication-token / …; GitLab docs, token prefixes", keywords: ["glpat-", "gldt-", "glffct-", "glft-", "glimt-", "gloas-", "glrt-", "glsoat-", "glcbt-", "glptt-", "glagent-"], prefixLength: 6, pattern: String.raw`\b(gl(?:pat|dt|ffct|ft|imt|oas|rt|soat|cbt|ptt|agent)-[0-9A-Za-z_-]{20,300}(?:\.[0-9a-z]{9})?)` },
  { id: "gitlab-runner-registration-token", source: "gitleaks gitlab-rrt", keywords: ["GR1348941"], pattern: String.raw`\b(GR1348941[\w-]{20,50})` },
  { id: "npm-token", source: "gitleaks npm-access-token; secretlint-rule-npm", keywords: ["npm_"], prefixLength: 4, pattern: String.raw`\b(npm_[A-Za-z0-9]{36})\b` },
  { id: "npm-auth-token", source: "secretlint-rule-npm (_authToken= in .npmrc)", keywords: ["_authtoken"], anyCase: true, pattern: String.raw`(?i)_authToken\s{0,3}=\s{0,3}["']?([^\s"'$][^\s"']{7,250})` },
  { id: "pypi-token", source: "gitleaks pypi-upload-token; PyPI docs (macaroon for pypi.org / test.pypi.org)", keywords: ["pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"], reach: 1100, pattern: String.raw`(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[\w-]{50,1000})` },
  { id: "rubygems-token", source: "gitleaks rubygems-api-token", keywords: ["rubygems_"], pattern: String.raw`\b(rubygems_[a-f0-9]{48})\b` },
  { id: "shopify-token", source: "gitleaks shopify-*-token; secretlint-rule-shopify", keywords: ["shpat_", "shpca_", "shppa_", "shpss_"], pattern: String.raw`\b(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32,64})` },
  { id: "atlassian-api-token", source: "gitleaks atlassian-api-token", keywords: ["ATATT3"], pattern: String.raw`\b(ATATT3[A-Za-z0-9_\-=]{186})` },
  { id: "linear-api-key", source: "gitleaks linear-api-key; secretlint-rule-linear", keywords: ["lin_api_"], pattern: String.raw`\b(lin_api_[A-Za-z0-9]{32,128})` },
  { id: "notion-token", source: "gitleaks notion-api-token; secretlint-rule-notion", keywords: ["ntn_"], pattern: String.raw`\b(ntn_[0-9]{11}[A-Za-z0-9]{35})\b` },
  { id: "postman-api-key", source: "gitleaks postman-api-token", keywords: ["PMAK-"], pattern: String.raw`\b(PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34})` },
  { id: "sentry-token", source: "gitleaks sentry-user-token / sentry-org-token", keywords: ["sntryu_", "sntrys_"], reach: 1000, pattern: String.raw`\b(sntryu_[a-f0-9]{64}|sntrys_eyJ[a-zA-Z0-9+/=_]{40,800})` },
  { id: "grafana-token", source: "gitleaks grafana-cloud-api-token / grafana-service-account-token; secretlint-rule-grafana", keywords: ["glc_", "glsa_"], reach: 500, pattern: String.raw`\b(glc_[A-Za-z0-9+/]{32,400}={0,3}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})` },
  { id: "figma-token", source: "secretlint-rule-figma", keywords: ["figd_"], pattern: String.raw`\b(figd_[A-Za-z0-9_-]{40,200})` },

  // AI providers
  { id: "openai-project-key", source: "gitleaks openai-api-key; secretlint-rule-openai (sk-proj-, sk-svcacct-, sk-admin-)", keywords: ["sk-proj-", "sk-svcacct-", "sk-admin-", "sk-None-"], accept: mixesCaseAndDigits, pattern: String.raw`\b(sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,300})` },
  // Legacy "sk-" + 48 base62 (and "T3BlbkFJ" keys); no dash after "sk-", so "sk-learn-…" never matches.
  { id: "openai-legacy-key", source: "gitleaks openai-api-key; secretlint-rule-openai", keywords: ["sk-"], accept: mixesLettersAndDigits, pattern: String.raw`\b(sk-[A-Za-z0-9]{32,100})\b` },
  { id: "anthropic-api-key", source: "gitleaks anthropic-api-key / anthropic-admin-api-key; secretlint-rule-anthropic", keywords: ["sk-ant-"], pattern: String.raw`\b(sk-ant-(?:api|admin|oat|ort)\d{2}-[A-Za-z0-9_-]{32,300})` },
  { id: "groq-api-key", source: "secretlint-rule-groq", keywords: ["gsk_"], pattern: String.raw`\b(gsk_[a-zA-Z0-9]{52})\b` },
  { id: "perplexity-api-key", source: "gitleaks perplexity-api-key", keywords: ["pplx-"], pattern: String.raw`\b(pplx-[a-zA-Z0-9]{48})\b` },
  { id: "huggingface-token", source: "gitleaks huggingface-access-token / -organization-api-token; secretlint-rule-huggingface", keywords: ["hf_", "api_org_"], prefixLength: 3, pattern: String.raw`\b((?:hf|api_org)_[A-Za-z0-9]{34})\b` },

  // Messaging, payments, email
  { id: "slack-bot-token", source: "gitleaks slack-bot-token / slack-legacy-bot-token; secretlint-rule-slack", keywords: ["xoxb-"], prefixLength: 5, pattern: String.raw`\b(xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-?[a-zA-Z0-9-]{0,100}|[a-zA-Z0-9]{18,26}))` },
  { id: "slack-user-token", source: "gitleaks slack-user-token; secretlint-rule-slack", keywords: ["xoxp-", "xoxe-"], prefixLength: 5, pattern: String.raw`\b(xox[pe](?:-[0-9]{8,14}){2,3}-[a-zA-Z0-9-]{20,64})` },
  { id: "slack-app-token", source: "gitleaks slack-app-token; secretlint-rule-slack", keywords: ["xapp-"], prefixLength: 5, pattern: String.raw`(?i)\b(xapp-\d-[A-Z0-9]{1,40}-\d{1,20}-[a-z0-9]{1,200})` },
  { id: "slack-legacy-token", source: "gitleaks slack-legacy-token / -workspace-token / -config-*-token", keywords: ["xoxo-", "xoxs-", "xoxa-", "xoxr-", "xoxe."], prefixLength: 5, pattern: String.raw`\b(xox[os]-\d{1,20}-\d{1,20}-\d{1,20}-[a-fA-F\d]{1,100}|xox[ar]-(?:\d-)?[0-9a-zA-Z]{8,48}|(?i:xoxe\.xox[bp]-\d-[A-Z0-9]{163,166}))` },
  { id: "slack-webhook", source: "gitleaks slack-webhook-url; secretlint-rule-slack", keywords: ["hooks.slack.com"], pattern: String.raw`((?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{20,80})` },
  { id: "stripe-secret-key", source: "gitleaks stripe-access-token; secretlint-rule-stripe (sk_/rk_ live, test, prod)", keywords: ["sk_test_", "sk_live_", "sk_prod_", "rk_test_", "rk_live_", "rk_prod_"], prefixLength: 8, pattern: String.raw`\b((?:sk|rk)_(?:test|live|prod)_[a-zA-Z0-9]{10,247})` },
  { id: "stripe-webhook-secret", source: "Stripe docs, webhook signing secrets (whsec_)", keywords: ["whsec_"], prefixLength: 6, pattern: String.raw`\b(whsec_[A-Za-z0-9+/=]{24,100})` },
  { id: "square-token", source: "gitleaks square-access-token", keywords: ["sq0atp-", "sq0csp-", "EAAA"], pattern: String.raw`\b(sq0(?:atp|csp)-[\w-]{22,60}|EAAA[\w-]{60})` },
  { id: "twilio-api-key", source: "gitleaks twilio-api-key (SK + 32 hex)", keywords: ["SK"], accept: mixesLettersAndDigits, pattern: String.raw`\b(SK[0-9a-fA-F]{32})\b` },
  { id: "sendgrid-api-key", source: "gitleaks sendgrid-api-token; secretlint-rule-sendgrid (SG.<22>.<43>)", keywords: ["SG."], pattern: String.raw`\b(SG\.[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{30,64})` },
  { id: "mailchimp-api-key", source: "gitleaks mailchimp-api-key (32 hex + data centre)", keywords: ["-us"], pattern: String.raw`\b([a-f0-9]{32}-us\d{1,2})\b` },
  { id: "telegram-bot-token", source: "Telegram Bot API docs (<bot id>:<35 characters>); gitleaks telegram-bot-api-token", keywords: [":AA"], pattern: String.raw`\b([0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?:[^0-9A-Za-z_-]|$)` },

  // Structured credentials
  { id: "jwt", source: "gitleaks jwt; RFC 7519 (base64url JSON header and payload start 'eyJ')", keywords: ["eyJ"], reach: 8192, pattern: String.raw`\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)` },
  // scheme://user:password@host — database URLs, basic auth in URLs. The password is reported.
  { id: "url-credentials", source: "secretlint-rule-database-connection-string / secretlint-rule-basicauth; RFC 3986 userinfo", keywords: ["://"], group: 3, pattern: String.raw`\b([a-zA-Z][a-zA-Z0-9+.-]{1,30}://)([^\s:/@"'<>]{0,128}):([^\s/@"'<>]{1,256})@[^\s/?#@"'<>]` },
];
