import { VALIDATE_ACTION_NAME, VALIDATE_PARAMETERS, toValidateParameters } from "../journey/validateRequest";
import type { JourneyRecord, ValidationReport } from "../journey/types";
import { parseValidationResponse } from "../journey/validationResult";
import { failure } from "./journeyError";
import { withRetries, type RetryTiming } from "./retryPolicy";
import { failureDetail, responseError } from "./webApiErrors";
import type { ActionRequest, WebApiPort } from "./webApiPort";

/** structuralProperty of a primitive-typed parameter (Xrm.WebApi.online.execute metadata). */
const PRIMITIVE_TYPE = 1;

/** The msdyncrm_CustomerJourneyValidate request for Xrm.WebApi.online.execute: the values given, typed. */
export function validateActionRequest(values: JourneyRecord): ActionRequest {
  const parameters = toValidateParameters(values);
  const parameterTypes: Record<string, { typeName: string; structuralProperty: number }> = {};
  for (const { name, typeName } of VALIDATE_PARAMETERS) {
    if (parameters[name] !== undefined) parameterTypes[name] = { typeName, structuralProperty: PRIMITIVE_TYPE };
  }
  return {
    ...parameters,
    getMetadata: () => ({
      boundParameter: null,
      operationType: 0,
      operationName: VALIDATE_ACTION_NAME,
      parameterTypes,
    }),
  };
}

/**
 * The validate action's report on the values: one request, tried again while the server says it is
 * throttled (withRetries). Rejects with a JourneyError: kind "actionMissing" when the org lacks the action,
 * "malformed" when the answer is not JSON (the check could not run).
 */
export async function askValidateAction(
  webApi: Pick<WebApiPort, "online">,
  values: JourneyRecord,
  timing: RetryTiming,
): Promise<ValidationReport> {
  const answer = await withRetries(
    "validate",
    async () => {
      const response = await webApi.online.execute(validateActionRequest(values));
      if (!response.ok) throw await responseError(response);
      return response;
    },
    timing,
  );
  const body: unknown = await answer.json().catch((error: unknown) => {
    throw failure("malformed", { detail: failureDetail(error) });
  });
  return parseValidationResponse(body, "server");
}
