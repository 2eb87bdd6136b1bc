/** The Action run as a runner runs it; shared with the demo. */
export { resultOutput, runAction } from "../../dev/demo/run-action.js";
