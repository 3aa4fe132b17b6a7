import { describe, expect, it } from "vitest";
import { wrapCategory } from "./wrap-category";

describe("wrapCategory", () => {
  it("keeps a name on one line when its band is wide enough", () => {
    expect(wrapCategory("Hosted open-weight", 300)).toEqual(["Hosted open-weight"]);
  });

  it("breaks at spaces in a narrow band", () => {
    expect(wrapCategory("Closed frontier", 60)).toEqual(["Closed", "frontier"]);
    expect(wrapCategory("Not served", 60)).toEqual(["Not", "served"]);
  });

  it("breaks a word too long alone after its hyphen, keeping the hyphen", () => {
    expect(wrapCategory("Hosted open-weight", 58)).toEqual(["Hosted", "open-", "weight"]);
    expect(wrapCategory("Local open-weight", 80)).toEqual(["Local", "open-weight"]);
  });

  it("leaves a single word that cannot break as it is", () => {
    expect(wrapCategory("embeddings", 20)).toEqual(["embeddings"]);
  });
});
