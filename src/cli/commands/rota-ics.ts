import { join } from "node:path";
import { DateTime } from "luxon";
import * as z from "zod";
import { rotaCalendar } from "../../core/rota/ics.js";
import { repositoryRotaDir } from "../repository-paths.js";
import { defineCommand, printJson } from "../command.js";
import { InputError } from "../../shell/input-error.js";
import { readRotaFolder, timezoneOption } from "../../shell/rota-folder.js";

/** `rota ics`: the rota (or one person's slots) as an iCalendar file. */
export const rotaIcsCommand = defineCommand({
  name: "rota ics",
  summary: "Write the rota, or one person's slots, as an iCalendar file",
  usage: "firstline rota ics [--dir DIR] --out FILE [--login LOGIN] [--timezone ZONE] [--json]",
  options: { dir: "string", out: "string", login: "string", timezone: "string" },
  schema: z.object({
    dir: z.string().min(1).optional(),
    out: z.string().min(1),
    login: z.string().min(1).optional(),
    timezone: timezoneOption,
  }),
  run: async ({ options, io, json }) => {
    const dir = repositoryRotaDir({ io, given: options.dir, option: "--dir" });
    const rota = readRotaFolder({ dir, io });
    const { login } = options;
    if (login !== undefined && !rota.people.some((person) => person.login === login)) {
      throw InputError.of({
        file: join(dir, "people.yml"),
        path: "people",
        message: `--login ${login} is not in people.yml`,
      });
    }
    const text = rotaCalendar({
      rota,
      zone: options.timezone,
      login,
      stamp: DateTime.fromJSDate(io.now(), { zone: "utc" }),
    });
    io.writeTextFile(options.out, text);
    const events = text.split("\r\n").filter((line) => line === "BEGIN:VEVENT").length;
    if (json) printJson(io, { out: options.out, events });
    else io.stdout(`Wrote ${events} event${events === 1 ? "" : "s"} to ${options.out}\n`);
    return 0;
  },
});
