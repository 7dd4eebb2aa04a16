import { responseError } from "./webApiErrors";
import type { IfMatchWrites } from "./webApiPort";

/**
 * The status write and the delete with `If-Match: <ETag of the conflict re-read>`, so that a change
 * made between that re-read and the write is refused by the server (412 Precondition Failed,
 * 0x80060882) instead of overwritten. `Xrm.WebApi` cannot send `If-Match`, so these two requests go
 * to the Web API with `fetch`, as Microsoft documents for client scripts: same origin as the app
 * (`getClientUrl()`), so the user's session signs them. Everything else keeps to `Xrm.WebApi`.
 * Where there is no client URL (outside a model-driven app, e.g. the pcf-start page) the port has
 * no `ifMatch` and those writes go out unconditionally right after the re-read, as before.
 */
export function createIfMatchWrites(
  clientUrl: string,
  send: typeof fetch = (...args) => fetch(...args),
): IfMatchWrites {
  const base = `${clientUrl.replace(/\/+$/, "")}/api/data/v9.2/`;
  const call = async (method: string, entitySetName: string, id: string, etag: string, body?: object) => {
    const answer = await send(`${base}${entitySetName}(${id})`, {
      method,
      headers: {
        Accept: "application/json",
        "OData-MaxVersion": "4.0",
        "OData-Version": "4.0",
        "Content-Type": "application/json; charset=utf-8",
        "If-Match": etag,
      },
      body: body && JSON.stringify(body),
    });
    if (!answer.ok) throw await responseError(answer);
    // Dataverse answers both with 204 No Content: any other success is an answer that cannot be trusted to
    // mean "done" (a body cut off on the way, a proxy's page), so it is reported as unreadable, not as done.
    if (answer.status !== 204) throw { status: answer.status, message: `Unexpected answer ${answer.status}` };
  };
  return {
    updateRecord: (entitySetName, id, data, etag) => call("PATCH", entitySetName, id, etag, data),
    deleteRecord: (entitySetName, id, etag) => call("DELETE", entitySetName, id, etag),
  };
}
