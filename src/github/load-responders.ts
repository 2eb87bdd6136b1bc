import { DateTime } from "luxon";
import { loadRota, OVERRIDES_FILE_NAME, ROTA_FILE_NAMES } from "../config/rota-load.js";
import type { Rota } from "../core/rota/types.js";
import { whoIsOn } from "../core/rota/who.js";
import type { WorkingCalendar } from "../core/time/calendar.js";
import type { Responders } from "../core/ticket/responders.js";
import { FileTooLargeError, type FileReader } from "./read-file.js";
import type { GitHubTransport } from "./transport.js";

/**
 * Reads the rota of the support repository (three files, conditional requests: unchanged files
 * cost a 304 and no body). Null when the files are missing or do not parse; the rota check on the
 * support repository reports why.
 */
export async function readRota(params: {
  readonly gh: GitHubTransport;
  readonly reader: FileReader;
  readonly repo: string;
  readonly dir: string;
  readonly maxAgeMs?: number;
}): Promise<Rota | null> {
  const { gh, reader, repo, dir } = params;
  const maxAge = params.maxAgeMs === undefined ? {} : { maxAgeMs: params.maxAgeMs };
  // A rota file too large to read is a rota that cannot be read: the rota check says why.
  const read = (name: string) =>
    reader.read({ gh, repo, path: `${dir}/${name}`, ...maxAge }).catch((error: unknown) => {
      if (error instanceof FileTooLargeError) return null;
      throw error;
    });
  const [people, support, onCall] = await Promise.all(
    [ROTA_FILE_NAMES.people, ROTA_FILE_NAMES.support, ROTA_FILE_NAMES.onCall].map(read),
  );
  if (people == null || support == null || onCall == null) return null;
  // The single-night cover is optional, and only read for a rota that exists.
  const overrides = await read(OVERRIDES_FILE_NAME);
  const parsed = loadRota({
    people: { file: `${dir}/${ROTA_FILE_NAMES.people}`, text: people },
    support: { file: `${dir}/${ROTA_FILE_NAMES.support}`, text: support },
    onCall: { file: `${dir}/${ROTA_FILE_NAMES.onCall}`, text: onCall },
    ...(overrides == null ? {} : { overrides: { file: `${dir}/${OVERRIDES_FILE_NAME}`, text: overrides } }),
  });
  return parsed.ok ? parsed.value : null;
}

/** Who should hear about tickets at `now`, from a rota. */
export function respondersAt(params: {
  readonly rota: Rota;
  readonly now: number;
  readonly zone: string;
  readonly calendar: WorkingCalendar;
}): Responders {
  const who = whoIsOn({
    rota: params.rota,
    at: DateTime.fromMillis(params.now, { zone: params.zone }),
    zone: params.zone,
    calendar: params.calendar,
  });
  const { developer, operations } = who.support;
  return {
    support: developer && operations ? { developer, operations } : null,
    onCall: who.onCall.primary ? { primary: who.onCall.primary, secondLine: who.onCall.secondLine } : null,
    inHours: who.inHours,
  };
}
