/** The fields of the harness's journey form: form attribute names, as a model-driven form names them. */
export type AttributeType = "string" | "memo" | "integer" | "boolean" | "datetime" | "optionset" | "lookup";

export interface FieldSpec {
  name: string;
  label: string;
  type: AttributeType;
  /** Shown on the form; hidden attributes still exist on the form context (like hidden fields). */
  shown: boolean;
  /** Never editable on the form (system columns). */
  systemLocked?: boolean;
  lookup?: { entityType: string; setName: string; navigation: string };
  options?: readonly { value: number; text: string }[];
  /** The code component the form designer put on this field instead of the standard control. */
  codeComponent?: string;
}

export const STATUS_OPTIONS = [
  { value: 192350000, text: "Draft" },
  { value: 192350001, text: "Live" },
  { value: 192350002, text: "Stopped" },
  { value: 192350003, text: "Live, editable" },
  { value: 192350004, text: "Expired" },
  { value: 192350005, text: "Error" },
  { value: 192350006, text: "Going live" },
  { value: 192350007, text: "Stopping" },
] as const;

export const JOURNEY_FIELDS: readonly FieldSpec[] = [
  { name: "msdyncrm_name", label: "Name", type: "string", shown: true },
  { name: "statuscode", label: "Status reason", type: "optionset", shown: true, options: STATUS_OPTIONS },
  { name: "msdyncrm_startdatetime", label: "Start date and time", type: "datetime", shown: true },
  { name: "msdyncrm_enddatetime", label: "End date and time", type: "datetime", shown: true },
  { name: "msdyncrm_customerjourneytimezone", label: "Time zone", type: "integer", shown: true },
  { name: "msdyncrm_isrecurring", label: "Is recurring", type: "boolean", shown: true },
  { name: "msdyncrm_recurrenceintervaldays", label: "Recurrence interval (days)", type: "integer", shown: true },
  { name: "msdyncrm_recurrencecount", label: "Recurrence count", type: "integer", shown: true },
  {
    name: "msdyncrm_contentsettingsid",
    label: "Content settings",
    type: "lookup",
    shown: true,
    lookup: {
      entityType: "msdyncrm_contentsettings",
      setName: "msdyncrm_contentsettingss",
      navigation: "msdyncrm_contentsettingsId",
    },
  },
  {
    name: "msdyncrm_suppressionsegmentid",
    label: "Suppression segment",
    type: "lookup",
    shown: true,
    lookup: {
      entityType: "msdyncrm_segment",
      setName: "msdyncrm_segments",
      navigation: "msdyncrm_SuppressionSegmentId",
    },
  },
  { name: "msdyncrm_workflowdefinition", label: "Workflow definition", type: "memo", shown: true },
  { name: "msdyncrm_customerjourneydesignerstate", label: "Designer state", type: "memo", shown: false },
  {
    name: "msdyncrm_validationresults",
    label: "Error check results",
    type: "memo",
    shown: false,
    codeComponent: "cjt_CustomerJourney.JourneyControl",
  },
  {
    name: "msdyncrm_entitytarget",
    label: "Target",
    type: "optionset",
    shown: false,
    options: [
      { value: 0, text: "Contact" },
      { value: 1, text: "Account" },
    ],
  },
  { name: "msgdpr_requiredconsent", label: "Minimum consent", type: "optionset", shown: false, options: [] },
  {
    name: "msdyncrm_type",
    label: "Type",
    type: "optionset",
    shown: false,
    options: [
      { value: 192350000, text: "Automated" },
      { value: 192350001, text: "LinkedIn" },
    ],
  },
  {
    name: "statecode",
    label: "Status",
    type: "optionset",
    shown: false,
    systemLocked: true,
    options: [
      { value: 0, text: "Active" },
      { value: 1, text: "Inactive" },
    ],
  },
  {
    name: "ownerid",
    label: "Owner",
    type: "lookup",
    shown: true,
    systemLocked: true,
    lookup: { entityType: "systemuser", setName: "systemusers", navigation: "ownerid" },
  },
  { name: "modifiedon", label: "Modified on", type: "datetime", shown: true, systemLocked: true },
];
