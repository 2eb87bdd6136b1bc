/** The Action run as a runner runs it; shared with the demo. */
export { resultOutput, runAction } from "../../src/demo/run-action.js";
