import * as core from "@actions/core";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { announcementSettings, planAnnouncement } from "../../core/rota/announcement.js";
import { publishAnnouncement } from "../../github/publish-announcement.js";
import type { ActionContext } from "../context.js";
import { finish } from "../report.js";

/** `publish-rota`: the weekly announcement issue (scheduled on Wednesdays, and on demand). */
export async function actionPublishRota(context: ActionContext): Promise<void> {
  const config = readConfigFile(context.io, context.inputs.config).value;
  const rota = readRotaFolder({ dir: context.inputs["rota-dir"], io: context.io });
  const announcement = planAnnouncement({
    rota,
    now: context.io.now().getTime(),
    zone: config.timezone,
    ...announcementSettings(config),
  });
  const repo = config.supportRepo ?? context.repository;
  const result = await publishAnnouncement({
    gh: await context.github(),
    repo,
    announcement,
    botLogin: context.inputs["bot-login"],
    syncTeam: config.rota.syncTeam,
  });
  if (result.team.includes("was not synced")) core.notice(result.team);
  await finish({
    summary: [
      `## ${announcement.title}`,
      "",
      `Announcement issue ${context.dryRun && result.issue === "created" ? "(new)" : `#${result.number}`}: ${result.issue}; closed ${result.closed.length} older; ${result.team}.`,
      "",
      announcement.body.replace(/<!--.*-->/g, ""),
    ].join("\n"),
    result: { week: announcement.week, ...result },
    dryRun: context.dryRun,
  });
}
