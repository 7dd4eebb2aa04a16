import { actionsFor, canTransition, JourneyStatus, statusInfo } from "../../src/journey";
import { DataverseError, DataverseErrorCode } from "./errors";
import { JOURNEY } from "./entities";
import type { Row } from "./store";

const label = (code: unknown): string =>
  `${JOURNEY.optionLabels.statuscode[code as number] ?? "unknown"} (${String(code)})`;

function invalidTransition(from: unknown, to: unknown): DataverseError {
  return new DataverseError(
    400,
    DataverseErrorCode.InvalidStatusTransition,
    `The status transition from ${label(from)} to ${label(to)} is not valid for msdyncrm_customerjourney.`,
  );
}

function checkStateCode(changes: Row, status: number): void {
  const info = statusInfo(status);
  if (!info) {
    throw new DataverseError(
      400,
      DataverseErrorCode.InvalidStatusTransition,
      `${String(status)} is not a valid status code for msdyncrm_customerjourney.`,
    );
  }
  if (changes.statecode !== undefined && changes.statecode !== info.stateCode) {
    throw new DataverseError(
      400,
      DataverseErrorCode.InvalidStatusTransition,
      `${String(changes.statecode)} is not a valid state code for status code ${label(status)}; expected ${info.stateCode}.`,
    );
  }
  changes.statecode = info.stateCode;
}

/** A new journey starts as Draft (the service owns every other status). */
export function applyCreateRules(changes: Row): Row {
  const status = changes.statuscode ?? JourneyStatus.Draft;
  if (status !== JourneyStatus.Draft) throw invalidTransition("(new)", status);
  const out: Row = { msdyncrm_type: 192350000, msdyncrm_isrecurring: false, ...changes, statuscode: status };
  checkStateCode(out, status as number);
  return out;
}

/** A status change must be in the table's TransitionData; statecode follows the status. */
export function applyUpdateRules(current: Row, changes: Row): Row {
  const out = { ...changes };
  if (out.statuscode === undefined || out.statuscode === null) {
    if (out.statuscode === null) throw invalidTransition(current.statuscode, null);
    if (out.statecode !== undefined && out.statecode !== current.statecode) {
      throw new DataverseError(
        400,
        DataverseErrorCode.InvalidStatusTransition,
        "Set statuscode to change the state of a customer journey.",
      );
    }
    return out;
  }
  if (out.statuscode !== current.statuscode && !canTransition(current.statuscode as number, out.statuscode as number)) {
    throw invalidTransition(current.statuscode, out.statuscode);
  }
  checkStateCode(out, out.statuscode as number);
  return out;
}

/** Live journeys (and those the service is moving) can't be deleted; stop them first. */
export function checkDeletable(row: Row): void {
  if (!actionsFor(row.statuscode as number).some((action) => action.id === "delete")) {
    throw new DataverseError(
      400,
      DataverseErrorCode.BusinessRuleRefused,
      `A customer journey in status ${label(row.statuscode)} can't be deleted. Stop it first, or wait until the service has moved it on.`,
    );
  }
}
