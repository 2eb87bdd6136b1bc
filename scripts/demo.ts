// npm run demo: Firstline working end to end against the built-in GitHub emulator; no account needed.
import { playDemo } from "../dev/demo/scenario.js";

process.exitCode = await playDemo((line) => console.log(line));
