import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/shell/node-io.js";
import { emulatorCommand } from "./command.js";

// `npm run emulator -- --port 3030 --seed seed.yml`: the GitHub emulator on its own, a development
// tool (its libraries are development dependencies, so it is not part of the `firstline` command).
process.exitCode = await main(["emulator", ...process.argv.slice(2)], nodeIo(), [emulatorCommand]);
