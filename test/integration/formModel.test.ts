import { SEED_IDS } from "../../harness/seed/seedData";
import { JourneyForm, SAVE_MODE, type ExecutionContext, type SaveEventArgs } from "../../harness/page/formModel";
import { JOURNEY_FIELDS } from "../../harness/page/journeyFields";
import { createWebApiClient } from "../../harness/xrm/webApiClient";
import { json, useHarness, type Json } from "./testing/harnessFixture";

const ENTITY = "msdyncrm_customerjourney";

// The form page's form model against the emulated org: what a form script sees through formContext.
describe("the harness form model", () => {
  const org = useHarness();
  const changes: string[] = [];
  const openForm = async (id: string = SEED_IDS.journeys.seedPatch, asyncSaveTimeoutMs?: number) => {
    const form = new JourneyForm(
      {
        webApi: createWebApiClient({ baseUrl: org.api() }),
        entityName: ENTITY,
        id,
        formType: 2,
        close: () => changes.push("closed"),
        onChange: (kind) => changes.push(kind),
        asyncSaveTimeoutMs,
      },
      JOURNEY_FIELDS,
    );
    await form.load();
    return form;
  };
  const row = async (id: string = SEED_IDS.journeys.seedPatch): Promise<Json> =>
    json(
      await fetch(
        `${org.api()}msdyncrm_customerjourneys(${id})?$select=msdyncrm_name,msdyncrm_enddatetime,_msdyncrm_suppressionsegmentid_value,statuscode`,
      ),
    );
  const patches = async () =>
    ((await json(await fetch(`${org.url}/_harness/log`))) as unknown as Json[]).filter((e) => e.method === "PATCH");

  beforeEach(() => {
    changes.length = 0;
  });

  test("values come typed as the Client API gives them: Date, lookup arrays with braced ids, numbers", async () => {
    const form = (await openForm(SEED_IDS.journeys.seedValidate)).context;
    expect(form.getAttribute("msdyncrm_startdatetime")?.getValue()).toEqual(new Date("2019-02-08T11:48:00Z"));
    expect(form.getAttribute("msdyncrm_suppressionsegmentid")?.getValue()).toEqual([
      {
        id: `{${SEED_IDS.segments.suppression.toUpperCase()}}`,
        name: "Suppression list",
        entityType: "msdyncrm_segment",
      },
    ]);
    expect(form.getAttribute("statuscode")?.getValue()).toBe(192350000);
    expect(form.getAttribute("statuscode")?.getText()).toBe("Draft");
    expect(form.data.entity.getId()).toBe(`{${SEED_IDS.journeys.seedValidate.toUpperCase()}}`);
    expect(form.getAttribute("msdyncrm_nothing")).toBeNull();
  });

  test("save sends only the dirty fields (lookups as binds, dates as ISO) and re-reads the record", async () => {
    const form = (await openForm()).context;
    await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
    form.getAttribute("msdyncrm_name")?.setValue("Renamed on the form");
    form.getAttribute("msdyncrm_enddatetime")?.setValue(new Date("2027-03-01T10:00:00Z"));
    form
      .getAttribute("msdyncrm_suppressionsegmentid")
      ?.setValue([
        { id: `{${SEED_IDS.segments.suppression.toUpperCase()}}`, name: "", entityType: "msdyncrm_segment" },
      ]);
    expect(form.data.entity.getIsDirty()).toBe(true);
    await form.data.save();
    expect(await patches()).toHaveLength(1);
    const saved = await row();
    expect(saved.msdyncrm_name).toBe("Renamed on the form");
    expect(saved.msdyncrm_enddatetime).toBe("2027-03-01T10:00:00Z");
    expect(saved._msdyncrm_suppressionsegmentid_value).toBe(SEED_IDS.segments.suppression);
    expect(form.data.entity.getIsDirty()).toBe(false);
    expect(changes).toContain("record");
  });

  test("a double click saves once", async () => {
    const form = (await openForm()).context;
    await fetch(`${org.url}/_harness/log`, { method: "DELETE" });
    form.getAttribute("msdyncrm_name")?.setValue("Once");
    await Promise.all([form.data.save(), form.data.save()]);
    expect(await patches()).toHaveLength(1);
  });

  test("an async OnSave handler is awaited; preventDefault cancels the save and rejects", async () => {
    const model = await openForm();
    const form = model.context;
    const order: string[] = [];
    model.addOnSaveHandler(async (context: ExecutionContext) => {
      const args = context.getEventArgs() as SaveEventArgs;
      expect(args.getSaveMode()).toBe(SAVE_MODE.Save);
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push("handler done");
      if (context.getFormContext().getAttribute("msdyncrm_name")?.getValue() === "Blocked") args.preventDefault();
    });
    form.getAttribute("msdyncrm_name")?.setValue("Allowed");
    await form.data.save().then(() => order.push("saved"));
    expect(order).toEqual(["handler done", "saved"]);
    expect((await row()).msdyncrm_name).toBe("Allowed");

    form.getAttribute("msdyncrm_name")?.setValue("Blocked");
    await expect(form.data.save()).rejects.toMatchObject({ message: expect.stringMatching(/cancelled/) });
    expect((await row()).msdyncrm_name).toBe("Allowed");
    expect(form.getAttribute("msdyncrm_name")?.getIsDirty()).toBe(true);
  });

  test("an async OnSave handler that outlives the timeout cancels the save unless it disabled the timeout", async () => {
    const model = await openForm(SEED_IDS.journeys.seedPatch, 100);
    let disable = false;
    model.addOnSaveHandler((context: ExecutionContext) => {
      if (disable) (context.getEventArgs() as SaveEventArgs).disableAsyncTimeout();
      return new Promise((resolve) => setTimeout(resolve, 250));
    });
    model.context.getAttribute("msdyncrm_name")?.setValue("Slow");
    await expect(model.context.data.save()).rejects.toMatchObject({ errorCode: 0 });
    expect(model.notifications.get("harness-save-cancelled")?.message).toMatch(/did not finish/);
    disable = true;
    await model.context.data.save();
    expect((await row()).msdyncrm_name).toBe("Slow");
  });

  test("a refused save keeps the edits, notifies, rejects with the server's error and tells PostSave", async () => {
    const model = await openForm();
    const postSave: boolean[] = [];
    model.context.data.entity.addOnPostSave((context: ExecutionContext) => {
      postSave.push((context.getEventArgs() as { getIsSaveSuccess(): boolean }).getIsSaveSuccess());
    });
    model.context.getAttribute("statuscode")?.setValue(192350001);
    await expect(model.context.data.save()).rejects.toMatchObject({ errorCode: 0x80040203, status: 400 });
    expect(model.notifications.get("harness-save-failed")?.level).toBe("ERROR");
    expect(model.context.getAttribute("statuscode")?.getValue()).toBe(192350001);
    model.context.getAttribute("statuscode")?.setValue(192350006);
    await model.context.data.save();
    expect(postSave).toEqual([false, true]);
    expect((await row()).statuscode).toBe(192350006);
  });

  test("setValue does not fire OnChange, fireOnChange does; submit mode never keeps a field out of the save", async () => {
    const model = await openForm();
    const form = model.context;
    const fired: string[] = [];
    const name = form.getAttribute("msdyncrm_name");
    name?.addOnChange((context: ExecutionContext) =>
      fired.push(String(context.getFormContext().getAttribute("msdyncrm_name")?.getValue())),
    );
    name?.setValue("Quiet");
    expect(fired).toEqual([]);
    name?.fireOnChange();
    expect(fired).toEqual(["Quiet"]);
    name?.setSubmitMode("never");
    await form.data.save();
    expect((await row()).msdyncrm_name).toBe("Spring newsletter");
  });

  test("refresh re-reads what others changed and runs data OnLoad handlers; notifications and controls", async () => {
    const model = await openForm();
    const form = model.context;
    let loads = 0;
    form.data.addOnLoad(() => loads++);
    await fetch(`${org.api()}msdyncrm_customerjourneys(${SEED_IDS.journeys.seedPatch})`, {
      method: "PATCH",
      body: JSON.stringify({ msdyncrm_name: "Changed elsewhere" }),
    });
    await form.data.refresh(false);
    expect(form.getAttribute("msdyncrm_name")?.getValue()).toBe("Changed elsewhere");
    expect(loads).toBe(1);

    form.ui.setFormNotification("Heads up", "WARNING", "n1");
    expect([...model.notifications.keys()]).toContain("n1");
    expect(form.ui.clearFormNotification("n1")).toBe(true);
    expect(model.notifications.size).toBe(0);
    form.getControl("msdyncrm_name")?.setDisabled(true);
    expect(form.getAttribute("msdyncrm_name")?.controls.get()[0].getDisabled()).toBe(true);
    form.ui.close();
    expect(changes).toContain("closed");
  });
});
