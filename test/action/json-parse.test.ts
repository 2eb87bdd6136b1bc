import { describe, expect, it } from "vitest";
import { JSONParse as libraryParse } from "json-with-bigint";
import { JSONParse } from "../../scripts/json-with-bigint-fast.mjs";

describe("the Action's JSON parsing of GitHub's answers", () => {
  const answers = [
    '{"data":{"search":{"issueCount":1002,"nodes":[{"number":7,"body":"Ticket 7: 123n, 5nn","createdAt":"2026-11-02T10:00:00Z"}]}}}',
    '{"id":9007199254740993,"node_id":"I_kwDOA1234567890123456"}',
    '{"big":12345678901234567890,"small":-42,"float":1.5e3,"neg":-0,"text":"\\u0041"}',
    '[1,2,3,{"nested":[null,true,false]}]',
    '"a string"',
    "null",
  ];

  it.each(answers)("reads %s as the library does", (text) => {
    expect(JSONParse(text)).toStrictEqual(libraryParse(text));
  });

  it("keeps an integer past 2^53 whole", () => {
    expect(JSONParse('{"id":9007199254740993}')).toStrictEqual({ id: 9007199254740993n });
  });

  it("refuses what is not JSON, as the library does", () => {
    expect(() => JSONParse("{not json")).toThrow();
    expect(() => libraryParse("{not json")).toThrow();
  });
});
