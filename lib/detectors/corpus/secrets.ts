// Secret corpus. Token bodies are fake, built at test time (fake.ts) in each format's shape, so
// no credential-looking literal is committed. Sources:
//  - gitleaks rule tests (cmd/generate/config/rules/<rule>.go): the shapes of their true
//    positives and their false positives (masked "xoxb-xxxx…" tokens, "task_test_…", low-entropy
//    "AIzaaaa…", placeholder "hf_xxxx…").
//  - secretlint preset-recommend rule docs for npm _authToken, database connection strings and
//    basic auth in URLs.
//  - Vendor docs for documented example values: AWS (AKIAIOSFODNN7EXAMPLE and its secret), jwt.io's
//    default token, RFC 6750 / RFC 7617 header examples, Azurite's published development key.
//  - The security review of issue 9: "sk-learn-…" slugs, real values a placeholder list swallowed.
import { found, ignored, type CorpusCase } from "./corpus-case";
import { ALNUM, BASE64, DIGITS, fake, HEX, join, LETTERS, URL_SAFE } from "./fake";

const GITLEAKS = (rule: string) => `gitleaks rule test: ${rule}`;
const SECRETLINT = (rule: string) => `secretlint: ${rule}`;
const REVIEW = "issue 9 security review";

/** A finding for `value` when it appears in a config line. */
const inLine = (source: string, value: string, line = (token: string) => `export TOKEN_VALUE="${token}"`) => found("secret", source, line(value), value);

const AWS_KEY_ID = join("AKIA", "IOSFODNN7EXAMPLE");
const AWS_SECRET = join("wJalrXUtnFEMI/K7MDENG/", "bPxRfiCYEXAMPLEKEY");
const AZURITE_KEY = join("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/", "K1SZFPTOtr/KBHBeksoGMGw==");
const JWT_IO = join(
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.",
  "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.",
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
);
const PEM = ["-----BEGIN RSA PRIVATE KEY-----", fake(BASE64, 64, 1), fake(BASE64, 64, 2), "-----END RSA PRIVATE KEY-----"].join("\n");

