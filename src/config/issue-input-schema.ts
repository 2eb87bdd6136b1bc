import * as z from "zod";

const repository = z.looseObject({
  full_name: z.string().regex(/^[^/]+\/[^/]+$/, { message: "must be owner/name" }),
});

const issue = z.looseObject({
  number: z.number().int().optional(),
  title: z.string(),
  body: z.string().nullable().optional(),
  pull_request: z.unknown().optional(),
  labels: z.array(z.union([z.string(), z.looseObject({ name: z.string() })])).optional(),
  repository: repository.optional(),
  repository_url: z.string().optional(),
});

/**
 * The `triage` command's input: a GitHub issue with its repository, either as a webhook payload
 * (`{issue, repository}`) or as an issue object carrying `repository` (or `repository_url`).
 */
export const issueInputSchema = z
  .unknown()
  .pipe(
    // A body with `issue` is a webhook payload; anything else is an issue object. Choosing the
    // branch by shape lets the error name the key that is wrong.
    z.custom<unknown>().transform((input, ctx) => {
      const schema =
        typeof input === "object" && input !== null && "issue" in input
          ? z.looseObject({ issue, repository })
          : issue;
      const parsed = schema.safeParse(input);
      if (parsed.success) return parsed.data;
      for (const problem of parsed.error.issues) ctx.addIssue({ ...problem, path: problem.path } as never);
      return z.NEVER;
    }),
  )
  .transform((input, ctx) => {
    const theIssue =
      "issue" in input && typeof input.issue === "object"
        ? (input.issue as z.output<typeof issue>)
        : (input as z.output<typeof issue>);
    const repo =
      ("repository" in input && input.repository && "full_name" in input.repository
        ? input.repository.full_name
        : undefined) ??
      theIssue.repository?.full_name ??
      /\/repos\/([^/]+\/[^/]+)$/.exec(theIssue.repository_url ?? "")?.[1];
    if (!repo) {
      ctx.addIssue({
        code: "custom",
        path: ["repository"],
        message: "the issue's repository is missing: give repository.full_name",
      });
      return z.NEVER;
    }
    return {
      repo,
      title: theIssue.title,
      body: theIssue.body ?? null,
      isPullRequest: theIssue.pull_request !== undefined && theIssue.pull_request !== null,
      labels: (theIssue.labels ?? []).map((l) => (typeof l === "string" ? l : l.name)),
    };
  });
