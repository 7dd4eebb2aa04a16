import {
  FaultCode,
  mergeReports,
  parseDefinition,
  runLocalChecks,
  verdictOf,
  type JourneyRecord,
  type ValidationEntry,
  type ValidationReport,
} from "../../src/journey";
import { CONTENT_SETTINGS, MARKETING_EMAIL, SEGMENT, type EntityDefinition } from "./entities";
import type { Store } from "./store";

const LIVE = 192350001;

const bareId = (id: string): string => id.replace(/[{}]/g, "").trim().toLowerCase();

type Reference = { entity: EntityDefinition; id: string; activityId: string; notFound: string; notLive: string };

function referenceFinding(ref: Reference, store: Store): ValidationEntry | null {
  const row = store.get(ref.entity, ref.id);
  const fault = !row ? ref.notFound : row.statuscode !== LIVE ? ref.notLive : null;
  return fault ? { activityId: ref.activityId, fault, severity: "Error", args: [ref.id], source: "server" } : null;
}

/**
 * The checks only the org can make, because they need other rows: every segment and email the
 * tiles use exists and is live, the suppression segment too, and the content settings exist.
 */
export function serverChecks(values: JourneyRecord, store: Store): ValidationReport {
  const references: Reference[] = [];
  const segment = (id: string, activityId: string): Reference => ({
    entity: SEGMENT,
    id: bareId(id),
    activityId,
    notFound: FaultCode.ErrorSegmentNotFound,
    notLive: FaultCode.ErrorSegmentNotLive,
  });
  for (const tile of parseDefinition(values.msdyncrm_workflowdefinition).tiles) {
    for (const item of tile.items) {
      if (!item.itemId) continue;
      if (item.type === "SegmentItem") references.push(segment(item.itemId, tile.activityId));
      if (item.type === "Email") {
        references.push({
          entity: MARKETING_EMAIL,
          id: bareId(item.itemId),
          activityId: tile.activityId,
          notFound: FaultCode.ErrorEmailNotFound,
          notLive: FaultCode.ErrorEmailNotLive,
        });
      }
    }
  }
  if (values._msdyncrm_suppressionsegmentid_value)
    references.push(segment(values._msdyncrm_suppressionsegmentid_value, ""));

  const entries = references.map((ref) => referenceFinding(ref, store)).filter((e): e is ValidationEntry => e !== null);
  const contentSettings = values._msdyncrm_contentsettingsid_value;
  if (contentSettings && !store.get(CONTENT_SETTINGS, bareId(contentSettings))) {
    entries.push({
      activityId: "",
      fault: FaultCode.ErrorContentSettingsNotFound,
      severity: "Error",
      args: [bareId(contentSettings)],
      source: "server",
    });
  }
  return { verdict: verdictOf(entries), entries };
}

/**
 * The only fault whose real answer is published (the API page) comes without arguments; the
 * domain's local finding carries some for the product's own message, the org does not.
 */
function asTheServiceAnswers(entry: ValidationEntry): ValidationEntry {
  const withoutArguments = entry.fault === FaultCode.ErrorRecurringCampaignEndDateDoesNotFitRequestedIterations;
  return { ...entry, args: withoutArguments ? [] : entry.args, source: "server" };
}

/** What the org's error check answers: the domain's own checks plus the org-only ones. */
export function checkJourney(values: JourneyRecord, store: Store): ValidationReport {
  const local = runLocalChecks(values);
  return mergeReports({ ...local, entries: local.entries.map(asTheServiceAnswers) }, serverChecks(values, store));
}
