import { createIfMatchWrites } from "./ifMatchWrites";
import { toJourneyError } from "./webApiErrors";

function recordingFetch(answer: Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const send = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer;
  }) as unknown as typeof fetch;
  return { calls, send };
}

const ID = "6628bbf7-c52a-e911-a9b7-000d3a1e6adc";

test("the status write is a PATCH to the org's Web API with the row version in If-Match and the OData headers", async () => {
  const { calls, send } = recordingFetch(new Response(null, { status: 204 }));
  const writes = createIfMatchWrites("https://org.example/", send);
  await writes.updateRecord("msdyncrm_customerjourneys", ID, { statuscode: 192350006 }, 'W/"1001"');
  expect(calls).toEqual([
    {
      url: `https://org.example/api/data/v9.2/msdyncrm_customerjourneys(${ID})`,
      init: {
        method: "PATCH",
        headers: {
          Accept: "application/json",
          "OData-MaxVersion": "4.0",
          "OData-Version": "4.0",
          "Content-Type": "application/json; charset=utf-8",
          "If-Match": 'W/"1001"',
        },
        body: '{"statuscode":192350006}',
      },
    },
  ]);
});

test("the delete is a DELETE with If-Match and no body", async () => {
  const { calls, send } = recordingFetch(new Response(null, { status: 204 }));
  await createIfMatchWrites("https://org.example", send).deleteRecord("msdyncrm_customerjourneys", ID, 'W/"7"');
  expect(calls[0].url).toBe(`https://org.example/api/data/v9.2/msdyncrm_customerjourneys(${ID})`);
  expect(calls[0].init).toMatchObject({ method: "DELETE", body: undefined });
  expect((calls[0].init.headers as Record<string, string>)["If-Match"]).toBe('W/"7"');
});

test("412 Precondition Failed rejects as a conflict, in the server's words", async () => {
  const body = {
    error: {
      code: "0x80060882",
      message: "The version of the existing record doesn't match the RowVersion property provided.",
    },
  };
  const { send } = recordingFetch(new Response(JSON.stringify(body), { status: 412 }));
  const error = await createIfMatchWrites("https://org.example", send)
    .updateRecord("msdyncrm_customerjourneys", ID, { statuscode: 192350007 }, 'W/"1"')
    .catch((caught: unknown) => toJourneyError(caught, "write"));
  expect(error).toMatchObject({ kind: "conflict", detail: body.error.message });
});

test("a throttled write keeps its Retry-After for the retry policy", async () => {
  const { send } = recordingFetch(
    new Response(JSON.stringify({ error: { code: "0x80072322", message: "Number of requests exceeded the limit" } }), {
      status: 429,
      headers: { "Retry-After": "5" },
    }),
  );
  const raw = await createIfMatchWrites("https://org.example", send)
    .deleteRecord("msdyncrm_customerjourneys", ID, 'W/"1"')
    .catch((caught: unknown) => caught);
  expect(raw).toMatchObject({ status: 429, retryAfterSeconds: 5 });
  expect(toJourneyError(raw, "delete")).toMatchObject({ kind: "throttled" });
});

test("a delete answered with a success other than 204 (a cut-off body) is not taken as done: the answer is unreadable", async () => {
  const { send } = recordingFetch(new Response('{"@odata.context":"https://org.exa', { status: 200 }));
  const error: unknown = await createIfMatchWrites("https://org.example", send)
    .deleteRecord("msdyncrm_customerjourneys", ID, 'W/"7"')
    .then(
      () => "resolved",
      (rejection: unknown) => rejection,
    );
  expect(toJourneyError(error, "delete")).toMatchObject({ kind: "malformed", messageKey: "error.malformed" });
});
