import type {
  LocalizedText,
  SolutionDefinition,
  StringResourceDefinition,
  WebResourceDefinition,
} from "./solutionDefinition";

/*
 * Renders the three XML parts of a solution zip in the shape Microsoft's SolutionPackager writes
 * (see solution/testing/reference-solutions): UTF-8 with a byte order mark, CRLF line ends, two-space indent,
 * " />" for empty elements, no newline at the end; [Content_Types].xml on one line.
 */

export const COMPONENT_TYPE_WEB_RESOURCE = 61;
export const COMPONENT_TYPE_CUSTOM_CONTROL = 66;
export const WEB_RESOURCE_TYPE_JSCRIPT = 3;
export const WEB_RESOURCE_TYPE_RESX = 12;
export const CONTENT_TYPES_ENTRY = "[Content_Types].xml";

const BYTE_ORDER_MARK = "\ufeff";
const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';
const OCTET_STREAM = "application/octet-stream";
const ADDRESS_NIL_FIELDS_BEFORE_SHIPPING = [
  "City",
  "County",
  "Country",
  "Fax",
  "FreightTermsCode",
  "ImportSequenceNumber",
  "Latitude",
  "Line1",
  "Line2",
  "Line3",
  "Longitude",
  "Name",
  "PostalCode",
  "PostOfficeBox",
  "PrimaryContactName",
];
const ADDRESS_NIL_FIELDS_AFTER_SHIPPING = [
  "StateOrProvince",
  "Telephone1",
  "Telephone2",
  "Telephone3",
  "TimeZoneRuleVersionNumber",
  "UPSZone",
  "UTCOffset",
  "UTCConversionTimeZoneCode",
];

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Element text: quotes stay as they are, as SolutionPackager writes them. */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function document(lines: readonly string[]): string {
  return BYTE_ORDER_MARK + [XML_DECLARATION, ...lines].join("\r\n");
}

function indent(depth: number, lines: readonly string[]): string[] {
  return lines.map((line) => "  ".repeat(depth) + line);
}

function element(name: string, text: string | number): string {
  return `<${name}>${escapeXml(String(text))}</${name}>`;
}

function localizedList(container: string, item: string, text: LocalizedText, languages: readonly number[]): string[] {
  const codes = languages.filter((code) => text[code] !== undefined);
  if (codes.length === 0) return [`<${container} />`];
  return [
    `<${container}>`,
    ...codes.map((code) => `  <${item} description="${escapeXml(text[code])}" languagecode="${code}" />`),
    `</${container}>`,
  ];
}

function address(number: number): string[] {
  const nil = (field: string) => `  <${field} xsi:nil="true"></${field}>`;
  return [
    "<Address>",
    `  ${element("AddressNumber", number)}`,
    `  ${element("AddressTypeCode", 1)}`,
    ...ADDRESS_NIL_FIELDS_BEFORE_SHIPPING.map(nil),
    `  ${element("ShippingMethodCode", 1)}`,
    ...ADDRESS_NIL_FIELDS_AFTER_SHIPPING.map(nil),
    "</Address>",
  ];
}

/** Schema name of a code component in a solution: `<prefix>_<namespace>.<constructor>`. */
export function controlSchemaName(prefix: string, namespace: string, constructor: string): string {
  return `${prefix}_${namespace}.${constructor}`;
}

/** Zip entry of a web resource file: its name without "/" and "." followed by its id in upper case, no extension. */
export function webResourceEntryName(webResource: Pick<WebResourceDefinition, "name" | "id">): string {
  return `WebResources/${webResource.name.replace(/[/.]/g, "")}${webResource.id.toUpperCase()}`;
}

export function controlEntryDirectory(schemaName: string): string {
  return `Controls/${schemaName}`;
}

export interface RootComponent {
  type: number;
  schemaName: string;
}

