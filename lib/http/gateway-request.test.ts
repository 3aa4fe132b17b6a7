import { describe, expect, it } from "vitest";
import { bufferedBodyOf, GatewayRequest, RequestHeaders } from "./gateway-request";

const request = (body: Buffer | null, headers: Record<string, string | string[]> = {}) =>
  new GatewayRequest("POST", "http://gateway.test/api/v1/chat/completions", new RequestHeaders(headers), new AbortController().signal, body);

describe("RequestHeaders", () => {
  it("reads node:http's headers as Fetch does: any case, repeats joined, absent is null", () => {
    const headers = new RequestHeaders({ authorization: "Bearer sk", "x-repeated": "a, b", "set-cookie": ["a=1", "b=2"] });
    expect(headers.get("Authorization")).toBe("Bearer sk");
    expect(headers.get("x-repeated")).toBe("a, b");
    expect(headers.get("x-missing")).toBeNull();
    expect(headers.has("AUTHORIZATION")).toBe(true);
    expect(headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect([...headers]).toEqual([
      ["authorization", "Bearer sk"],
      ["set-cookie", "a=1, b=2"],
      ["x-repeated", "a, b"],
    ]);
  });

  it("is read-only", () => {
    const headers = new RequestHeaders({});
    expect(() => headers.set()).toThrow(TypeError);
    expect(() => headers.append()).toThrow(TypeError);
    expect(() => headers.delete()).toThrow(TypeError);
  });
});

describe("GatewayRequest", () => {
  it("hands a body read by the server to readers without a stream, once", async () => {
    const sent = request(Buffer.from('{"model":"auto"}'));
    expect(bufferedBodyOf(sent as unknown as Request)?.toString()).toBe('{"model":"auto"}');
    expect(await sent.json()).toEqual({ model: "auto" });
    expect(sent.bodyUsed).toBe(true);
    await expect(sent.text()).rejects.toThrow(TypeError);
  });

  it("makes a stream of that body when one is asked for", async () => {
    const sent = request(Buffer.from("abc"));
    const text = await new Response(sent.body).text();
    expect(text).toBe("abc");
  });

  it("has no body on GET, and a Request of undici's has no buffered body", async () => {
    expect(request(null).body).toBeNull();
    expect(await request(null).text()).toBe("");
    expect(bufferedBodyOf(new Request("http://x.test/", { method: "POST", body: "{}" }))).toBeNull();
  });
});
