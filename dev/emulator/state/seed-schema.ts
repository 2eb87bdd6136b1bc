import * as z from "zod";

const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub login");
const member = z.union([login, z.strictObject({ login, role: z.enum(["admin", "member"]) })]);
const teamMember = z.union([login, z.strictObject({ login, role: z.enum(["member", "maintainer"]) })]);
const files = z.record(z.string().min(1), z.string());

/** What `seed()` and `POST /_emulator/seed` accept. Seeding is silent: no webhooks are sent. */
export const seedSchema = z.strictObject({
  /** People; every login mentioned elsewhere becomes a user too, unless it is an organisation. */
  users: z
    .array(z.strictObject({ login, name: z.string().optional(), email: z.string().optional() }))
    .default([]),
  /** Organisations and their members (`admin` is an organisation owner). */
  orgs: z
    .array(z.strictObject({ login, name: z.string().optional(), members: z.array(member).default([]) }))
    .default([]),
  repos: z
    .array(
      z.strictObject({
        /** A seeded user or organisation. */
        owner: login,
        name: z.string().regex(/^[A-Za-z0-9._-]+$/),
        private: z.boolean().default(false),
        description: z.string().optional(),
        defaultBranch: z.string().default("main"),
        /** login → `read`, `triage`, `write`, `maintain` or `admin`. */
        collaborators: z.record(login, z.enum(["read", "triage", "write", "maintain", "admin"])).default({}),
        labels: z
          .array(
            z.union([
              z.string(),
              z.strictObject({
                name: z.string(),
                color: z.string().optional(),
                description: z.string().optional(),
              }),
            ]),
          )
          .default([]),
        /** Files on the default branch: path → UTF-8 text. */
        files: files.default({}),
        /** Other branches, each the default branch plus these files. */
        branches: z.record(z.string(), files).default({}),
      }),
    )
    .default([]),
  teams: z
    .array(
      z.strictObject({
        org: login,
        slug: z.string(),
        name: z.string().optional(),
        description: z.string().optional(),
        members: z.array(teamMember).default([]),
      }),
    )
    .default([]),
  /** Accounts the app is installed on (all their repositories); `id` is chosen when absent. */
  installations: z
    .array(z.strictObject({ account: login, id: z.number().int().positive().optional() }))
    .default([]),
  /** Issues that already exist, with history; created silently at the given instants. */
  issues: z
    .array(
      z.strictObject({
        repo: z.string().regex(/^[^/]+\/[^/]+$/, "must be owner/name"),
        title: z.string(),
        body: z.string().optional(),
        author: login,
        labels: z.array(z.string()).default([]),
        /** Who set the seeded labels (default: the author). */
        labeledBy: login.optional(),
        assignees: z.array(login).default([]),
        state: z.enum(["open", "closed"]).default("open"),
        createdAt: z.iso.datetime({ offset: true }).optional(),
        comments: z
          .array(
            z.strictObject({
              author: login,
              body: z.string(),
              createdAt: z.iso.datetime({ offset: true }).optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

export type SeedInput = z.input<typeof seedSchema>;
