import { isolateBidi } from "./bidiIsolation";

const FSI = "\u2068";
const PDI = "\u2069";
const RLO = "\u202E";
const PDF = "\u202C";
const RLI = "\u2067";
const LRE = "\u202A";

/** Every explicit bidi control is closed where it was opened: the depth never drops below zero and ends at zero. */
function balanced(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if ("\u202A\u202B\u202D\u202E".includes(char)) open.push(PDF);
    else if ("\u2066\u2067\u2068".includes(char)) open.push(PDI);
    else if (char === PDF) {
      if (open.pop() !== PDF) return false;
    } else if (char === PDI) {
      const index = open.lastIndexOf(PDI);
      if (index < 0) return false;
      open.length = index;
    }
  }
  return open.length === 0;
}

describe("isolateBidi: user text that cannot reverse the sentence around it", () => {
  it("wraps plain text in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE", () => {
    expect(isolateBidi("Welcome email")).toBe(`${FSI}Welcome email${PDI}`);
    expect(isolateBidi("")).toBe(`${FSI}${PDI}`);
  });

  it("closes an unterminated right-to-left override inside the isolate", () => {
    expect(isolateBidi(`${RLO}liame`)).toBe(`${FSI}${RLO}liame${PDF}${PDI}`);
    expect(isolateBidi(`a${RLI}b${LRE}c`)).toBe(`${FSI}a${RLI}b${LRE}c${PDF}${PDI}${PDI}`);
  });

  it("drops closers without their opener, so nothing pops the isolate early", () => {
    expect(isolateBidi(`a${PDI}${PDF}b`)).toBe(`${FSI}ab${PDI}`);
    expect(isolateBidi(`${RLO}x${PDF}y`)).toBe(`${FSI}${RLO}x${PDF}y${PDI}`);
    // A PDF cannot close an override from outside the isolate it is in.
    expect(isolateBidi(`${RLO}${RLI}x${PDF}`)).toBe(`${FSI}${RLO}${RLI}x${PDI}${PDF}${PDI}`);
  });

  it("leaves every control balanced, whatever the text", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "a"];
    for (let seed = 0; seed < 2000; seed += 1) {
      let text = "";
      for (let n = seed; n > 0; n = Math.floor(n / controls.length)) text += controls[n % controls.length];
      expect({ text, balanced: balanced(isolateBidi(text)) }).toEqual({ text, balanced: true });
    }
  });
});
