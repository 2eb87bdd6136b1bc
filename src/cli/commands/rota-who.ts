import { DateTime } from "luxon";
import * as z from "zod";
import { whoIsOn } from "../../core/rota/who.js";
import { weekEnd, weekStart } from "../../core/rota/week.js";
import { repositoryRotaDir } from "../repository-paths.js";
import { defineCommand, printJson } from "../command.js";
import { instantOption } from "../../shell/options.js";
import { readRotaFolder, timezoneOption } from "../../shell/rota-folder.js";

const shown = (value: DateTime) => value.setLocale("en-GB").toFormat("ccc d LLL yyyy HH:mm ZZZZ");

/** `rota who`: who is on at an instant. */
export const rotaWhoCommand = defineCommand({
  name: "rota who",
  summary: "Who is on first line support and on call at an instant",
  usage: "firstline rota who [--dir DIR] [--at INSTANT] [--timezone ZONE] [--json]   (--at defaults to now)",
  options: { dir: "string", at: "string", timezone: "string" },
  schema: z.object({
    dir: z.string().min(1).optional(),
    at: instantOption.optional(),
    timezone: timezoneOption,
  }),
  run: async ({ options, io, json }) => {
    const dir = repositoryRotaDir({ io, given: options.dir, option: "--dir" });
    const rota = readRotaFolder({ dir, io });
    const zone = options.timezone;
    const at = options.at ?? DateTime.fromJSDate(io.now(), { zone: "utc" });
    const { week, ...who } = whoIsOn({ rota, at, zone });
    if (json) {
      printJson(io, who);
      return 0;
    }
    const or = (login: string | null) => login ?? "nobody";
    const lines = [
      `Week ${week}: ${shown(weekStart({ week, zone }))} to ${shown(weekEnd({ week, zone }))}`,
      `First line support: ${or(who.support.developer)} (developer), ${or(who.support.operations)} (operations)`,
      `On call: ${or(who.onCall.primary)} (primary), ${who.onCall.secondLine.length > 0 ? who.onCall.secondLine.join(", ") : "nobody"} (second line)`,
      ...(who.covering ?? []).map(
        (o) =>
          `Cover for the night of ${o.date}: ${o.by} covers ${o.covers} (${o.slot === "primary" ? "primary" : "second line"}): ${o.reason}`,
      ),
      `At ${shown(at.setZone(zone))}: ${who.inHours ? "in working hours, first line support answers" : "out of hours, on call answers urgent work"}`,
    ];
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
});
