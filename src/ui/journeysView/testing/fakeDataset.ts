import { VIEW_COLUMNS, type ViewColumn } from "../datasetRows";

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type Column = ComponentFramework.PropertyHelper.DataSetApi.Column;

/** A journey as the host's dataset holds it: raw values by logical name (dates as Date) and formatted ones. */
export interface FakeRecord {
  id: string;
  values: Partial<Record<ViewColumn, string | number | boolean | Date | null>>;
  formatted?: Partial<Record<ViewColumn, string>>;
}

export interface FakeDatasetOptions {
  /** The view's columns (by default all of VIEW_COLUMNS, as the view's own); others come as property-sets. */
  viewColumns?: ViewColumn[];
  hasNextPage?: boolean;
  totalResultCount?: number;
}

/**
 * A `ComponentFramework.PropertyTypes.DataSet`-shaped object over records: columns, sortedRecordIds, paging,
 * sorting and the methods the view calls, as jest mocks. Columns the view lacks come bound through the
 * manifest's property-sets (named by their alias, as the host names them).
 */
export function fakeDataset(records: FakeRecord[], options: FakeDatasetOptions = {}) {
  const viewColumns = new Set(options.viewColumns ?? (Object.keys(VIEW_COLUMNS) as ViewColumn[]));
  const columns: Column[] = (Object.keys(VIEW_COLUMNS) as ViewColumn[]).map((name, order) => ({
    name,
    displayName: viewColumns.has(name) ? `View's ${name}` : "",
    alias: viewColumns.has(name) ? name : VIEW_COLUMNS[name],
    dataType: "SingleLine.Text",
    order,
    visualSizeFactor: 1,
  }));
  let selected: string[] = [];
  const entityRecords = Object.fromEntries(
    records.map((record) => [
      record.id,
      {
        getRecordId: () => record.id,
        getValue: (column: string) => record.values[column as ViewColumn] ?? null,
        getFormattedValue: (column: string) => record.formatted?.[column as ViewColumn] ?? "",
        getNamedReference: () => ({ id: { guid: record.id }, etn: "msdyncrm_customerjourney", name: "" }),
      },
    ]),
  );
  const dataset = {
    columns,
    error: false,
    errorMessage: "",
    loading: false,
    records: entityRecords,
    sortedRecordIds: records.map((record) => record.id),
    sorting: [] as DataSet["sorting"],
    paging: {
      totalResultCount: options.totalResultCount ?? records.length,
      firstPageNumber: 1,
      lastPageNumber: 1,
      pageSize: 5000,
      hasNextPage: options.hasNextPage ?? false,
      hasPreviousPage: false,
      loadNextPage: jest.fn(),
      loadPreviousPage: jest.fn(),
      reset: jest.fn(),
      setPageSize: jest.fn(),
      loadExactPage: jest.fn(),
    },
    filtering: {} as DataSet["filtering"],
    linking: {} as DataSet["linking"],
    refresh: jest.fn(),
    openDatasetItem: jest.fn(),
    setSelectedRecordIds: jest.fn((ids: string[]) => void (selected = ids)),
    getSelectedRecordIds: () => selected,
    clearSelectedRecordIds: () => void (selected = []),
    getTargetEntityType: () => "msdyncrm_customerjourney",
    getTitle: () => "Active customer journeys",
    getViewId: () => "00000000-0000-0000-0000-000000000001",
  };
  return dataset as typeof dataset & DataSet;
}
