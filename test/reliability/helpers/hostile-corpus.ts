import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The corpus of hostile and broken input files, by kind (its folder). */
export const HOSTILE_ROOT = "test/fixtures/hostile";

export type HostileKind = "config" | "rota" | "runbooks" | "alerts" | "webhooks" | "tickets";

/** One hostile input: where it came from and its text, as a UTF-8 reader sees it. */
export interface HostileInput {
  readonly kind: HostileKind;
  /** The fixture's path, or `generated:<name>` for inputs made in memory. */
  readonly name: string;
  readonly text: string;
  /** A valid file that must be accepted (a byte order mark, Windows line ends). */
  readonly accepted: boolean;
}

/** The committed fixtures of one kind, sorted by name. */
export function hostileFiles(kind: HostileKind): HostileInput[] {
  const dir = join(HOSTILE_ROOT, kind);
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort()
    .map((name) => ({
      kind,
      name: join(dir, name),
      text: readFileSync(join(dir, name), "utf8"),
      accepted: name.startsWith("accepted-"),
    }));
}

const TEN_MB = 10 * 1024 * 1024;

/** YAML nested `depth` levels deep in flow style: `a: [[[...]]]`, or `{a: {a: ...}}`. */
export function deepYaml(depth: number, style: "list" | "map"): string {
  return style === "list"
    ? `a: ${"[".repeat(depth)}${"]".repeat(depth)}\n`
    : `a: ${"{a: ".repeat(depth)}1${"}".repeat(depth)}\n`;
}

/** JSON nested `depth` levels deep. */
export function deepJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** A 10 MB YAML file: a comment line repeated, then a key (so only its size is wrong). */
export function tenMegabyteYaml(): string {
  const line = `# ${"x".repeat(97)}\n`;
  return `${line.repeat(Math.ceil(TEN_MB / line.length))}timezone: Europe/London\n`;
}

/** A 10 MB JSON document: one long string value. */
export function tenMegabyteJson(): string {
  return JSON.stringify({ name: "DiskSpaceLow", severity: "critical", description: "x".repeat(TEN_MB) });
}

/** Inputs made in the test rather than committed: 10 MB files and 10,000 levels of nesting. */
export function generatedInputs(kind: HostileKind): HostileInput[] {
  const made = (name: string, text: string): HostileInput => ({
    kind,
    name: `generated:${name}`,
    text,
    accepted: false,
  });
  switch (kind) {
    case "config":
    case "rota":
      return [
        made("ten-megabytes.yml", tenMegabyteYaml()),
        made("deep-list.yml", deepYaml(10_000, "list")),
        made("deep-map.yml", deepYaml(10_000, "map")),
      ];
    case "runbooks":
      return [
        made("ten-megabytes.md", `---\n${tenMegabyteYaml()}---\n`),
        made("deep-list.md", `---\n${deepYaml(10_000, "list")}---\n`),
      ];
    case "alerts":
    case "webhooks":
    case "tickets":
      return [
        made("ten-megabytes.json", tenMegabyteJson()),
        made("deep.json", deepJson(10_000)),
        made("deep-list.json", `${"[".repeat(10_000)}${"]".repeat(10_000)}`),
      ];
  }
}

/** Every own property of `Object.prototype`, to compare before and after: hostile input must add none. */
export function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}
