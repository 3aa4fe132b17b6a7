import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { MAX_JSON_DEPTH } from "./json-depth";
import { readJsonBody } from "./read-body";

const post = (body: string | Buffer, contentType = "application/json") => new Request("http://gateway.test/api/v1/chat/completions", { method: "POST", headers: { "content-type": contentType }, body: typeof body === "string" ? body : new Uint8Array(body) });

async function refusal(request: Request, maxBytes?: number): Promise<ApiError> {
  const error = await readJsonBody(request, maxBytes).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("readJsonBody", () => {
  it("refuses JSON nested past the limit with a 400, before anything walks it (found by fuzzing)", async () => {
    const error = await refusal(post(`{"model":"auto","x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`));
    expect(error).toMatchObject({ status: 400, code: "invalid_json" });
    expect(error.message).toContain(`${MAX_JSON_DEPTH} levels`);
    await expect(readJsonBody(post(`{"x":${"[".repeat(MAX_JSON_DEPTH - 1)}${"]".repeat(MAX_JSON_DEPTH - 1)}}`))).resolves.toBeTruthy();
  });

  it("413 over the cap, 415 for another content type, 400 for empty or broken bodies", async () => {
    expect(await refusal(post("x".repeat(101), "application/json"), 100)).toMatchObject({ status: 413 });
    expect(await refusal(post("{}", "text/plain"))).toMatchObject({ status: 415 });
    expect(await refusal(post("  "))).toMatchObject({ status: 400, code: "invalid_request" });
    expect(await refusal(post('{"a":'))).toMatchObject({ status: 400, code: "invalid_json" });
  });

  it("reads lone surrogate escapes as replacement characters, keeping escaped pairs (found by fuzzing)", async () => {
    await expect(readJsonBody(post(String.raw`{"model":"a\ud800","messages":[{"content":"\udfff x \ud83d\ude00"}]}`))).resolves.toEqual({ model: "a\ufffd", messages: [{ content: "\ufffd x 😀" }] });
  });

  it("finds surrogate escapes in either case, and leaves a body without any as parsed", async () => {
    await expect(readJsonBody(post(String.raw`{"a":"\uD800 \uDBFF\uDFFF","b":"\\ud800 typed out"}`))).resolves.toEqual({ a: "\ufffd \udbff\udfff", b: "\\ud800 typed out" });
    await expect(readJsonBody(post('{"a":"plain \\u00e9 text","n":[1,2]}'))).resolves.toEqual({ a: "plain \u00e9 text", n: [1, 2] });
  });

  it("reads invalid UTF-8 as replacement characters rather than failing", async () => {
    const body = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from('"}')]);
    await expect(readJsonBody(post(body))).resolves.toEqual({ text: "\ufffd\ufffd\ufffd" });
  });
});
