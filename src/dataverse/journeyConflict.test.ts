import { CONTENT_COLUMNS, isConflict, type RowVersion } from "./journeyConflict";
import type { JourneyRecord } from "../journey/types";
import { journeyRow } from "./testing/fakeWebApi";

const loaded: RowVersion = { status: 192350001, etag: 'W/"1"', modifiedOn: "2030-01-10T09:00:00Z" };
const saved = (changes: Record<string, unknown> = {}) => ({ ...journeyRow({ statuscode: 192350001 }), ...changes });
const newer: RowVersion = { status: 192350001, etag: 'W/"2"', modifiedOn: "2030-01-10T09:05:00Z" };

describe("isConflict", () => {
  test("an unchanged version is never a conflict, even with unsaved changes", () => {
    expect(
      isConflict(loaded, { ...loaded }, saved(), { values: saved({ msdyncrm_name: "typed" }), isDirty: true }),
    ).toBe(false);
  });

  test("a different status is always a conflict", () => {
    expect(isConflict(loaded, { ...loaded, status: 192350007 }, saved(), { values: saved(), isDirty: false })).toBe(
      true,
    );
  });

  test("each content column changed by someone else is a conflict", () => {
    for (const column of CONTENT_COLUMNS) {
      const seen = saved();
      const fresh = saved({
        [column]: column.endsWith("datetime")
          ? "2031-01-01T00:00:00Z"
          : column.endsWith("_value")
            ? "3f1d2c4b-0000-4000-8000-000000000999"
            : 7,
      });
      expect([column, isConflict(loaded, newer, fresh, { values: seen, isDirty: false })]).toEqual([column, true]);
    }
  });

  test("a newer version with the content the user sees is not (their own save, or a change to other columns)", () => {
    const fresh = saved({ msdyncrm_validationresults: '{"Result":"Valid"}' });
    expect(isConflict(loaded, newer, fresh, { values: saved(), isDirty: false })).toBe(false);
  });

  test("a content column the seen values do not hold (a list row's) is not compared; those it holds are", () => {
    const { msdyncrm_name, msdyncrm_enddatetime } = journeyRow();
    const seen = { values: { msdyncrm_name, msdyncrm_enddatetime } as JourneyRecord, isDirty: false };
    expect(isConflict(loaded, newer, saved({ msdyncrm_workflowdefinition: "{}" }), seen)).toBe(false);
    expect(isConflict(loaded, newer, saved({ msdyncrm_name: "Renamed" }), seen)).toBe(true);
    expect(isConflict(loaded, newer, saved({ msdyncrm_enddatetime: null }), seen)).toBe(true);
  });

  test("the same instant and the same id in other spellings are the same value", () => {
    const seen = saved({
      msdyncrm_startdatetime: "2030-02-08T11:48:00.000Z",
      _msdyncrm_contentsettingsid_value: "{1922B1D8-0523-E911-A9BA-000D3A1E689F}",
      msdyncrm_recurrencecount: undefined,
    });
    const fresh = saved({ msdyncrm_startdatetime: "2030-02-08T11:48:00Z", msdyncrm_recurrencecount: null });
    expect(isConflict(loaded, newer, fresh, { values: seen, isDirty: false })).toBe(false);
  });

  test("without ETags the modifiedon instant decides whether the row was saved", () => {
    const noEtag = { status: loaded.status, modifiedOn: loaded.modifiedOn };
    const changed = saved({ msdyncrm_name: "Renamed" });
    expect(
      isConflict(noEtag, { ...noEtag, modifiedOn: "2030-01-10T09:00:00.000Z" }, changed, {
        values: saved(),
        isDirty: false,
      }),
    ).toBe(false);
    expect(
      isConflict(noEtag, { ...noEtag, modifiedOn: "2030-01-10T09:00:01Z" }, changed, {
        values: saved(),
        isDirty: false,
      }),
    ).toBe(true);
  });
});
