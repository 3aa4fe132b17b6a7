import { describe, expect, it } from "vitest";
import { answerTextOf, jsonAnswer } from "./json-answer";

describe("jsonAnswer", () => {
  it("is the Response that Response.json makes: status, headers and body", async () => {
    const body = { id: "x", text: "héllo", n: [1, 2] };
    const init = { status: 201, headers: { "x-switchyard-tier": "local" } };
    const ours = jsonAnswer(body, init);
    const theirs = Response.json(body, init);
    expect(ours.status).toBe(theirs.status);
    expect([...ours.headers]).toEqual([...theirs.headers]);
    expect(await ours.text()).toBe(await theirs.text());
  });

  it("keeps its text for the gateway's server until someone reads the body", async () => {
    const answer = jsonAnswer({ ok: true });
    expect(answerTextOf(answer)).toBe('{"ok":true}');
    await answer.json();
    expect(answerTextOf(answer)).toBeNull();
    expect(answerTextOf(Response.json({ ok: true }))).toBeNull();
  });

  it("keeps a content-type it is given", () => {
    expect(jsonAnswer({}, { headers: { "content-type": "application/problem+json" } }).headers.get("content-type")).toBe("application/problem+json");
  });
});
