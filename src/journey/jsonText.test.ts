import { jsonErrorOffset, parseJsonText, Unreadable } from "./jsonText";
import { parseDefinition } from "./workflowDefinition";

/** The finding parseJsonText stops with. */
function findingOf(text: string) {
  try {
    parseJsonText(text, "Definition");
  } catch (error) {
    if (error instanceof Unreadable) return error.finding;
  }
  throw new Error(`${text} was read as JSON`);
}

describe("where a text stops being JSON", () => {
  it.each([
    ['[{"ActivityId":"1",}]', 19, "a comma before a closing brace"],
    ["[1,]", 3, "a comma before a closing bracket"],
    ['{"a":}', 5, "a key without a value"],
    ['{"a" 1}', 5, "a key without its colon"],
    ["{a:1}", 1, "a key without quotes"],
    ["[1 2]", 3, "two values without a comma"],
    ['[{"a":1}]x', 9, "text after the document"],
    ['[{"a":1}', 8, "a document that ends too early"],
    ['["abc', 1, "a string that never ends"],
    ["[tru]", 1, "a misspelt literal"],
    ["[01]", 2, "a number with a leading zero"],
    ["[1}", 2, "a closer of the wrong kind"],
    ["\n\n  [\u00a0]", 5, "white space JSON does not allow"],
    ['["a\tb"]', 1, "a control character inside a string"],
  ])("%s goes wrong at offset %i (%s)", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it("finds the first wrong character however deep it sits, and stops nowhere in JSON that is whole", () => {
    const valid = JSON.stringify([{ a: [1, -2.5e3, true, null, { 'b"\\u': "\u00e9\u2028" }], c: {} }, [], ""]);
    expect(jsonErrorOffset(`${valid}@`)).toBe(valid.length);
    expect(jsonErrorOffset(valid.replace("true", "ture"))).toBe(valid.indexOf("true"));
    const deep = `${"[".repeat(5000)}1,]${"]".repeat(4999)}`;
    expect(jsonErrorOffset(deep)).toBe(5002);
  });

  it("tells the user the 1-based character, never the browser's parser message", () => {
    const finding = findingOf('[{"ActivityId":"1",}]');
    expect(finding).toMatchObject({ fault: "DefinitionNotJson", args: ["20"] });
    expect(findingOf("[1,")).toMatchObject({ args: ["4"] });
    expect(parseDefinition("[{]").findings).toMatchObject([{ fault: "DefinitionNotJson", args: ["3"] }]);
  });
});
