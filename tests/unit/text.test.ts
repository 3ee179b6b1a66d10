import { describe, expect, it } from "vitest";
import { normalizeText, shorten, TEXT_LIMITS } from "../../lib/domain/text";

describe("normalizeText", () => {
  it.each([
    ["  Polisen  ", "Polisen"],
    ["Upplevd\notrygghet\t i  Farsta", "Upplevd otrygghet i Farsta"],
    ["Trygga\u00a0trappan", "Trygga trappan"],
    ["\n \n", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("shorten", () => {
  it("keeps text that fits", () => {
    expect(shorten("Kort text", 60)).toBe("Kort text");
  });

  it("cuts long text at a word boundary with an ellipsis, within the limit", () => {
    const text = "Samverkan behöver ske på ett djupare plan mellan socialtjänst, skola och polis i Farsta.";
    const result = shorten(text, 60);
    expect(result.length).toBeLessThanOrEqual(60);
    expect(result.endsWith("…")).toBe(true);
    expect(result).toBe("Samverkan behöver ske på ett djupare plan mellan…");
  });

  it("cuts inside a word when there is no space early enough", () => {
    expect(shorten("Ungdomsutsättningarochmycketannat", 10)).toBe("Ungdomsut…");
  });

  it("collapses white space before measuring", () => {
    expect(shorten("a\n\n   b", 3)).toBe("a b");
  });
});

describe("TEXT_LIMITS", () => {
  it("allows long cells from real plans", () => {
    expect(TEXT_LIMITS).toEqual({ short: 200, long: 10000 });
  });
});
