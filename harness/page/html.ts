import { JOURNEY } from "../webapi/entities";
import { formatDateTime } from "../webapi/rows";
import type { Row } from "../webapi/store";
import type { PropertySetBinding } from "./datasetContext";

export interface FormPageConfig {
  entityName: string;
  id: string;
  languageId: number;
  /** `?privileges=` as given (e.g. "read"): null = all. */
  privileges: string | null;
  readOnly: boolean;
  userId: string;
  userName: string;
  hasControl: boolean;
  hasFormScript: boolean;
}

/** The journeys view page: the built dataset control, where to load it from and what its data-set is bound to. */
export interface ViewPageConfig {
  languageId: number;
  /** `?privileges=` as given: null = all. */
  privileges: string | null;
  userId: string;
  userName: string;
  /** `?pagesize=`: the dataset's page size (the app's setting; default 50). */
  pageSize: number;
  /** null while the control is not built. */
  control: {
    name: string;
    script: string;
    styles: string[];
    strings: string;
    dataSet: string;
    propertySets: PropertySetBinding[];
  } | null;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );
}

/** JSON safe to place inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

const STYLE = `
  :root { font-family: "Segoe UI", system-ui, sans-serif; font-size: 14px; color: #242424; background: #f5f5f5; }
  body { margin: 0; }
  header.app { background: #0f3a6e; color: #fff; padding: 8px 16px; font-weight: 600; }
  header.app a { color: #fff; }
  main { padding: 16px; max-width: 1100px; }
  table.list { border-collapse: collapse; background: #fff; width: 100%; }
  table.list th, table.list td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e0e0e0; }
  .commandbar { display: flex; gap: 8px; margin: 8px 0 12px; flex-wrap: wrap; }
  .commandbar button { padding: 6px 12px; }
  .notifications { margin-bottom: 12px; }
  .notification { padding: 8px 12px; margin-bottom: 4px; border-left: 4px solid; background: #fff; }
  .notification.ERROR { border-color: #a4262c; background: #fde7e9; }
  .notification.WARNING { border-color: #8a6d00; background: #fff4ce; }
  .notification.INFO { border-color: #0f6cbd; background: #ebf3fc; }
  section.card { background: #fff; padding: 12px 16px; margin-bottom: 12px; border-radius: 4px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  .field { display: grid; grid-template-columns: 220px 1fr; gap: 8px; align-items: start; margin: 6px 0; }
  .field label { font-weight: 600; padding-top: 4px; }
  .field input[type=text], .field input[type=number], .field input[type=datetime-local], .field select, .field textarea { width: 100%; max-width: 520px; box-sizing: border-box; padding: 4px 6px; }
  .field textarea { height: 90px; font-family: Consolas, monospace; font-size: 12px; }
  .field .locked { color: #616161; font-size: 12px; }
  .dirty label::after { content: " *"; color: #a4262c; }
  #control-field { min-height: 60px; }
  main.view { max-width: none; }
  #view-control { height: calc(100vh - 140px); min-height: 400px; background: #fff; }
  dialog { max-width: 480px; }
`;

function page(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${head}
</head>
<body>
<header class="app"><a href="/">Customer journeys</a> · emulated org</header>
${body}
</body>
</html>`;
}

export function renderJourneyList(rows: Row[]): string {
  const sorted = [...rows].sort((a, b) => String(a.msdyncrm_name ?? "").localeCompare(String(b.msdyncrm_name ?? "")));
  const lines = sorted
    .map((row) => {
      const id = String(row.msdyncrm_customerjourneyid);
      const href = `/main.aspx?pagetype=entityrecord&etn=${JOURNEY.logicalName}&id=${encodeURIComponent(id)}`;
      const status = JOURNEY.optionLabels.statuscode[row.statuscode as number] ?? String(row.statuscode);
      return `<tr><td><a href="${escapeHtml(href)}">${escapeHtml(String(row.msdyncrm_name ?? "(no name)"))}</a></td><td>${escapeHtml(status)}</td><td>${escapeHtml(formatDateTime(String(row.modifiedon)))}</td><td><code>${escapeHtml(id)}</code></td></tr>`;
    })
    .join("\n");
  return page(
    "Customer journeys",
    `<main><h1>Customer journeys</h1>
<p><a href="/journeys">Journeys view</a> (the journeys view control over every journey)</p>
<table class="list"><thead><tr><th>Name</th><th>Status reason</th><th>Modified on</th><th>Id</th></tr></thead>
<tbody>
${lines}
</tbody></table></main>`,
  );
}

export function renderNotFound(message: string): string {
  return page(
    "Not found",
    `<main><h1>Record not found</h1><p>${escapeHtml(message)}</p><p><a href="/">All customer journeys</a></p></main>`,
  );
}

/** React and Fluent as the platform loads them for a code component (pcf-start's copies). */
const PLATFORM_LIBRARIES = `<script src="/_harness/lib/react.js"></script>
<script>window.React = window.Reactv16; window.ReactDOM = window.ReactDOMv16; window.FabricConfig = { fontBaseUrl: "", iconBaseUrl: "/_harness/fonts/" };</script>
<script src="/_harness/lib/fluent.js"></script>`;

export function renderViewPage(config: ViewPageConfig): string {
  return page(
    "Customer journeys - journeys view",
    `<main id="view-root" class="view" aria-busy="true">
<h1 id="view-title">All customer journeys</h1>
<div id="view-control" data-dataset="${escapeHtml(config.control?.dataSet ?? "")}"></div>
</main>
<script type="application/json" id="harness-config">${scriptJson(config)}</script>`,
    `${PLATFORM_LIBRARIES}
<script src="/_harness/view.js" defer></script>`,
  );
}

export function renderFormPage(config: FormPageConfig): string {
  return page(
    "Customer journey",
    `<main id="form-root" aria-busy="true">
<h1 id="record-title">Customer journey</h1>
<div class="commandbar" role="toolbar" aria-label="Commands">
  <button type="button" id="cmd-save">Save</button>
  <button type="button" id="cmd-save-close">Save &amp; Close</button>
  <button type="button" id="cmd-refresh">Refresh</button>
  <a href="/">All customer journeys</a>
</div>
<div id="form-notifications" class="notifications" role="status" aria-live="polite"></div>
<section class="card" id="form-header" aria-labelledby="header-heading" hidden><h2 id="header-heading">Header</h2><div id="header-control-field" data-field="header_msdyncrm_validationresults"></div></section>
<section class="card" aria-labelledby="general-heading"><h2 id="general-heading">General</h2><div id="fields"></div></section>
<section class="card" aria-labelledby="control-heading"><h2 id="control-heading">Error check results</h2><div id="control-field" data-field="msdyncrm_validationresults"></div></section>
</main>
<script type="application/json" id="harness-config">${scriptJson(config)}</script>`,
    `${PLATFORM_LIBRARIES}
<script src="/_harness/page.js" defer></script>`,
  );
}
