import fc from "fast-check";
import type { JourneyErrorKind } from "./journeyError";
import { isActionMissing, toJourneyError, unsignedErrorCode, type RequestPurpose } from "./webApiErrors";

describe("error codes", () => {
  test("the service-protection codes read the same as numbers, signed numbers and hex text", () => {
    expect(unsignedErrorCode(2147951394)).toBe(0x80072322);
    expect(unsignedErrorCode(-2147015902)).toBe(0x80072322);
    expect(unsignedErrorCode("0x80072326")).toBe(2147951398);
    expect(unsignedErrorCode(0x80072321)).toBe(2147951393);
    expect(unsignedErrorCode("oops")).toBeUndefined();
    expect(unsignedErrorCode(0)).toBeUndefined();
  });
});

describe("isActionMissing", () => {
  test("the org lacks the validate action: ResourceNotFound in any form, or a 404, as Xrm or a fetch client reports it", () => {
    for (const missing of [
      { errorCode: 0x8006088a, message: "Resource not found for the segment 'msdyncrm_CustomerJourneyValidate'." },
      { errorCode: -2147088246 },
      { code: "0x8006088a", status: 404 },
      { status: 404 },
      toJourneyError({ status: 404 }, "validate"),
    ]) {
      expect(isActionMissing(missing)).toBe(true);
    }
  });

  test("any other failure of the check is not a missing action", () => {
    for (const other of [
      new TypeError("Failed to fetch"),
      { status: 429 },
      { status: 500, message: "The record does not exist" },
      { errorCode: 0x80040217, message: "Could not find the segment" },
      {},
      null,
    ]) {
      expect(isActionMissing(other)).toBe(false);
    }
  });
});

describe("one JourneyError per failure", () => {
  const cases: [string, unknown, RequestPurpose, JourneyErrorKind, string][] = [
    ["service protection: requests", { errorCode: 2147951394 }, "read", "throttled", "error.throttled"],
    ["service protection: execution time", { errorCode: 2147951393 }, "write", "throttled", "error.throttled"],
    ["service protection: concurrency (signed)", { errorCode: -2147015898 }, "write", "throttled", "error.throttled"],
    ["429 by status only", { status: 429 }, "read", "throttled", "error.throttled"],
    ["503 by status only", { status: 503, errorCode: 0x80040216 }, "read", "throttled", "error.throttled"],
    ["401", { status: 401, errorCode: 0x80090313 }, "read", "unauthorized", "error.unauthorized"],
    [
      "missing privilege",
      { errorCode: 0x80040220, message: "missing prvWrite" },
      "write",
      "forbidden",
      "error.forbidden",
    ],
    ["403 by status only", { status: 403 }, "delete", "forbidden", "error.forbidden"],
    ["row gone", { errorCode: 0x80040217 }, "read", "notFound", "error.notFound"],
    [
      "action missing",
      { errorCode: 0x8006088a, message: "Resource not found for the segment" },
      "validate",
      "actionMissing",
      "error.actionMissing",
    ],
    ["404 on the validate action by status", { status: 404 }, "validate", "actionMissing", "error.actionMissing"],
    ["unknown segment on a row request", { errorCode: 0x8006088a }, "read", "notFound", "error.notFound"],
    ["412", { status: 412, errorCode: 0x80060882 }, "write", "conflict", "error.conflict"],
    ["500", { status: 500, errorCode: 0x80040216 }, "write", "server", "error.server"],
    ["unknown code without status", { errorCode: 0x80041234 }, "write", "server", "error.server"],
    ["network down (fetch)", new TypeError("Failed to fetch"), "read", "network", "error.network"],
    ["network down (no code)", { message: "Network Error" }, "read", "network", "error.network"],
    [
      "network down (fetch client: status 0, errorCode 0)",
      { errorCode: 0, status: 0, message: "could not reach the server" },
      "write",
      "network",
      "error.network",
    ],
    [
      "unreadable success answer (fetch client)",
      { errorCode: 0, status: 200, message: "not JSON" },
      "read",
      "malformed",
      "error.malformed",
    ],
    ["malformed JSON", new SyntaxError("Unexpected end of JSON input"), "read", "malformed", "error.malformed"],
    [
      "invalid status transition",
      { errorCode: 0x80040203, message: "not in TransitionData" },
      "write",
      "refused",
      "error.serverRefused",
    ],
  ];
  test.each(cases)("%s", (_name, raw, purpose, kind, key) => {
    const error = toJourneyError(raw, purpose);
    expect(error.kind).toBe(kind);
    expect(error.messageKey).toBe(key);
  });

  test("a refusal by a server rule carries the server's words", () => {
    expect(
      toJourneyError({ errorCode: 0x80040265, message: "A live journey can't be deleted." }, "delete").args,
    ).toEqual(["A live journey can't be deleted."]);
  });

  test("an object that cannot be turned into text still becomes a JourneyError", () => {
    expect(toJourneyError({ toString: false }, "read").messageKey).toMatch(/^error\./);
  });

  test.each([
    ["a message that is not text", { errorCode: 0x80040265, message: null, status: 400 }, "HTTP 400"],
    ["a message that is an object", { errorCode: 0x80040265, message: { text: "x" } }, ""],
    ["only a status", { status: 500 }, "HTTP 500"],
    ["an empty message", { message: " ", status: 502 }, "HTTP 502"],
    ["a plain string", "gateway timeout", "gateway timeout"],
    ["a rejection with no value", undefined, ""],
    ["a rejection with null", null, ""],
  ])(
    "the detail of %s is readable words or nothing, never [object Object], undefined or null",
    (_case, raw, detail) => {
      const error = toJourneyError(raw, "write");
      expect(error.message).not.toMatch(/\[object|undefined|null/);
      expect(error.message).toBe(detail ? `${error.messageKey}: ${detail}` : error.messageKey);
      if (error.kind === "refused") expect(error.args).toEqual([detail]);
    },
  );

  test("anything at all becomes a JourneyError with a message key, never a throw", () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom<RequestPurpose>("read", "validate", "write", "create", "delete"),
        (raw, purpose) => {
          const error = toJourneyError(raw, purpose);
          expect(error.messageKey).toMatch(/^error\.[a-zA-Z]+$/);
        },
      ),
    );
  });
});
