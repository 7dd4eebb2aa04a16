import { parseJsonText, Unreadable } from "./jsonText";
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

describe("parseJsonText", () => {
  it("reads JSON", () => {
    expect(parseJsonText('[{"a":1}]', "Definition")).toEqual([{ a: 1 }]);
  });

  it("says a text is not JSON in the product's words, never with the browser's parser message", () => {
    expect(findingOf('[{"ActivityId":"1",}]')).toEqual({
      activityId: "",
      fault: "DefinitionNotJson",
      severity: "Error",
      args: [],
      source: "local",
    });
    expect(parseDefinition("[{]").findings).toMatchObject([{ fault: "DefinitionNotJson", args: [] }]);
  });

  it("tells a blank text from one that is not JSON", () => {
    expect(findingOf("  \n")).toMatchObject({ fault: "DefinitionEmpty" });
  });
});
