import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createAppServer } from "./gateway-server";

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
  vi.restoreAllMocks();
});

async function serve(next: () => Promise<void>): Promise<string> {
  const server = createAppServer({ routes: [], next, origin: "http://gateway.test", maxBodyBytes: 1_000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => server.close();
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("createAppServer", () => {
  it("answers a failure no handler caught with the error table's 500 and a logged reference", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const origin = await serve(() => Promise.reject(new Error("boom")));
    const response = await fetch(`${origin}/costs`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; type: string; code: string } };
    expect(body.error).toMatchObject({ type: "api_error", code: "internal_error" });
    const reference = /Reference: ([0-9a-f-]{36})\./.exec(body.error.message)?.[1];
    expect(reference).toBeDefined();
    expect(String(logged.mock.calls[0]?.[0])).toContain(reference!);
    expect(body.error.message).not.toContain("boom");
  });
});
