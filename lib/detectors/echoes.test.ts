import { describe, expect, it } from "vitest";
import { withoutEchoes, type JsonEcho } from "./echoes";
import type { Span } from "./span";

/** The text pieces joined as the scanner joins them, with the echo of piece 0 in pieces 1…. */
function layout(raw: string, decoded: string[]): { text: string; echo: JsonEcho; at: (value: string, from: number) => Span } {
  const text = [raw, ...decoded].join("\n");
  const echo: JsonEcho = { raw: [0, raw.length], decoded: [raw.length + 1, text.length] };
  const at = (value: string, from: number): Span => {
    const start = text.indexOf(value, from);
    return [start, start + value.length];
  };
  return { text, echo, at };
}

describe("withoutEchoes", () => {
  it("drops a decoded position repeating its raw one", () => {
    const { text, echo, at } = layout('{"q":"4111 1111 1111 1111"}', ["q", "4111 1111 1111 1111"]);
    const raw = at("4111", 0);
    const positions: Span[] = [[raw[0], raw[0] + 19], at("4111 1111 1111 1111", echo.decoded[0])];
    expect(withoutEchoes(positions, text, [echo])).toEqual([positions[0]]);
  });

  it("matches a value across the views' different separators and escapes", () => {
    const { text, echo } = layout('{"card":["41111111", "1111", "1111"]}', ["card", "41111111", "1111", "1111"]);
    const rawStart = text.indexOf("41111111");
    const rawSpan: Span = [rawStart, text.indexOf('"]')];
    const decodedStart = text.indexOf("41111111", echo.decoded[0]);
    const decodedSpan: Span = [decodedStart, text.length];
    expect(withoutEchoes([rawSpan, decodedSpan], text, [echo])).toEqual([rawSpan]);
  });

  it("keeps values the raw view did not find, and each repeat the raw view also holds", () => {
    const { text, echo, at } = layout('{"a":"x@y.io","b":"x@y.io","c":"z@y.io"}', ["a", "x@y.io", "b", "x@y.io", "c", "z@y.io"]);
    const rawFirst = at("x@y.io", 0);
    const rawSecond = at("x@y.io", rawFirst[1]);
    const decodedFirst = at("x@y.io", echo.decoded[0]);
    const decodedSecond = at("x@y.io", decodedFirst[1]);
    const decodedOther = at("z@y.io", echo.decoded[0]);
    // The raw view saw both x@y.io and not z@y.io: the two decoded x@y.io go, z@y.io stays.
    expect(withoutEchoes([rawFirst, rawSecond, decodedFirst, decodedSecond, decodedOther], text, [echo])).toEqual([rawFirst, rawSecond, decodedOther]);
  });

  it("keeps everything outside an echo and when there is none", () => {
    const { text, echo } = layout('{"q":"4111 1111 1111 1111"}', ["q", "4111 1111 1111 1111"]);
    const outside: Span[] = [[0, 4], [0, 4]];
    expect(withoutEchoes(outside, text, [])).toEqual(outside);
    expect(withoutEchoes([[echo.decoded[0] + 2, echo.decoded[1]]], text, [echo])).toEqual([[echo.decoded[0] + 2, echo.decoded[1]]]);
  });
});
