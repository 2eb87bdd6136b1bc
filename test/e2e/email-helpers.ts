/** The email scenario's seed and messages, shared with the demo. */
export { emailSeed, mail, MAIL_SECRET, SUPPORT_ADDRESS } from "../../dev/demo/email-seed.js";
