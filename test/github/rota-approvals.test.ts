import { describe, expect, it } from "vitest";
import { approversOnHead } from "../../src/github/rota-pull-request.js";

const HEAD = "a".repeat(40);
const OLD = "b".repeat(40);
const review = (login: string, state: string, commit: string) => ({
  user: { login },
  state,
  commit_id: commit,
});

describe("approvals of a rota pull request", () => {
  it.each([
    ["an approving review on the head commit counts", [review("jo", "APPROVED", HEAD)], ["jo"]],
    ["an approval on an older commit does not count", [review("jo", "APPROVED", OLD)], []],
    [
      "a dismissed approval does not count",
      [review("jo", "APPROVED", HEAD), review("jo", "DISMISSED", HEAD)],
      [],
    ],
    [
      "changes requested after approving withdraws it",
      [review("jo", "APPROVED", HEAD), review("jo", "CHANGES_REQUESTED", HEAD)],
      [],
    ],
    [
      "a comment after approving leaves it standing",
      [review("jo", "APPROVED", HEAD), review("jo", "COMMENTED", HEAD)],
      ["jo"],
    ],
    [
      "approving again on the new head counts",
      [review("jo", "APPROVED", OLD), review("jo", "APPROVED", HEAD)],
      ["jo"],
    ],
    ["logins compare without case", [review("Jo", "APPROVED", HEAD)], ["jo"]],
  ])("%s", (_name, reviews, expected) => {
    expect(approversOnHead(reviews, HEAD)).toEqual(expected);
  });
});
