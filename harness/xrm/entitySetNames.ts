/** Entity set names of the tables the product and the emulated org know (what the real client reads from metadata). */
export const ENTITY_SET_NAMES: Readonly<Record<string, string>> = {
  msdyncrm_customerjourney: "msdyncrm_customerjourneys",
  msdyncrm_segment: "msdyncrm_segments",
  msdyncrm_marketingemail: "msdyncrm_marketingemails",
  msdyncrm_contentsettings: "msdyncrm_contentsettingss",
  systemuser: "systemusers",
};

export function entitySetName(logicalName: string): string {
  return ENTITY_SET_NAMES[logicalName] ?? `${logicalName}s`;
}
