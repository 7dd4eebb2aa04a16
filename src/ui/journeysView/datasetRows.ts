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

const isTrue = (value: Raw) => value === true || value === 1 || value === "1" || value === "true";

/** Each column the list row holds, read into Web API shape (dates as ISO text, the status as its number), as the domain reads it. */
const READ_AS = {
  msdyncrm_name: (value: Raw) => String(value ?? ""),
  statuscode: numberOf,
  msdyncrm_startdatetime: isoOf,
  msdyncrm_enddatetime: isoOf,
  msdyncrm_isrecurring: isTrue,
  msdyncrm_recurrenceintervaldays: numberOf,
  msdyncrm_recurrencecount: numberOf,
  msdyncrm_validationresults: (value: Raw) => (typeof value === "string" ? value : null),
  modifiedon: isoOf,
} satisfies Record<Exclude<ViewColumn, "modifiedby">, (value: Raw) => unknown>;

/**
 * The record's values of the columns the dataset has, and none of the others: a stop compares those it holds
 * with the row as saved (src/dataverse/journeyConflict), so a column the user was not shown is not made up.
 */
function recordOf(record: DataSetRecord, id: string, names: [keyof typeof READ_AS, string][]): ListedJourney["record"] {
  const values = Object.fromEntries(names.map(([column, name]) => [column, READ_AS[column](record.getValue(name))]));
  return { ...(values as JourneyRecord), msdyncrm_customerjourneyid: id };
}

/** The dataset's journeys in its order (sortedRecordIds), each with its list row as of `now`. */
export function listedJourneys(dataset: DataSet, now: Date): ListedJourney[] {
  const modifiedBy = datasetColumn(dataset, "modifiedby")?.name;
  const names = (Object.keys(READ_AS) as (keyof typeof READ_AS)[]).flatMap((column) => {
    const name = datasetColumn(dataset, column)?.name;
    return name ? [[column, name] as [keyof typeof READ_AS, string]] : [];
  });
  return dataset.sortedRecordIds.flatMap((key) => {
    const record = dataset.records[key];
    if (!record) return [];
    const values = recordOf(record, normalisedGuid(record.getRecordId()), names);
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
