import type { EntityDefinition } from "../webapi/entities";
import type { HarnessWebApi, RetrievedPage } from "../xrm/webApiClient";

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type Column = ComponentFramework.PropertyHelper.DataSetApi.Column;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;
type SortStatus = ComponentFramework.PropertyHelper.DataSetApi.SortStatus;
type FilterExpression = ComponentFramework.PropertyHelper.DataSetApi.FilterExpression;
type ConditionExpression = ComponentFramework.PropertyHelper.DataSetApi.ConditionExpression;
type EntityReference = ComponentFramework.EntityReference;

/** A view's column as the view definition (layoutxml) gives it: the logical name and how wide it is. */
export interface ViewColumn {
  name: string;
  displayName: string;
  /** The manifest's `of-type` words: SingleLine.Text, OptionSet, DateAndTime.DateAndTime, Lookup.Simple, … */
  dataType: string;
  visualSizeFactor: number;
}

/** A system view: its table, its columns in order and its default sort. */
export interface ViewDefinition {
  id: string;
  title: string;
  entityName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  columns: readonly ViewColumn[];
  sorting: readonly SortStatus[];
}

/** A manifest `<property-set>` bound to a column of the table (the customizer's binding in the control's set-up). */
export interface PropertySetBinding {
  /** The property-set name: the column's alias in the dataset. */
  name: string;
  column: ViewColumn;
}

/**
 * The journeys view control's set-up on the view, as a customizer binds it: each property-set of its
 * manifest to a column of the table. A property-set not listed here is bound to the column of its own name.
 */
export const JOURNEYS_VIEW_BINDINGS: Readonly<Record<string, string>> = {
  journeyName: "msdyncrm_name",
  statusReason: "statuscode",
  startDate: "msdyncrm_startdatetime",
  endDate: "msdyncrm_enddatetime",
  isRecurring: "msdyncrm_isrecurring",
  recurrenceInterval: "msdyncrm_recurrenceintervaldays",
  recurrenceCount: "msdyncrm_recurrencecount",
  checkResults: "msdyncrm_validationresults",
  modifiedOn: "modifiedon",
  modifiedBy: "modifiedby",
};

/**
 * The manifest's property-sets bound to the table's columns (`bindings`, else the column of the same
 * name; a lookup by its name, `modifiedby`): the view's own column where the view has it. A property-set
 * with no such column stays unbound and is left out.
 */
export function bindPropertySets(
  propertySets: readonly { name: string; ofType: string }[],
  view: ViewDefinition,
  entity: Pick<EntityDefinition, "columns" | "lookups">,
  bindings: Readonly<Record<string, string>> = {},
): PropertySetBinding[] {
  return propertySets.flatMap(({ name, ofType }) => {
    const logical = bindings[name] ?? name.toLowerCase();
    const inView = view.columns.find((column) => column.name === logical);
    if (inView) return [{ name, column: inView }];
    const known = logical in entity.columns || entity.lookups.some((lookup) => lookup.column === `_${logical}_value`);
    return known
      ? [{ name, column: { name: logical, displayName: name, dataType: ofType, visualSizeFactor: 100 } }]
      : [];
  });
}

const SORT_DESCENDING = 1;

/**
 * "All customer journeys": the view the journeys grid opens on, columns as a model-driven view has them.
 * All, not Active: an Expired journey is inactive (statecode 1) and the view shows every status.
 */
export const ALL_JOURNEYS_VIEW: ViewDefinition = {
  id: "{6a1f2e3d-4c5b-4a69-8b7c-0d1e2f3a4b5c}",
  title: "All customer journeys",
  entityName: "msdyncrm_customerjourney",
  entitySetName: "msdyncrm_customerjourneys",
  primaryIdAttribute: "msdyncrm_customerjourneyid",
  primaryNameAttribute: "msdyncrm_name",
  columns: [
    { name: "msdyncrm_name", displayName: "Name", dataType: "SingleLine.Text", visualSizeFactor: 200 },
    { name: "statuscode", displayName: "Status Reason", dataType: "OptionSet", visualSizeFactor: 100 },
    {
      name: "msdyncrm_startdatetime",
      displayName: "Start date and time",
      dataType: "DateAndTime.DateAndTime",
      visualSizeFactor: 125,
    },
    {
      name: "msdyncrm_enddatetime",
      displayName: "End date and time",
      dataType: "DateAndTime.DateAndTime",
      visualSizeFactor: 125,
    },
    { name: "modifiedon", displayName: "Modified On", dataType: "DateAndTime.DateAndTime", visualSizeFactor: 125 },
    { name: "modifiedby", displayName: "Modified By", dataType: "Lookup.Simple", visualSizeFactor: 125 },
  ],
  sorting: [{ name: "modifiedon", sortDirection: SORT_DESCENDING }],
};

