import { describe, expect, it } from "vitest";
import { findSecrets } from "./secrets";

const matched = (text: string) => findSecrets(text).map(([start, end]) => text.slice(start, end));

// RFC 7468 §10 layout of an unencrypted PKCS #8 private key.
const PEM_PRIVATE_KEY = [
  "-----BEGIN PRIVATE KEY-----",
  "MIGEAgEAMBAGByqGSM49AgEGBSuBBAAKBG0wawIBAQQgVcB/UNPxalR9zDYAjQIf",
  "jojUDiQuGnSJrFEEzZPT/92hRANCAASc7UJtgnF/abqWM60T3XNJEzBv5ez9TdwK",
  "H0M6xpM2q+53wmsN/eYLdgtjgBd3DBmHtPilCkiFICXyaA8z9LkJ",
  "-----END PRIVATE KEY-----",
].join("\n");

describe("secret detector: token formats", () => {
  it.each([
    // AWS docs' example access key IDs (IAM user and STS temporary credentials).
    ["AKIAIOSFODNN7EXAMPLE", "AWS access key id"],
    ["ASIAIOSFODNN7EXAMPLE", "AWS temporary access key id"],
    // GitHub docs' example token; format per GitHub's 2021 "authentication token format" changelog.
    ["ghp_16C7e42F292c6912E7710c838347Ae178B4a", "GitHub classic PAT"],
    ["gho_16C7e42F292c6912E7710c838347Ae178B4a", "GitHub OAuth token (same body, gho_ prefix)"],
    ["ghs_16C7e42F292c6912E7710c838347Ae178B4a", "GitHub App installation token"],
    ["github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghi", "GitHub fine-grained PAT (synthetic)"],
    // Slack: documented xoxb-<team>-<bot>-<secret> shape (synthetic) and the webhook URL from Slack's docs.
    ["xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "Slack bot token"],
    ["https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "Slack webhook"],
    // Stripe docs' public sample secret key, and a restricted live key (synthetic).
    ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "Stripe secret key"],
    ["rk_live_51H8xYzAbCdEfGhIjKlMnOpQr", "Stripe restricted key"],
    // OpenAI and Anthropic key formats (synthetic bodies).
    ["sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq2rSt5uVw8xYz1", "OpenAI project key"],
    ["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", "OpenAI legacy key"],
    ["sk-ant-api03-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq2rSt5uVw8xYz1-AbCdEfGhIjKlMnOpQrAA", "Anthropic key"],
    ["AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe", "Google API key"],
    // jwt.io's default example token.
    [
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "JWT",
    ],
    [PEM_PRIVATE_KEY, "PEM private key block"],
    ["-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----", "OpenSSH private key"],
    ["-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF0\n-----END PGP PRIVATE KEY BLOCK-----", "PGP private key"],
  ])("finds %s (%s)", (secret) => {
    expect(matched(`config:\n${secret}\nend`)).toEqual([secret]);
  });

  it("reports a PEM header with no END line (a truncated paste)", () => {
    expect(matched("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA")).toEqual(["-----BEGIN RSA PRIVATE KEY-----"]);
  });
});

describe("secret detector: values named as secrets", () => {
  it.each([
    // AWS docs' example ~/.aws/credentials.
    ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    // RFC 6750 §2.1 bearer example and RFC 7617 §2 Basic example.
    ["Authorization: Bearer mF_9.B5f-4.1JqM", "mF_9.B5f-4.1JqM"],
    ["Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="],
    ["curl -H 'bearer 8f2a9c4e7b1d6f3a0e5c8b2d9f4a7e1c'", "8f2a9c4e7b1d6f3a0e5c8b2d9f4a7e1c"],
    // xkcd 936's passphrase, as a JSON value.
    ['{"password": "correcthorsebatterystaple"}', "correcthorsebatterystaple"],
    ["DB_PASSWORD=hunter22", "hunter22"],
    ["password = 'Sunshine'", "Sunshine"],
    ["api_key=9f8e7d6c5b4a39281706f5e4d3c2b1a0&format=json", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"],
    // The security review's case: a placeholder list must not swallow real values.
    ["password: Test@12345", "Test@12345"],
    ["PASSWORD=changeme", "changeme"],
    ["password: abcdefghij", "abcdefghij"],
    ["db_password = Example2024!", "Example2024!"],
    ["client_secret: 'Zq8+Lm2/Vx9=Rt4'", "Zq8+Lm2/Vx9=Rt4"],
    ["x-api-key: 3c9f1e7a2b8d4f60", "3c9f1e7a2b8d4f60"],
  ])("finds the value in %j", (text, value) => {
    expect(matched(text)).toEqual([value]);
  });

  it.each([
    ["password: string;", "a TypeScript type"],
    ["password=${DB_PASSWORD}", "a template reference"],
    ["apiKey: process.env.OPENAI_API_KEY", "an environment lookup"],
    ["password = getPassword(user)", "a function call"],
    ["password: config.database.password", "a property path"],
    ["api_key=YOUR_API_KEY", "a placeholder"],
    ["password: '********'", "a mask"],
    ["secret: <your-secret-here>", "a placeholder in angle brackets"],
    ["token: null", "null"],
    ["max_tokens=4096", "a model parameter, not a token"],
    ["password: hello", "too short"],
    ["privateKey: CryptoKey;", "a type annotation (lib.dom.d.ts)"],
    ["const token = nextToken;", "an identifier in code"],
    ["secret: string): void", "a parameter type"],
    ["Bearer authentication is defined in RFC 6750", "prose about bearer tokens"],
    ["pk_test_TYooMQauvdEDq54NiTphI7jx", "Stripe docs' publishable key: public by design"],
    ["4b825dc642cb6eb9a060e54bf8d69288fbee4904", "a git SHA (git's empty tree)"],
    ["123e4567-e89b-12d3-a456-426614174000", "a UUID (RFC 9562 example)"],
    ["We used sk-learn-style-pipelines-for-everything-here", "prose that starts with sk-"],
    ["XAKIAIOSFODNN7EXAMPLE and AKIAIOSFODNN7EXAMPLE1", "AKIA inside longer tokens"],
    ["-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----", "a public key"],
    ["-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----", "a certificate"],
  ])("ignores %j (%s)", (text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  it("reports the value's [start, end), not the name's", () => {
    const text = "export DB_PASSWORD=hunter22";
    expect(findSecrets(text)).toEqual([[19, 27]]);
  });

  it("counts a JWT inside a bearer header once", () => {
    const jwt =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    expect(matched(`Authorization: Bearer ${jwt}`)).toEqual([jwt]);
  });
});