export function renderSolutionXml(
  definition: SolutionDefinition,
  solutionVersion: string,
  managed: boolean,
  rootComponents: readonly RootComponent[],
): string {
  const { publisher, languages } = definition;
  const roots = [...rootComponents].sort((a, b) => a.type - b.type || (a.schemaName < b.schemaName ? -1 : 1));
  return document([
    `<ImportExportXml version="9.2.23102.222" SolutionPackageVersion="9.2" languagecode="${languages[0]}" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    "  <SolutionManifest>",
    ...indent(2, [
      element("UniqueName", definition.uniqueName),
      ...localizedList("LocalizedNames", "LocalizedName", definition.localizedNames, languages),
      ...localizedList("Descriptions", "Description", definition.descriptions, languages),
      element("Version", solutionVersion),
      element("Managed", managed ? 1 : 0),
      "<Publisher>",
      ...indent(1, [
        element("UniqueName", publisher.uniqueName),
        ...localizedList("LocalizedNames", "LocalizedName", publisher.localizedNames, languages),
        ...localizedList("Descriptions", "Description", publisher.descriptions, languages),
        '<EMailAddress xsi:nil="true"></EMailAddress>',
        '<SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>',
        element("CustomizationPrefix", publisher.prefix),
        element("CustomizationOptionValuePrefix", publisher.optionValuePrefix),
        "<Addresses>",
        ...indent(1, [...address(1), ...address(2)]),
        "</Addresses>",
      ]),
      "</Publisher>",
      "<RootComponents>",
      ...roots.map(
        (root) => `  <RootComponent type="${root.type}" schemaName="${escapeXml(root.schemaName)}" behavior="0" />`,
      ),
      "</RootComponents>",
      "<MissingDependencies />",
    ]),
    "  </SolutionManifest>",
    "</ImportExportXml>",
  ]);
}

/**
 * The form script's dependencies as Dataverse keeps them (`<DependencyXml>`, unescaped): its String (RESX)
 * web resources, which Xrm.Utility.getResourceString reads only when they are dependencies of the calling script.
 */
export function renderDependencyXml(stringResources: readonly StringResourceDefinition[]): string {
  const library = (resource: StringResourceDefinition) =>
    `<Library name="${escapeXml(resource.name)}" displayName="${escapeXml(resource.displayName)}" languagecode="${resource.languageCode}" description="" libraryUniqueId="{${resource.id}}" />`;
  return `<Dependencies><Dependency componentType="WebResource">${stringResources.map(library).join("")}</Dependency></Dependencies>`;
}

function webResourceElement(
  resource: WebResourceDefinition,
  type: number,
  languageCode: number,
  dependencyXml: string | null,
): string[] {
  return [
    "<WebResource>",
    ...indent(1, [
      element("WebResourceId", `{${resource.id}}`),
      element("Name", resource.name),
      element("DisplayName", resource.displayName),
      ...(resource.description === null ? [] : [element("Description", resource.description)]),
      element("LanguageCode", languageCode),
      element("WebResourceType", type),
      element("IntroducedVersion", resource.introducedVersion),
      element("IsEnabledForMobileClient", 0),
      element("IsAvailableForMobileOffline", 0),
      ...(dependencyXml === null ? [] : [`<DependencyXml>${escapeText(dependencyXml)}</DependencyXml>`]),
      element("IsCustomizable", 1),
      element("CanBeDeleted", 1),
      element("IsHidden", 0),
      element("FileName", `/${webResourceEntryName(resource)}`),
    ]),
    "</WebResource>",
  ];
}

export function renderCustomizationsXml(definition: SolutionDefinition, controlNames: readonly string[]): string {
  const formScript = definition.webResource;
  const { stringResources } = formScript;
  return document([
    '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...indent(1, [
      ...[
        "Entities",
        "Roles",
        "Workflows",
        "FieldSecurityProfiles",
        "Templates",
        "EntityMaps",
        "EntityRelationships",
        "OrganizationSettings",
        "optionsets",
      ].map((name) => `<${name} />`),
      "<WebResources>",
      ...indent(1, [
        ...webResourceElement(
          formScript,
          WEB_RESOURCE_TYPE_JSCRIPT,
          0,
          stringResources.length > 0 ? renderDependencyXml(stringResources) : null,
        ),
        ...stringResources.flatMap((resource) =>
          webResourceElement(resource, WEB_RESOURCE_TYPE_RESX, resource.languageCode, null),
        ),
      ]),
      "</WebResources>",
      "<CustomControls>",
      ...indent(
        1,
        controlNames.flatMap((name) => [
          "<CustomControl>",
          `  ${element("Name", name)}`,
          `  ${element("FileName", `/${controlEntryDirectory(name)}/ControlManifest.xml`)}`,
          "</CustomControl>",
        ]),
      ),
      "</CustomControls>",
      "<SolutionPluginAssemblies />",
      "<EntityDataProviders />",
      "<Languages>",
      ...definition.languages.map((code) => `  ${element("Language", code)}`),
      "</Languages>",
    ]),
    "</ImportExportXml>",
  ]);
}

/** Lower-case extension of an entry's file name, or null when it has none. */
export function extensionOf(entryName: string): string | null {
  const fileName = entryName.slice(entryName.lastIndexOf("/") + 1);
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : null;
}

/**
 * [Content_Types].xml for the given entries (in zip order): a Default per extension in order of first
 * appearance (xml as text/xml, the rest as octet-stream), and an Override for every control manifest
 * and every file without an extension.
 */
export function renderContentTypes(entryNames: readonly string[]): string {
  const defaults: string[] = [];
  const overrides: string[] = [];
  for (const name of entryNames) {
    const extension = extensionOf(name);
    if (extension === null || name.endsWith("/ControlManifest.xml")) overrides.push(name);
    else if (!defaults.includes(extension)) defaults.push(extension);
  }
  const parts = [
    ...defaults.map(
      (extension) =>
        `<Default Extension="${escapeXml(extension)}" ContentType="${extension === "xml" ? "text/xml" : OCTET_STREAM}" />`,
    ),
    ...overrides.map((name) => `<Override PartName="/${escapeXml(name)}" ContentType="${OCTET_STREAM}" />`),
  ];
  return `${BYTE_ORDER_MARK}${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${parts.join("")}</Types>`;
}
