import { statusInfo } from "../../src/journey/statusModel";
import { JOURNEY } from "../webapi/entities";

/** Xrm.Utility.getAllowedStatusTransitions as the page offers it; undefined: the host lacks it. */
export type GetAllowedStatusTransitions = ((entityName: string, statusCode: number) => Promise<number[]>) | undefined;

/**
 * Xrm.Utility.getAllowedStatusTransitions answered from the journey's TransitionData (the domain's table),
 * as the page's `&transitions=` option changes it: `<from>:<to>|<to>,…` replaces what the org allows from
 * each status listed (`192350001:192350003`: a live journey may only be edited; `192350001:` nothing),
 * `none` is a host without the function. A status without TransitionData answers [] and another entity
 * rejects (both *inferred*: Microsoft documents neither).
 */
export function allowedStatusTransitions(option: string | null): GetAllowedStatusTransitions {
  if (option === "none") return undefined;
  const replaced = new Map<number, number[]>();
  for (const rule of (option ?? "").split(",").filter(Boolean)) {
    const [from, to = ""] = rule.split(":");
    replaced.set(Number(from), to.split("|").filter(Boolean).map(Number));
  }
  return async (entityName, statusCode) => {
    if (entityName !== JOURNEY.logicalName) {
      throw { errorCode: -2147220969, message: `The harness has no TransitionData for ${entityName}.` };
    }
    return replaced.get(statusCode) ?? [...(statusInfo(statusCode)?.next ?? [])];
  };
}
