import fc from "fast-check";
import { parseSolutionDefinition, parseSolutionDefinitionText } from "./solutionDefinition";
import { SolutionInputError } from "./solutionInputError";
import { readProjectDefinition, type EditableDefinition } from "./testing/testFixture";

const real = readProjectDefinition;
const stringResources = (definition: EditableDefinition) =>
  definition.webResource.stringResources as Record<string, unknown>[];
const listed = (definition: EditableDefinition) => definition.controls as Record<string, unknown>[];

function problemsOf(edit: (definition: EditableDefinition) => void): string {
  const definition = real();
  edit(definition);
  try {
    parseSolutionDefinition(definition);
  } catch (error) {
    expect(error).toBeInstanceOf(SolutionInputError);
    return (error as Error).message;
  }
  throw new Error("expected the definition to be rejected");
}

describe("the project's solution.json", () => {
  it("defines the CustomerJourneyControl solution of the cjt publisher", () => {
    const definition = parseSolutionDefinition(real());
    expect(definition.uniqueName).toBe("CustomerJourneyControl");
    expect(definition.languages).toEqual([1033, 1031, 1036, 3082]);
    expect(definition.localizedNames[1031]).toBeTruthy();
    expect(definition.publisher).toMatchObject({
      uniqueName: "CustomerJourneyTools",
      prefix: "cjt",
      optionValuePrefix: 10427,
    });
    expect(definition.webResource.name).toBe("cjt_/customerjourney/form.js");
    expect(definition.webResource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("packs the form control and the dataset control, each from its pcf-scripts build folder", () => {
    expect(parseSolutionDefinition(real()).controls).toEqual([
      { inputManifest: "JourneyControl/ControlManifest.Input.xml", directory: "controls/JourneyControl" },
      { inputManifest: "JourneysView/ControlManifest.Input.xml", directory: "controls/JourneysView" },
    ]);
  });

  it("ships the form script's strings as one String (RESX) web resource per language", () => {
    const { stringResources } = parseSolutionDefinition(real()).webResource;
    expect(stringResources.map(({ name, languageCode, file }) => ({ name, languageCode, file }))).toEqual([
      {
        name: "cjt_/customerjourney/strings/form.1033.resx",
        languageCode: 1033,
        file: "webresources/strings/form.1033.resx",
      },
      {
        name: "cjt_/customerjourney/strings/form.1031.resx",
        languageCode: 1031,
        file: "webresources/strings/form.1031.resx",
      },
      {
        name: "cjt_/customerjourney/strings/form.1036.resx",
        languageCode: 1036,
        file: "webresources/strings/form.1036.resx",
      },
      {
        name: "cjt_/customerjourney/strings/form.3082.resx",
        languageCode: 3082,
        file: "webresources/strings/form.3082.resx",
      },
    ]);
    for (const resource of stringResources)
      expect(resource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe("rejecting a bad definition", () => {
  it("names a missing prefix", () => {
    expect(problemsOf((d) => delete d.publisher.prefix)).toContain("publisher.prefix is missing");
  });

  it.each(["c", "abcdefghi", "1abc", "mscrmx", "MSCRM", "cj-t", "cjt_"])("rejects the prefix %p", (prefix) => {
    expect(problemsOf((d) => (d.publisher.prefix = prefix))).toContain(
      `publisher.prefix "${prefix}" must be 2 to 8 letters or digits, start with a letter and not start with "mscrm"`,
    );
  });

  it.each(["ab", "abcdefgh", "cjt2", "Msx"])("accepts the prefix %p when the web resource name uses it", (prefix) => {
    const definition = real();
    definition.publisher.prefix = prefix;
    definition.webResource.name = `${prefix}_/customerjourney/form.js`;
    for (const resource of stringResources(definition))
      resource.name = String(resource.name).replace(/^cjt_/, `${prefix}_`);
    expect(parseSolutionDefinition(definition).publisher.prefix).toBe(prefix);
  });

  it.each([9999, 100000, 10427.5, "10427", -10427, null])("rejects the option value prefix %p", (value) => {
    expect(problemsOf((d) => (d.publisher.optionValuePrefix = value))).toContain(
      "publisher.optionValuePrefix must be a whole number from 10000 to 99999",
    );
  });

  it.each([10000, 99999])("accepts the option value prefix %p", (value) => {
    const definition = real();
    definition.publisher.optionValuePrefix = value;
    expect(parseSolutionDefinition(definition).publisher.optionValuePrefix).toBe(value);
  });

  it("rejects a string resource whose language is not the solution's or not its name's", () => {
    expect(problemsOf((d) => (stringResources(d)[1].languageCode = 1040))).toContain(
      "webResource.stringResources[1].languageCode must be one of the solution's languages (1033, 1031, 1036, 3082), got 1040",
    );
    expect(problemsOf((d) => (stringResources(d)[1].languageCode = 1033))).toContain(
      'webResource.stringResources[1].name "cjt_/customerjourney/strings/form.1031.resx" must end in ".1033.resx", its language',
    );
  });

  it("rejects a string resource without the prefix, with a bad id, or sharing an id", () => {
    expect(problemsOf((d) => (stringResources(d)[0].name = "new_/strings/form.1033.resx"))).toContain(
      'webResource.stringResources[0].name "new_/strings/form.1033.resx" must start with the publisher prefix "cjt_"',
    );
    expect(problemsOf((d) => (stringResources(d)[0].id = "x"))).toContain(
      'webResource.stringResources[0].id "x" is not a GUID',
    );
    expect(problemsOf((d) => (stringResources(d)[1].id = d.webResource.id))).toContain(
      "web resource id 7c90d214-6925-43fe-80e5-cf10fe83bebf is used more than once",
    );
  });

  it("lists every problem at once", () => {
    const message = problemsOf((d) => {
      d.uniqueName = "Customer Journey";
      d.publisher.optionValuePrefix = 5;
      d.webResource.id = "not-a-guid";
    });
    expect(message).toContain('uniqueName "Customer Journey" may hold only letters, digits and underscores');
    expect(message).toContain("publisher.optionValuePrefix must be a whole number from 10000 to 99999, got 5");
    expect(message).toContain('webResource.id "not-a-guid" is not a GUID');
  });

  it("requires the web resource to carry the publisher prefix", () => {
    expect(problemsOf((d) => (d.webResource.name = "new_/customerjourney/form.js"))).toContain(
      'must start with the publisher prefix "cjt_"',
    );
  });

  it("rejects web resource names Dataverse refuses", () => {
    expect(problemsOf((d) => (d.webResource.name = "cjt_//form.js"))).toContain(
      'webResource.name "cjt_//form.js" may hold only',
    );
  });

  it("requires a name in the base language", () => {
    expect(problemsOf((d) => delete d.localizedNames["1033"])).toContain(
      "localizedNames needs an entry for the base language 1033",
    );
  });

  it("rejects an introduced version that is not four-part", () => {
    expect(problemsOf((d) => (d.webResource.introducedVersion = "1.0"))).toContain("must have four numeric parts");
  });

  it("rejects paths leaving the build output", () => {
    expect(problemsOf((d) => (d.webResource.file = "../secrets.js"))).toContain(
      "must be a relative path inside the build output",
    );
  });

  it("rejects the old single-control form, saying what to write instead", () => {
    const message = problemsOf((d) => {
      delete d.controls;
      d.control = { directory: "controls/JourneyControl" };
    });
    expect(message).toContain(
      'control is the old single-control form: list the code components as controls, e.g. [{"inputManifest": "JourneyControl/ControlManifest.Input.xml", "directory": "controls/JourneyControl"}]',
    );
    expect(message).not.toContain("controls must be");
  });

  it.each([undefined, [], {}])("rejects controls given as %p", (controls) => {
    expect(problemsOf((d) => (d.controls = controls))).toContain(
      "controls must be a non-empty list of code components",
    );
  });

  it("rejects a control listed twice, by its source or its build folder", () => {
    expect(problemsOf((d) => (listed(d)[1].directory = "controls/JourneyControl"))).toContain(
      "controls: directory controls/JourneyControl is listed more than once",
    );
    expect(problemsOf((d) => (listed(d)[1] = { ...listed(d)[0] }))).toContain(
      "controls: inputManifest JourneyControl/ControlManifest.Input.xml is listed more than once",
    );
  });

  it("rejects a control without a source manifest or with a path leaving the tree", () => {
    expect(problemsOf((d) => delete listed(d)[1].inputManifest)).toContain("controls[1].inputManifest is missing");
    expect(problemsOf((d) => (listed(d)[0].directory = "../controls"))).toContain(
      'controls[0].directory "../controls" must be a relative path inside the build output',
    );
    expect(problemsOf((d) => ((d.controls as unknown[])[0] = "JourneyControl"))).toContain(
      "controls[0] must be an object (needs inputManifest and directory)",
    );
  });

  it("reports JSON syntax errors as a definition problem", () => {
    expect(() => parseSolutionDefinitionText("{ uniqueName: ", "solution.json")).toThrow(
      /Invalid solution.json:\n {2}- not valid JSON/,
    );
  });

  it("answers any JSON value with a typed definition or a SolutionInputError, never another error", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseSolutionDefinition(value);
        } catch (error) {
          return error instanceof SolutionInputError && (error as SolutionInputError).problems.length > 0;
        }
        return true;
      }),
    );
  });

  it("keeps a definition valid when only its texts change", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        (text) => {
          const definition = real();
          definition.localizedNames["1033"] = text;
          definition.webResource.displayName = text;
          return parseSolutionDefinition(definition).localizedNames[1033] === text;
        },
      ),
    );
  });
});
