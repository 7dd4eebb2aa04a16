/** @jest-environment jsdom */
import { createElement } from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import type { RecordName } from "../dataverse/recordNames";
import { RecordLinks } from "./RecordLink";
import { localiserFor } from "./strings";
import { resxStrings } from "./testing/resxStrings";

const SEGMENT = "3f1d2c4b-0000-4000-8000-000000000101";
const EMAIL = "3f1d2c4b-0000-4000-8000-000000000201";

function renderLinks(names: [string, RecordName][], languageId: 1033 | 1031 = 1033) {
  const open = jest.fn();
  render(
    <RecordLinks
      records={[
        { table: "msdyncrm_segment", id: SEGMENT },
        { table: "msdyncrm_marketingemail", id: EMAIL },
      ]}
      access={{ names: new Map(names), open }}
      localise={localiserFor(resxStrings(languageId).getString, languageId)}
    />,
  );
  return open;
}

describe("record links", () => {
  test("a record found shows its name, and a click asks to open that record", () => {
    const open = renderLinks([[SEGMENT, { name: "New prospects (draft)" }]]);
    fireEvent.click(screen.getByRole("button", { name: "New prospects (draft)" }));
    expect(open).toHaveBeenCalledWith("msdyncrm_segment", SEGMENT);
    // Not looked up yet: the id, as a link all the same.
    fireEvent.click(screen.getByRole("button", { name: EMAIL }));
    expect(open).toHaveBeenLastCalledWith("msdyncrm_marketingemail", EMAIL);
  });

  test("a record not found stays visible as its id, marked, and is no link", () => {
    renderLinks([[SEGMENT, { missing: "notFound" }]]);
    expect(screen.getByText(`${SEGMENT} (not found)`)).toBeTruthy();
    expect(screen.queryByRole("button", { name: new RegExp(SEGMENT) })).toBeNull();
  });

  test("a failed lookup never claims not found: the id stays a link, marked as not loaded; no access says so", () => {
    renderLinks(
      [
        [SEGMENT, { missing: "forbidden" }],
        [EMAIL, { missing: "failed" }],
      ],
      1031,
    );
    expect(screen.getByText(`${SEGMENT} (kein Zugriff)`)).toBeTruthy();
    expect(screen.getByRole("button", { name: `${EMAIL} (Name nicht geladen)` })).toBeTruthy();
    expect(screen.queryByText(/nicht gefunden/)).toBeNull();
  });

  test("a name is isolated from the text around it", () => {
    renderLinks([[SEGMENT, { name: "\u202Eevil" }]]);
    expect(screen.getByText("\u202Eevil").tagName).toBe("BDI");
  });
});