const tokens: CorpusCase[] = [
  inLine("AWS IAM docs example access key id", AWS_KEY_ID),
  found("secret", "AWS CLI docs example credentials file", `aws_secret_access_key = ${AWS_SECRET}`, AWS_SECRET),
  inLine(GITLEAKS("gcp-api-key"), join("AIza", "Sy", fake(URL_SAFE, 33, 3))),
  found("secret", "Microsoft Learn (Azurite development storage key)", `DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};EndpointSuffix=core.windows.net`, AZURITE_KEY),
  found("secret", "Microsoft Learn (SAS token sig parameter)", `https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&sp=r&se=2026-01-01T00:00:00Z&sig=${fake(ALNUM, 43, 4)}%3D`, `${fake(ALNUM, 43, 4)}%3D`),
  inLine(GITLEAKS("azure-ad-client-secret"), join(fake(ALNUM, 3, 5), "8Q~", fake(ALNUM, 34, 6))),
  ...["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].map((prefix, index) => inLine(GITLEAKS("github-pat / -oauth / -app-token / -refresh-token"), join(prefix, fake(ALNUM, 36, 10 + index)))),
  inLine(GITLEAKS("github-fine-grained-pat"), join("github_pat_", "11A", fake(ALNUM, 19, 20), "_", fake(ALNUM, 59, 21))),
  ...["glpat-", "gldt-", "glrt-", "glptt-", "gloas-"].map((prefix, index) => inLine(GITLEAKS("gitlab-pat / -deploy-token / -runner / -ptt / -oauth-app-secret"), join(prefix, fake(ALNUM, 20, 30 + index)))),
  inLine(GITLEAKS("gitlab-pat-routable"), join("glpat-", fake(ALNUM, 27, 40), ".01", fake(DIGITS, 7, 41))),
  inLine(GITLEAKS("slack-bot-token"), join("xoxb-", fake(DIGITS, 12, 50), "-", fake(DIGITS, 13, 51), "-", fake(ALNUM, 24, 52))),
  inLine(GITLEAKS("slack-user-token"), join("xoxp-", fake(DIGITS, 12, 53), "-", fake(DIGITS, 13, 54), "-", fake(DIGITS, 13, 55), "-", fake(HEX, 32, 56))),
  inLine(GITLEAKS("slack-app-token"), join("xapp-1-A", fake(DIGITS, 10, 57), "-", fake(DIGITS, 13, 58), "-", fake(HEX, 64, 59))),
  inLine(GITLEAKS("slack-webhook-url"), join("https://hooks.slack.com/services/T", fake(ALNUM, 8, 60), "/B", fake(ALNUM, 10, 61), "/", fake(ALNUM, 24, 62))),
  inLine(GITLEAKS("stripe-access-token"), join("sk_", "live_", fake(ALNUM, 24, 70))),
  inLine(GITLEAKS("stripe-access-token"), join("rk_", "live_", fake(ALNUM, 24, 71))),
  inLine("Stripe docs (public sample secret key)", join("sk_", "test_", "4eC39HqLyjWDarjtT1zdp7dc")),
  inLine("Stripe docs (webhook signing secret)", join("whsec_", fake(ALNUM, 32, 72))),
  inLine(GITLEAKS("openai-api-key (project key)"), join("sk-", "proj-", fake(URL_SAFE, 74, 80), "T3Blbk", "FJ", fake(URL_SAFE, 74, 81))),
  inLine(GITLEAKS("openai-api-key (legacy key)"), join("sk-", fake(ALNUM, 20, 82), "T3Blbk", "FJ", fake(ALNUM, 20, 83))),
  inLine(SECRETLINT("openai (48-character key)"), join("sk-", fake(ALNUM, 48, 84))),
  inLine(GITLEAKS("anthropic-api-key"), join("sk-ant-", "api03-", fake(URL_SAFE, 93, 85), "AA")),
  inLine(GITLEAKS("anthropic-admin-api-key"), join("sk-ant-", "admin01-", fake(URL_SAFE, 93, 86), "AA")),
  inLine(GITLEAKS("npm-access-token"), join("npm_", fake(ALNUM, 36, 90))),
  found("secret", SECRETLINT("npm (_authToken in .npmrc)"), `//registry.npmjs.org/:_authToken=${fake(HEX, 8, 91)}-${fake(HEX, 4, 92)}-${fake(HEX, 4, 93)}`, `${fake(HEX, 8, 91)}-${fake(HEX, 4, 92)}-${fake(HEX, 4, 93)}`),
  inLine(GITLEAKS("pypi-upload-token"), join("pypi-", "AgEIcHlwaS5vcmc", fake(HEX, 64, 94))),
  inLine(GITLEAKS("twilio-api-key"), join("SK", fake(HEX, 32, 95))),
  inLine(GITLEAKS("sendgrid-api-token"), join("SG.", fake(URL_SAFE, 22, 96), ".", fake(URL_SAFE, 43, 97))),
  inLine(GITLEAKS("huggingface-access-token"), join("hf_", fake(LETTERS, 34, 98))),
  inLine(GITLEAKS("huggingface-organization-api-token"), join("api_org_", fake(LETTERS, 34, 99))),
  inLine(GITLEAKS("digitalocean-pat"), join("dop_v1_", fake(HEX, 64, 100))),
  inLine(GITLEAKS("databricks-api-token"), join("dapi", fake(HEX, 32, 101))),
  inLine(GITLEAKS("shopify-access-token"), join("shpat_", fake(HEX, 32, 102))),
  inLine(GITLEAKS("linear-api-key"), join("lin_api_", fake(ALNUM, 40, 103))),
  inLine(GITLEAKS("notion-api-token"), join("ntn_", fake(DIGITS, 11, 104), fake(ALNUM, 35, 105))),
  inLine(GITLEAKS("vault-service-token"), join("hvs.", fake(URL_SAFE, 95, 106))),
  inLine(SECRETLINT("docker"), join("dckr_pat_", fake(URL_SAFE, 27, 107))),
  inLine(SECRETLINT("groq"), join("gsk_", fake(ALNUM, 52, 108))),
  inLine(GITLEAKS("sentry-user-token"), join("sntryu_", fake(HEX, 64, 109))),
  inLine(GITLEAKS("grafana-service-account-token"), join("glsa_", fake(ALNUM, 32, 110), "_", fake(HEX, 8, 111))),
  inLine(GITLEAKS("postman-api-token"), join("PMAK-", fake(HEX, 24, 112), "-", fake(HEX, 34, 113))),
  inLine(GITLEAKS("heroku-api-key-v2"), join("HRKU-AA", fake(URL_SAFE, 58, 114))),
  inLine(SECRETLINT("cloudflare"), join("cfut_", fake(ALNUM, 40, 115), fake(HEX, 8, 116))),
  inLine(GITLEAKS("age-secret-key"), join("AGE-SECRET-KEY-1", fake("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58, 117))),
  inLine("Telegram Bot API docs (token format)", join(fake(DIGITS, 9, 118), ":AA", fake(URL_SAFE, 33, 119))),
  inLine(GITLEAKS("mailchimp-api-key"), join(fake(HEX, 32, 120), "-us14")),
  inLine("jwt.io default token", JWT_IO),
  found("secret", "RFC 7468 (PEM private key)", `key:\n${PEM}\nend`, PEM),
  found("secret", "RFC 6750 §2.1 (bearer header)", `Authorization: Bearer ${JWT_IO}`, JWT_IO),
  found("secret", "RFC 7617 §2 (basic header)", "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
];

const urls: CorpusCase[] = [
  { ...found("secret", REVIEW + " (database URL)", "DATABASE_URL=postgres://u:p@h", "p"), at: 26 },
  found("secret", SECRETLINT("database-connection-string (PostgreSQL)"), "postgresql://app:S3cr3t!x@db.internal:5432/app", "S3cr3t!x"),
  found("secret", SECRETLINT("database-connection-string (MongoDB)"), "mongodb+srv://admin:pa55word@cluster0.example.mongodb.net/db", "pa55word"),
  found("secret", SECRETLINT("database-connection-string (MySQL)"), "jdbc:mysql://root:rootpw1@localhost:3306/shop", "rootpw1"),
  found("secret", "Redis URI scheme (empty user)", "REDIS_URL=redis://:hunter22@cache:6379/0", "hunter22"),
  found("secret", SECRETLINT("basicauth"), "git clone https://alice:wonderland9@git.example.com/repo.git", "wonderland9"),
];

const named: CorpusCase[] = [
  found("secret", REVIEW + " (placeholder list swallowed it)", "password: Test@12345", "Test@12345"),
  found("secret", REVIEW, "PASSWORD=changeme", "changeme"),
  found("secret", REVIEW, 'db_password = "Example2024!"', "Example2024!"),
  found("secret", REVIEW, "api_key: sample-key-7f3a9c21", "sample-key-7f3a9c21"),
  found("secret", REVIEW, "client_secret = 'my-secret-9x8y7z'", "my-secret-9x8y7z"),
  found("secret", "xkcd 936 passphrase as JSON", '{"password": "correcthorsebatterystaple"}', "correcthorsebatterystaple"),
  found("secret", "gitleaks generic-api-key (shape)", `"access_token": "${fake(ALNUM, 40, 130)}"`, fake(ALNUM, 40, 130)),
];

const negatives: CorpusCase[] = [
  ignored("secret", REVIEW + " (scikit-learn slug)", "We used sk-learn-style-pipelines-for-everything-here"),
  ignored("secret", REVIEW + " (scikit-learn slug)", "see sk-learn-Pipeline-2024-v2-GridSearchCV-tuning-notes for details"),
  ignored("secret", REVIEW + " (scikit-learn slug)", "pip install sk-learn==0.24.2 is not the package name"),
  ignored("secret", GITLEAKS("slack-bot-token (fps)"), "xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx"),
  ignored("secret", GITLEAKS("slack-bot-token (fps)"), "xoxb-xxx"),
  ignored("secret", GITLEAKS("slack-bot-token (fps)"), "xoxb-12345-abcd234"),
  ignored("secret", GITLEAKS("slack-bot-token (fps)"), "xoxb-xoxb-my-bot-token"),
  ignored("secret", GITLEAKS("slack-user-token (fps)"), '"token1": "xoxp-1234567890"'),
  ignored("secret", GITLEAKS("slack-user-token (fps)"), `"token2": "xoxp-${"X".repeat(10)}-${"X".repeat(10)}-${"X".repeat(11)}-${"X".repeat(32)}"`),
  ignored("secret", GITLEAKS("gitlab-pat (fps)"), "glpat-XXXXXXXXXXX-XXXXXXXX"),
  ignored("secret", GITLEAKS("gcp-api-key (fps: no entropy)"), `apiKey: "AIza${"a".repeat(35)}"`),
  ignored("secret", GITLEAKS("huggingface-access-token (fps)"), `os.environ.get("HF_AUTH_TOKEN", "hf_${"x".repeat(34)}")`),
  ignored("secret", GITLEAKS("stripe-access-token (fps)"), `nonMatchingToken := "task_test_${fake(ALNUM, 30, 140)}"`),
  ignored("secret", "Stripe docs (publishable keys are public)", join("pk_", "test_", "TYooMQauvdEDq54NiTphI7jx")),
  ignored("secret", "a template placeholder", "password: ${PASSWORD}"),
  ignored("secret", "a template placeholder", "password: <password>"),
  ignored("secret", "a mask", "password: '********'"),
  ignored("secret", "a mask", "api_key = xxxxxxxxxxxx"),
  ignored("secret", "a template placeholder", "postgres://user:${DB_PASSWORD}@db/app"),
  ignored("secret", "a template placeholder", "postgres://user:<password>@db/app"),
  ignored("secret", "no credentials in the URL", "postgres://localhost:5432/app and https://example.com/a?b=1"),
  ignored("secret", "a TypeScript type", "password: string;"),
  ignored("secret", "an identifier in code", "const token = nextToken;"),
  ignored("secret", "an environment lookup", "apiKey: process.env.OPENAI_API_KEY"),
  ignored("secret", "a git SHA (git's empty tree)", "4b825dc642cb6eb9a060e54bf8d69288fbee4904"),
  ignored("secret", "prose", "Bearer authentication is defined in RFC 6750; ask for the SKU list"),
];

export const SECRET_CORPUS: readonly CorpusCase[] = [...tokens, ...urls, ...named, ...negatives];
