import packageJson from "../../package.json" with { type: "json" };

/** Firstline's version, as `firstline --version` prints it. */
export const VERSION: string = packageJson.version;
