import type * as React from "react";
import type { IColumn } from "@fluentui/react";
import {
  CheckboxVisibility,
  createElement,
  DefaultButton,
  DetailsList,
  DetailsListLayoutMode,
  Link,
  ProgressIndicator,
  Selection,
  SelectionMode,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "../platform";
import type { JourneySnapshot } from "../../dataverse/journeyService";
import { inventoryCsv, inventoryJson, type CsvField, type InventoryWords } from "../../journey/inventory";
import { journeyListRow, type StoredCheck } from "../../journey/journeyListRow";
import { applyQuickFilter, QUICK_FILTERS, quickFilterCounts, type QuickFilter } from "../../journey/quickFilters";
import { JourneyStatus } from "../../journey/types";
import { ConfirmDialog } from "../ConfirmDialog";
import { Privilege } from "../journeyControlProps";
import { localiserFor, statusLabel, tileTypeLabel, type Localise } from "../strings";
import { STATUS_TONES, TONES } from "../styles";
import { datasetColumn, listedJourneys, type ListedJourney, type ViewColumn } from "./datasetRows";
import type { JourneysViewProps } from "./journeysViewProps";
import { useBulkAction, type BulkActionId, type RowResult } from "./useBulkAction";

type ExportFormat = "csv" | "json";

/** "Errors found: 2 errors, 1 warning", "No errors found". */
function checkText(check: StoredCheck, localise: Localise): string {
  const counts = [
    check.errors && localise("check.count.Error", check.errors),
    check.warnings && localise("check.count.Warning", check.warnings),
  ].filter(Boolean);
  const verdict = localise(`check.verdict.${check.verdict}`);
  return counts.length ? `${verdict}: ${counts.join(", ")}` : verdict;
}

function resultText(result: RowResult, localise: Localise): string {
  if (result.state === "checked") return checkText(result.check, localise);
  if (result.state === "failed") return localise(result.error.messageKey, ...result.error.args);
  return localise(`result.${result.state}`);
}

function exportWords(localise: Localise): InventoryWords {
  return {
    status: (code) => statusLabel(code, localise),
    tileType: (type) => tileTypeLabel(type, localise),
    recurrence: (values) =>
      values.isRecurring
        ? localise(
            "recurrence.summary",
            localise("recurrence.interval", values.intervalDays ?? 0),
            localise("recurrence.count", values.count ?? 0),
          )
        : localise("recurrence.none"),
    verdict: (severity) => localise(`check.verdict.${severity}`),
    header: (field: CsvField) => localise(`export.column.${field}`),
  };
}

/** A file made in the browser, offered through a link that clicks itself once; its URL is revoked when replaced. */
const DownloadLink: React.FC<{ file: { url: string; name: string }; localise: Localise }> = ({ file, localise }) => {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    link.current?.click();
    return () => URL.revokeObjectURL(file.url);
  }, [file]);
  // Not in a MessageBar: it renders its text late (for screen readers), after this effect would click.
  return (
    <p role="status">
      {localise("export.ready")}{" "}
      <a ref={link} href={file.url} download={file.name} data-testid="export-link">
        {file.name}
      </a>
    </p>
  );
};

