import { journeyListRow, type JourneyListRow } from "../../journey/journeyListRow";
import type { JourneyRecord } from "../../journey/types";
import { normalisedGuid } from "../../journey/workflowDefinition";

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type DataSetRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

/**
 * The columns the view reads, by logical name, each with the manifest's property-set that brings it where the
 * view lacks it. A column is found in the dataset by its name or by that property-set (its alias).
 */
export const VIEW_COLUMNS = {
  msdyncrm_name: "journeyName",
  statuscode: "statusReason",
  msdyncrm_startdatetime: "startDate",
  msdyncrm_enddatetime: "endDate",
  msdyncrm_isrecurring: "isRecurring",
  msdyncrm_recurrenceintervaldays: "recurrenceInterval",
  msdyncrm_recurrencecount: "recurrenceCount",
  msdyncrm_validationresults: "checkResults",
  modifiedon: "modifiedOn",
  modifiedby: "modifiedBy",
} as const;
export type ViewColumn = keyof typeof VIEW_COLUMNS;

/** A journey of the dataset: its list row, its row as the list saw it, who changed it last and its reference. */
export interface ListedJourney {
  key: string;
  row: JourneyListRow;
  record: JourneyRecord & { msdyncrm_customerjourneyid: string };
  modifiedBy: string;
  reference: ComponentFramework.EntityReference;
}

/** The dataset's column for a view column: the view's own, else the property-set's; undefined when neither is there. */
export function datasetColumn(dataset: DataSet, column: ViewColumn) {
  return dataset.columns.find((candidate) => candidate.name === column || candidate.alias === VIEW_COLUMNS[column]);
}

type Raw = ReturnType<DataSetRecord["getValue"]> | null | undefined;

const isoOf = (value: Raw) =>
  value instanceof Date ? value.toISOString() : typeof value === "string" && value ? value : null;
const numberOf = (value: Raw) => (value === null || value === undefined || value === "" ? null : Number(value));

/** The record's values in Web API shape (dates as ISO text, the status as its number), as the domain reads them. */
function recordOf(dataset: DataSet, record: DataSetRecord, id: string): ListedJourney["record"] {
  const value = (column: ViewColumn): Raw => {
    const name = datasetColumn(dataset, column)?.name;
    return name ? record.getValue(name) : null;
  };
  const recurring = value("msdyncrm_isrecurring");
  const results = value("msdyncrm_validationresults");
  return {
    msdyncrm_customerjourneyid: id,
    msdyncrm_name: String(value("msdyncrm_name") ?? ""),
    statuscode: numberOf(value("statuscode")),
    msdyncrm_startdatetime: isoOf(value("msdyncrm_startdatetime")),
    msdyncrm_enddatetime: isoOf(value("msdyncrm_enddatetime")),
    msdyncrm_isrecurring: recurring === true || recurring === 1 || recurring === "1" || recurring === "true",
    msdyncrm_recurrenceintervaldays: numberOf(value("msdyncrm_recurrenceintervaldays")),
    msdyncrm_recurrencecount: numberOf(value("msdyncrm_recurrencecount")),
    msdyncrm_validationresults: typeof results === "string" ? results : null,
    modifiedon: isoOf(value("modifiedon")),
  };
}

/** The dataset's journeys in its order (sortedRecordIds), each with its list row as of `now`. */
export function listedJourneys(dataset: DataSet, now: Date): ListedJourney[] {
  const modifiedBy = datasetColumn(dataset, "modifiedby")?.name;
  return dataset.sortedRecordIds.flatMap((key) => {
    const record = dataset.records[key];
    if (!record) return [];
    const values = recordOf(dataset, record, normalisedGuid(record.getRecordId()));
    return [
      {
        key,
        row: journeyListRow(values, now),
        record: values,
        modifiedBy: modifiedBy ? record.getFormattedValue(modifiedBy) : "",
        reference: record.getNamedReference(),
      },
    ];
  });
}
