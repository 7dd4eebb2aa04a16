import { VALIDATE_ACTION_NAME, VALIDATE_PARAMETERS, toValidateParameters } from "../journey/validateRequest";
import type { JourneyRecord } from "../journey/types";
import type { ActionRequest } from "./webApiPort";

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