/** The journeys view: quick filters, bulk actions on the selection, and the virtualised list of the dataset's journeys. */
export const JourneysList: React.FC<JourneysViewProps> = (props) => {
  const { dataset, formatDateTime } = props;
  const localise = localiserFor(props.getString, props.languageId);
  const { records, sortedRecordIds, columns: viewColumns } = dataset;
  // Worked out again when the host gives new rows (a refresh, a page, a sort), not at each bulk step.
  const journeys = useMemo(
    () => listedJourneys(dataset, props.now()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, sortedRecordIds, viewColumns],
  );
  const counts = useMemo(() => quickFilterCounts(journeys.map((journey) => journey.row)), [journeys]);
  const [filter, setFilter] = useState<QuickFilter | null>(null);
  const [selectedKeys, setSelectedKeys] = useState<string[]>([]);
  const [confirmStop, setConfirmStop] = useState(false);
  const [file, setFile] = useState<{ url: string; name: string } | null>(null);
  const exportFormat = useRef<ExportFormat>("csv");

  const rows = new Set(
    applyQuickFilter(
      journeys.map((journey) => journey.row),
      filter,
    ),
  );
  const shown = journeys.filter((journey) => rows.has(journey.row));
  const selection = useMemo(
    () =>
      new Selection({
        getKey: (journey) => (journey as ListedJourney).key,
        onSelectionChanged: () => {
          const keys = (selection.getSelection() as ListedJourney[]).map((journey) => journey.key);
          setSelectedKeys(keys);
          dataset.setSelectedRecordIds(keys);
        },
      }),
    // The dataset object stays the same across updates; the selection lives as long as the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const chosen = new Set(selectedKeys);
  const selected = shown.filter((journey) => chosen.has(journey.key));
  const live = selected.filter((journey) => journey.row.status === JourneyStatus.Live);

  const exported = (snapshots: JourneySnapshot[]) => {
    const inventory = snapshots.map((snapshot) => ({
      row: journeyListRow(snapshot.record, props.now()),
      record: snapshot.record,
      modifiedBy: snapshot.modifiedByName ?? "",
    }));
    const format = exportFormat.current;
    const words = exportWords(localise);
    // The byte order mark makes spreadsheet programs read the CSV as UTF-8.
    const text = format === "csv" ? `\ufeff${inventoryCsv(inventory, words)}` : inventoryJson(inventory, words);
    const blob = new Blob([text], { type: format === "csv" ? "text/csv;charset=utf-8" : "application/json" });
    setFile({ url: URL.createObjectURL(blob), name: `${localise("export.fileName")}.${format}` });
  };
  const bulk = useBulkAction(props, exported);
  const running = !!bulk.progress && !bulk.progress.finished;

  const disabledReason = (action: BulkActionId): string | undefined => {
    if (running) return localise("bulk.disabled.running");
    if (selected.length === 0) return localise("bulk.disabled.noSelection");
    if (action === "export") return props.hasPrivilege(Privilege.Read) ? undefined : localise("bulk.disabled.read");
    if (!props.hasPrivilege(Privilege.Write)) return localise("bulk.disabled.write");
    return action === "stop" && live.length === 0 ? localise("bulk.disabled.noneLive") : undefined;
  };
  const run = (action: BulkActionId, format?: ExportFormat) => {
    if (format) exportFormat.current = format;
    void bulk.start(action, action === "stop" ? live : selected);
  };
  const actionButton = (action: BulkActionId, label: string, onClick: () => void) => {
    const reason = disabledReason(action);
    const id = `cjv-reason-${label}`;
    return (
      <span key={label}>
        <DefaultButton
          text={localise(`bulk.${label}`)}
          onClick={onClick}
          disabled={!!reason}
          // Focusable while disabled, so that keyboard and screen reader users reach the reason.
          allowDisabledFocus
          aria-describedby={reason ? id : undefined}
          data-bulk={label}
        />
        {reason && (
          <span id={id} className="cjv-reason" data-reason={label}>
            {" "}
            {reason}
          </span>
        )}
      </span>
    );
  };

  const sorted = (name: string | undefined) => dataset.sorting.find((sort) => sort.name === name);
  const column = (
    key: string,
    viewColumn: ViewColumn | null,
    onRender: (journey: ListedJourney) => React.ReactNode,
    minWidth = 100,
  ): IColumn => {
    const source = viewColumn ? datasetColumn(dataset, viewColumn) : undefined;
    const sort = sorted(source?.name);
    return {
      key,
      name: (!source?.alias || source.alias === source.name ? source?.displayName : "") || localise(`column.${key}`),
      fieldName: source?.name,
      minWidth,
      isResizable: true,
      isSorted: !!sort,
      isSortedDescending: sort?.sortDirection === 1,
      onRender,
      onColumnClick:
        source && !source.disableSorting
          ? () => {
              dataset.sorting.splice(0, dataset.sorting.length, {
                name: source.name,
                sortDirection: sort?.sortDirection === 0 ? 1 : 0,
              });
              dataset.refresh();
            }
          : undefined,
    };
  };
  const muted = (text: string) => text && <span className="cjv-muted">{text}</span>;
  const columns: IColumn[] = [
    column(
      "name",
      "msdyncrm_name",
      (journey) => (
        <Link onClick={() => dataset.openDatasetItem(journey.reference)} data-journey={journey.key}>
          {journey.row.name || localise("column.noName")}
        </Link>
      ),
      180,
    ),
    column("status", "statuscode", ({ row }) => (
      <span>
        <span className="cjv-pill" style={STATUS_TONES[row.status] ?? TONES.neutral} data-status={row.status}>
          {statusLabel(row.status, localise)}
        </span>
        {row.notProcessedSince && (
          <span className="cjv-warning" data-flag="notProcessed">
            {localise("row.notProcessedSince", formatDateTime(row.notProcessedSince))}
          </span>
        )}
      </span>
    )),
    column("start", "msdyncrm_startdatetime", ({ row }) => formatDateTime(row.start)),
    column("end", "msdyncrm_enddatetime", ({ row }) => (
      <span>
        {formatDateTime(row.end)}
        {row.endsInDays !== null && muted(localise("row.endsIn", row.endsInDays))}
      </span>
    )),
    column("recurrence", "msdyncrm_isrecurring", ({ row }) => exportWords(localise).recurrence(row.recurrence), 140),
    column(
      "lastCheck",
      "msdyncrm_validationresults",
      ({ row }) => (
        <span data-verdict={row.lastCheck?.verdict ?? "none"}>
          {row.lastCheck ? checkText(row.lastCheck, localise) : localise("check.none")}
        </span>
      ),
      140,
    ),
    column("modified", "modifiedon", (journey) => (
      <span>
        {formatDateTime(journey.row.modifiedOn)}
        {muted(journey.modifiedBy)}
      </span>
    )),
    column(
      "result",
      null,
      ({ key }) => {
        const result = bulk.results[key];
        return (
          result && (
            <span className={result.state === "failed" ? "cjv-failed" : undefined} data-result={result.state}>
              {resultText(result, localise)}
            </span>
          )
        );
      },
      160,
    ),
  ];

  const progress = bulk.progress;
  const height = props.allocatedHeight > 0 ? props.allocatedHeight : undefined;
  return (
    <div className="cjv-root" style={{ height }}>
      <div className="cjv-bar" role="group" aria-label={localise("filters.label")}>
        {QUICK_FILTERS.map((quick) => (
          <DefaultButton
            key={quick}
            toggle
            checked={filter === quick}
            aria-pressed={filter === quick}
            text={localise(`filters.${quick}`, counts[quick])}
            onClick={() => setFilter(filter === quick ? null : quick)}
            data-filter={quick}
          />
        ))}
      </div>
      <div className="cjv-bar" role="group" aria-label={localise("bulk.label")}>
        <span>{localise("bulk.selected", selected.length)}</span>
        {actionButton("check", "check", () => run("check"))}
        {actionButton("stop", "stop", () => setConfirmStop(true))}
        {actionButton("export", "exportCsv", () => run("export", "csv"))}
        {actionButton("export", "exportJson", () => run("export", "json"))}
        {running && <DefaultButton text={localise("bulk.cancel")} onClick={bulk.cancel} data-bulk="cancel" />}
      </div>
      {progress && (
        <div data-progress={progress.finished ? "finished" : "running"}>
          <ProgressIndicator
            label={localise(`progress.${progress.action}`, progress.ended, progress.total)}
            description={
              progress.finished ? localise("progress.finished", progress.succeeded, progress.total) : undefined
            }
            percentComplete={progress.total ? progress.ended / progress.total : 1}
          />
          <div role="status">
            {bulk.serverBusy && (
              // Not dismissible: it goes by itself when the retries end.
              <span data-banner="serverBusy">{localise(bulk.serverBusy.messageKey, ...bulk.serverBusy.args)}</span>
            )}
          </div>
        </div>
      )}
      {file && <DownloadLink file={file} localise={localise} />}
      <div className="cjv-list" data-is-scrollable="true">
        <DetailsList
          items={shown}
          columns={columns}
          selection={selection}
          selectionMode={SelectionMode.multiple}
          checkboxVisibility={CheckboxVisibility.always}
          layoutMode={DetailsListLayoutMode.fixedColumns}
          setKey={filter ?? "all"}
          onShouldVirtualize={() => true}
          ariaLabelForGrid={localise("list.label")}
          ariaLabelForSelectAllCheckbox={localise("list.selectAll")}
          ariaLabelForSelectionColumn={localise("list.selectColumn")}
          checkButtonAriaLabel={localise("list.selectRow")}
        />
        {shown.length === 0 && !dataset.loading && <p className="cjv-muted">{localise("list.empty")}</p>}
      </div>
      {dataset.paging.hasNextPage && (
        <DefaultButton
          text={localise("list.loadMore", journeys.length, dataset.paging.totalResultCount)}
          onClick={() => dataset.paging.loadNextPage()}
          data-testid="load-more"
        />
      )}
      <ConfirmDialog
        request={confirmStop ? { kind: "stopSelected", args: [live.length] } : undefined}
        onAnswer={(confirmed) => {
          setConfirmStop(false);
          if (confirmed) run("stop");
        }}
        localise={localise}
      />
    </div>
  );
};
