import { DateTime } from "luxon";
import { readAll } from "./read-all.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import {
  pageAcks,
  planWokenNotices,
  wokenNoticeDue,
  wokenWindow,
  type WokenNotice,
} from "../core/paging/woken.js";
import { marker } from "../core/markers.js";
import { readRota } from "./load-responders.js";
import type { FileReader } from "./read-file.js";
import { searchOpenTicketsReporting } from "./search-tickets.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/**
 * The morning's notices to delivery leads about people woken in the night: due from `tellAt`
 * local, read from the issues paged and acknowledged during the night (open or closed since), and
 * posted as one issue per person on the support repository, assigned to their lead. An issue that
 * already carries the morning's marker is not posted again. Returns how many were posted.
 */
export async function tellWokenToLeads(params: {
  readonly config: FirstlineConfig;
  readonly supportGh: GitHubTransport;
  readonly supportRepo: string;
  readonly searches: readonly { readonly gh: GitHubTransport; readonly repos: readonly string[] }[];
  readonly reader: FileReader;
  readonly botLogin: string;
  readonly now: number;
  /** Told of each notice after it is posted (Slack and email to the lead). */
  readonly onPosted?: (
    notice: WokenNotice,
    issue: { readonly number: number; readonly url: string },
  ) => Promise<void>;
}): Promise<number> {
  const { config, supportGh, supportRepo, botLogin, now } = params;
  const zone = config.timezone;
  const morning = DateTime.fromMillis(now, { zone }).toISODate() ?? "";
  if (now < wokenNoticeDue({ morning, woken: config.alerts.woken, zone })) return 0;
  const window = wokenWindow({ morning, woken: config.alerts.woken, zone });
  const since = new Date(window.start).toISOString().slice(0, 10);
  const tickets = [];
  for (const search of params.searches) {
    if (search.repos.length === 0) continue;
    tickets.push(
      ...(
        await searchOpenTicketsReporting({
          gh: search.gh,
          repos: search.repos,
          botLogin,
          qualifiers: `is:issue updated:>=${since}`,
        })
      ).tickets,
    );
  }
  const acks = tickets.flatMap((snapshot) => pageAcks({ snapshot, botLogin }));
  if (acks.length === 0) return 0;
  const rota = await readRota({
    gh: supportGh,
    reader: params.reader,
    repo: supportRepo,
    dir: config.rota.dir,
  });
  if (!rota) return 0;
  const notices = planWokenNotices({
    acks,
    morning,
    woken: config.alerts.woken,
    people: rota.people,
    clientName: (id) => config.clients.find((c) => c.id === id)?.name ?? id,
    zone,
  });
  if (notices.length === 0) return 0;
  const where = splitRepo(supportRepo);
  const recent = (
    await readAll(supportGh, "GET /repos/{owner}/{repo}/issues", {
      ...where,
      state: "all",
      creator: botLogin,
      since: new Date(window.start).toISOString(),
    })
  ).filter((i) => i.user?.login.toLowerCase() === botLogin.toLowerCase());
  let posted = 0;
  for (const notice of notices) {
    if (recent.some((i) => (i.body ?? "").includes(marker(notice.key)))) continue;
    const created = await supportGh.request("POST /repos/{owner}/{repo}/issues", {
      ...where,
      title: notice.title,
      body: notice.body,
      assignees: [notice.lead],
    });
    posted += 1;
    await params.onPosted?.(notice, { number: created.data.number, url: created.data.html_url });
  }
  return posted;
}