export interface DatasetOptions {
  webApi: HarnessWebApi;
  view: ViewDefinition;
  propertySets?: readonly PropertySetBinding[];
  /** The user's locale, for the formatted dates (the platform formats them in the user's settings). */
  locale: string;
  /** Called whenever the dataset changed (loading began, data or an error arrived): the host calls updateView. */
  onChange(): void;
  /** openDatasetItem: what the grid does when a record is opened (the form of that record). */
  openRecord(reference: EntityReference): void;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 50;

const isLookup = (column: ViewColumn) => column.dataType.startsWith("Lookup.");
/** The Web API property of a column: `_x_value` for a lookup. */
const webName = (column: ViewColumn) => (isLookup(column) ? `_${column.name}_value` : column.name);
const FORMATTED = "@OData.Community.Display.V1.FormattedValue";
const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

/** The dataset's columns: the view's in order, then property-set columns the view lacks (order -1, hidden). */
function datasetColumns(view: ViewDefinition, propertySets: readonly PropertySetBinding[]): Column[] {
  const aliasOf = (name: string) => propertySets.find((set) => set.column.name === name)?.name ?? name;
  const columns: Column[] = view.columns.map((column, order) => ({
    ...column,
    alias: aliasOf(column.name),
    order,
    isPrimary: column.name === view.primaryNameAttribute,
  }));
  for (const set of propertySets) {
    if (!view.columns.some((column) => column.name === set.column.name))
      columns.push({ ...set.column, alias: set.name, order: -1, isHidden: true });
  }
  return columns;
}

/** An OData literal for a condition value: numbers, booleans and ids bare, text quoted. */
function literal(column: ViewColumn | undefined, value: unknown): string {
  if (value === null || value === undefined) return "null";
  const bare =
    column &&
    (isLookup(column) || /^(OptionSet|TwoOptions|Whole\.|Decimal|FP|Currency|DateAndTime\.)/.test(column.dataType));
  const text = String(value);
  return bare ? text : `'${text.replace(/'/g, "''")}'`;
}

const OPERATORS: Readonly<Record<number, string>> = { 0: "eq", 1: "ne", 2: "gt", 3: "lt", 4: "ge", 5: "le" };
const CONDITION_NULL = 12;
const CONDITION_IN = 8;

/** The $filter of a dataset filter expression: the operators of the list above, In and Null. */
function filterText(expression: FilterExpression, columns: readonly ViewColumn[]): string {
  const condition = ({ attributeName, conditionOperator, value }: ConditionExpression): string => {
    const column = columns.find((c) => c.name === attributeName);
    const name = column ? webName(column) : attributeName;
    if (conditionOperator === CONDITION_NULL) return `${name} eq null`;
    if (conditionOperator === CONDITION_IN) {
      const values = Array.isArray(value) ? value : [value];
      return `(${values.map((v: unknown) => `${name} eq ${literal(column, v)}`).join(" or ")})`;
    }
    const operator = OPERATORS[conditionOperator];
    if (!operator)
      throw new Error(`The harness's dataset does not filter with condition operator ${conditionOperator}.`);
    return `${name} ${operator} ${literal(column, value)}`;
  };
  const parts = [
    ...expression.conditions.map(condition),
    ...(expression.filters ?? []).map((inner) => filterText(inner, columns)),
  ].filter(Boolean);
  return parts.length > 1 ? `(${parts.join(expression.filterOperator === 1 ? " or " : " and ")})` : (parts[0] ?? "");
}

/** A record of the page as the platform's grid gives it: typed values, the server's formatted values. */
function entityRecord(
  row: Record<string, unknown>,
  view: ViewDefinition,
  columns: readonly Column[],
  dateFormat: Intl.DateTimeFormat,
): EntityRecord {
  const id = String(row[view.primaryIdAttribute]);
  const columnOf = (name: string) => columns.find((column) => column.name === name || column.alias === name);
  const reference = (column: Column): EntityReference | null => {
    const raw = row[webName(column)];
    if (raw === null || raw === undefined) return null;
    const key = webName(column);
    return {
      id: { guid: String(raw) },
      etn: String(row[key + LOOKUP_TABLE] ?? ""),
      name: String(row[key + FORMATTED] ?? ""),
    };
  };
  return {
    getRecordId: () => id,
    getNamedReference: () => ({
      id: { guid: id },
      etn: view.entityName,
      name: String(row[view.primaryNameAttribute] ?? ""),
    }),
    getValue(name) {
      const column = columnOf(name);
      if (!column) return null as unknown as string;
      if (isLookup(column)) return reference(column) as EntityReference;
      const raw = row[column.name];
      if (raw === null || raw === undefined) return null as unknown as string;
      return (column.dataType.startsWith("DateAndTime.") ? new Date(String(raw)) : raw) as string;
    },
    getFormattedValue(name) {
      const column = columnOf(name);
      if (!column) return "";
      if (isLookup(column)) return reference(column)?.name ?? "";
      const raw = row[column.name];
      if (raw === null || raw === undefined) return "";
      if (column.dataType.startsWith("DateAndTime.")) return dateFormat.format(new Date(String(raw)));
      return String(row[column.name + FORMATTED] ?? raw);
    },
  };
}

/** The records of one or more pages, in the order the server sent them. */
interface Loaded {
  records: Record<string, EntityRecord>;
  sortedRecordIds: string[];
}

/** A page's records after those already loaded (`before`, when the page is appended), or on their own. */
function withRecords(before: Loaded | undefined, page: readonly EntityRecord[]): Loaded {
  const loaded: Loaded = before
    ? { records: { ...before.records }, sortedRecordIds: [...before.sortedRecordIds] }
    : { records: {}, sortedRecordIds: [] };
  for (const record of page) {
    const id = record.getRecordId();
    if (!loaded.records[id]) loaded.sortedRecordIds.push(id);
    loaded.records[id] = record;
  }
  return loaded;
}

/** The dataset's `filtering`: the expression a control sets, applied on the next refresh. */
function columnFilter() {
  let expression: FilterExpression | null = null;
  const filtering: ComponentFramework.PropertyHelper.DataSetApi.Filtering = {
    getFilter: () => expression ?? { filterOperator: 0, conditions: [], filters: [] },
    setFilter: (set) => void (expression = set),
    clearFilter: () => void (expression = null),
  };
  return { filtering, current: () => expression };
}

/** The query of the view's columns, in the dataset's sort, through its filter, counting the matches. */
function datasetQuery(
  view: ViewDefinition,
  columns: readonly Column[],
  sorting: readonly SortStatus[],
  filter: FilterExpression | null,
): string {
  const select = [view.primaryIdAttribute, ...columns.map(webName)].filter((c, i, all) => all.indexOf(c) === i);
  const orderby = sorting
    .map((sort) => {
      const column = columns.find((c) => c.name === sort.name);
      return `${column ? webName(column) : sort.name} ${sort.sortDirection === SORT_DESCENDING ? "desc" : "asc"}`;
    })
    .join(",");
  const where = filter ? filterText(filter, columns) : "";
  return `?$select=${select.join(",")}${orderby ? `&$orderby=${orderby}` : ""}${where ? `&$filter=${where}` : ""}&$count=true`;
}

/**
 * `context.parameters.<dataset>` as a model-driven grid gives it, over the emulated org's Web API: the
 * view's columns, its records a page at a time (`loadNextPage` appends, as in model-driven apps;
 * `loadExactPage` replaces), sorting and filtering applied on `refresh()`, the selection, and opening a record.
 */
export function createDataset(options: DatasetOptions): DataSet {
  const { webApi, view } = options;
  const columns = datasetColumns(view, options.propertySets ?? []);
  const dateFormat = new Intl.DateTimeFormat(options.locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const filter = columnFilter();
  let selected: string[] = [];
  let nextLink: string | undefined;
  let pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  /** The page size of the pages loaded: setPageSize applies from the next refresh. */
  let loadedPageSize = pageSize;
  /** Answers to earlier requests that arrive after a newer one started are dropped. */
  let generation = 0;

  const query = () => datasetQuery(view, columns, dataset.sorting, filter.current());

  const load = async (
    request: () => Promise<RetrievedPage>,
    pages: { first: number; last: number },
    append: boolean,
  ) => {
    const mine = ++generation;
    dataset.loading = true;
    options.onChange();
    try {
      const page = await request();
      if (mine !== generation) return;
      const records = page.entities.map((row) => entityRecord(row, view, columns, dateFormat));
      nextLink = page.nextLink;
      Object.assign(dataset, withRecords(append ? dataset : undefined, records), { error: false, errorMessage: "" });
      Object.assign(dataset.paging, {
        totalResultCount: page.count ?? -1,
        firstPageNumber: append ? dataset.paging.firstPageNumber : pages.first,
        lastPageNumber: pages.last,
        hasNextPage: nextLink !== undefined,
        hasPreviousPage: (append ? dataset.paging.firstPageNumber : pages.first) > 1,
      });
    } catch (error) {
      if (mine !== generation) return;
      dataset.error = true;
      dataset.errorMessage = (error as Error).message ?? String(error);
    }
    dataset.loading = false;
    options.onChange();
  };

  const loadPage = (pageNumber: number) => {
    loadedPageSize = pageSize;
    const cookie = encodeURIComponent(`<cookie pagenumber="${pageNumber}" istracking="False" />`);
    const request = query() + (pageNumber > 1 ? `&$skiptoken=${cookie}` : "");
    void load(
      () => webApi.retrieveMultipleRecords(view.entityName, request, loadedPageSize),
      { first: pageNumber, last: pageNumber },
      false,
    );
  };

  const dataset: DataSet = {
    columns,
    records: {},
    sortedRecordIds: [],
    sorting: [...view.sorting],
    // Nothing is loaded before the host's first refresh: the control shows it loading, not empty.
    loading: true,
    error: false,
    errorMessage: "",
    filtering: filter.filtering,
    linking: { getLinkedEntities: () => [], addLinkedEntity: () => undefined },
    paging: {
      totalResultCount: -1,
      firstPageNumber: 1,
      lastPageNumber: 1,
      pageSize,
      hasNextPage: false,
      hasPreviousPage: false,
      setPageSize(size: number) {
        pageSize = size;
        dataset.paging.pageSize = size;
      },
      reset() {
        dataset.paging.firstPageNumber = 1;
        dataset.paging.lastPageNumber = 1;
      },
      loadNextPage(loadOnlyNewPage?: boolean) {
        const link = nextLink;
        if (link === undefined) return;
        const next = dataset.paging.lastPageNumber + 1;
        void load(
          () => webApi.retrieveMultipleRecords(view.entityName, new URL(link).search, loadedPageSize),
          { first: next, last: next },
          !loadOnlyNewPage,
        );
      },
      loadPreviousPage() {
        if (dataset.paging.firstPageNumber > 1) loadPage(dataset.paging.firstPageNumber - 1);
      },
      loadExactPage: (pageNumber: number) => loadPage(pageNumber),
    },
    refresh: () => loadPage(1),
    getSelectedRecordIds: () => [...selected],
    setSelectedRecordIds: (ids) => void (selected = ids.filter((id) => id in dataset.records)),
    clearSelectedRecordIds: () => void (selected = []),
    getTargetEntityType: () => view.entityName,
    getTitle: () => view.title,
    getViewId: () => view.id,
    openDatasetItem: (reference) => options.openRecord(reference),
  };
  return dataset;
}
