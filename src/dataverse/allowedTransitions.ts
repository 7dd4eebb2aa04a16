/** The host's `Xrm.Utility`, as far as the org's transitions go (absent outside a model-driven app). */
export type TransitionsUtility = Partial<Pick<Xrm.Utility, "getAllowedStatusTransitions">>;

/** The status reasons the org's TransitionData allows from a status; null when the org cannot tell. */
export type AllowedTransitions = (status: number) => Promise<readonly number[] | null>;

/**
 * Asks `Xrm.Utility.getAllowedStatusTransitions` once per status (the answer is kept for each). Where the
 * host lacks it, or it throws, rejects or answers anything but status reason numbers, the answer is null
 * and the domain's own transition table stands.
 */
export function createAllowedTransitions(entityName: string, utility: TransitionsUtility | undefined) {
  const asked: Record<number, Promise<readonly number[] | null>> = {};
  const allowed: AllowedTransitions = (status) =>
    // Called inside the promise, so a throw answers null like a rejection (and a missing function, undefined).
    (asked[status] ??= new Promise<unknown>((resolve) =>
      resolve(utility?.getAllowedStatusTransitions?.(entityName, status)),
    ).then(
      (reasons) => (Array.isArray(reasons) && reasons.every(Number.isInteger) ? reasons : null),
      () => null,
    ));
  return allowed;
}
