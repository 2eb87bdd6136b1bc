import type { ApplicationFunctionOptions, Probot } from "probot";
import { transportOf } from "../github/transport.js";
import { provideHolidayLibrary } from "../shell/holiday-library.js";
import { handleConfigPush } from "./handlers/config-changed.js";
import { handleRotaMerged } from "./handlers/rota-merged.js";
import { handlePullRequest } from "./handlers/pull-request.js";
import {
  handleCodeScanningAlert,
  handleDependabotAlert,
  handleSecretScanningAlert,
} from "./handlers/security-alert.js";
import { handleIssueOpened } from "./handlers/issue-opened.js";
import { handleCommentCreated, handleTicketUpdated } from "./handlers/ticket-updated.js";
import { handleCoverCommand } from "./handlers/cover-command.js";
import { escalateOne, escalatePages, receiveAlerts } from "./alerts.js";
import { secretRoutesHandler } from "./routes.js";
import { receivePagerAck } from "./pager-acks.js";
import { verifyFirstlineSignature, verifyPagerDutySignature } from "../pagers/verify-signatures.js";
import { scheduleEvery } from "./scheduler.js";
import { FirstlineService } from "./service.js";
import { sweepInstallations } from "./sweep-installations.js";
import { emailDeskFromEnv, type EmailDesk } from "./email-desk.js";
import { handleStaffCommentByEmail } from "./email-out.js";

/** Options for tests and the demo; in production everything comes from the environment. */
export interface FirstlineAppOptions {
  readonly service?: FirstlineService;
  /** Run the sweep every 5 minutes while the server lives (default: on unless FIRSTLINE_SCHEDULE=off). */
  readonly schedule?: boolean;
  /** The bearer secret of `POST /firstline/sweep` (default: FIRSTLINE_SWEEP_SECRET; unset switches it off). */
  readonly sweepSecret?: string | undefined;
  /** The bearer secret of `POST /firstline/alerts` (default: FIRSTLINE_ALERTS_SECRET; unset switches it off). */
  readonly alertsSecret?: string | undefined;
  /** The agency's support repository, the only source of configuration (default: FIRSTLINE_SUPPORT_REPO; required). */
  readonly supportRepo?: string | undefined;
  /** The client email channel (default: from IMAP_URL and SMTP_URL in the service's environment; off when unset). */
  readonly email?: EmailDesk | undefined;
}

/** Builds the Probot app function: it only wires events, routes and the schedule to their handlers. */
export function firstlineApp(options: FirstlineAppOptions = {}) {
  return (app: Probot, probotOptions?: ApplicationFunctionOptions): void => {
    provideHolidayLibrary({ from: import.meta.url, specifier: "date-holidays" });
    const service = options.service ?? new FirstlineService();
    const supportRepo =
      "supportRepo" in options ? options.supportRepo : process.env["FIRSTLINE_SUPPORT_REPO"];
    if (!supportRepo || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(supportRepo)) {
      throw new Error(
        "FIRSTLINE_SUPPORT_REPO must name the agency's support repository as owner/name: Firstline reads its one configuration there",
      );
    }
    service.connect({
      appAuth: async () => transportOf(await app.auth()),
      installationAuth: async (id) => transportOf(await app.auth(id)),
      supportRepo,
    });
    app.on("issues.opened", (context) => handleIssueOpened(context, service));
    app.on(
      [
        "issues.edited",
        "issues.labeled",
        "issues.unlabeled",
        "issues.closed",
        "issues.reopened",
        "issues.assigned",
        "issues.unassigned",
      ],
      (context) => handleTicketUpdated(context, service),
    );
    app.on("issue_comment.created", (context) => handleCommentCreated(context, service));
    app.on("issue_comment.created", (context) => handleCoverCommand(context, service));
    // Clients without GitHub accounts: the support mailbox in, staff replies out (IMAP_URL, SMTP_URL).
    const email = options.email ?? emailDeskFromEnv(service.env);
    const sender = email?.sender;
    if (email && sender)
      app.on("issue_comment.created", (context) =>
        handleStaffCommentByEmail({ context, service, settings: email.settings, sender }),
      );
    const takeInMail = async () => (email ? email.intake.takeIn({ service, log: app.log }) : null);
    app.on("issue_comment.edited", (context) => handleTicketUpdated(context, service));
    app.on("push", (context) => handleConfigPush(context, service));
    app.on("push", (context) => handleRotaMerged(context, service));
    app.on(["installation", "installation_repositories"], async () => service.forgetInstallations());
    app.on("dependabot_alert", (context) => handleDependabotAlert(context, service));
    app.on("code_scanning_alert", (context) => handleCodeScanningAlert(context, service));
    app.on("secret_scanning_alert", (context) => handleSecretScanningAlert(context, service));
    app.on(
      [
        "pull_request.opened",
        "pull_request.synchronize",
        "pull_request.reopened",
        "pull_request.ready_for_review",
      ],
      (context) => handlePullRequest(context, service),
    );
    app.on(["pull_request_review.submitted", "pull_request_review.dismissed"], (context) =>
      handlePullRequest(context, service),
    );

    const sweep = async () => {
      const sweeps = await sweepInstallations({ app, service });
      const escalations = await escalatePages({ service, log: app.log });
      return { sweeps, escalations };
    };
    const routes = secretRoutesHandler([
      {
        method: "POST",
        path: "/firstline/sweep",
        secret: "sweepSecret" in options ? options.sweepSecret : process.env["FIRSTLINE_SWEEP_SECRET"],
        handle: async () => ({ status: 200, json: await sweep() }),
      },
      {
        method: "POST",
        path: "/firstline/alerts",
        secret: "alertsSecret" in options ? options.alertsSecret : process.env["FIRSTLINE_ALERTS_SECRET"],
        handle: async ({ body }) => receiveAlerts({ service, homeRepo: supportRepo, body, log: app.log }),
      },
      {
        method: "POST",
        path: "/firstline/mail",
        secret: email
          ? "sweepSecret" in options
            ? options.sweepSecret
            : process.env["FIRSTLINE_SWEEP_SECRET"]
          : undefined,
        handle: async () => {
          try {
            return { status: 200, json: await takeInMail() };
          } catch (error) {
            // What was claimed and not finished stays in the mailbox for the next pass.
            app.log.error(error, "reading the support mailbox failed");
            return { status: 503, json: { message: error instanceof Error ? error.message : String(error) } };
          }
        },
      },
      // Acknowledgements coming back from pagers; each is off until its secret is set.
      {
        method: "POST",
        path: "/firstline/pagers/pagerduty",
        secret: supportRepo ? service.env["FIRSTLINE_PAGERDUTY_WEBHOOK_SECRET"] : undefined,
        verify: verifyPagerDutySignature,
        handle: async ({ body }) =>
          receivePagerAck({ service, homeRepo: supportRepo ?? "", source: "pagerduty", body, log: app.log }),
      },
      {
        method: "POST",
        path: "/firstline/pagers/opsgenie",
        secret: supportRepo ? service.env["FIRSTLINE_OPSGENIE_WEBHOOK_SECRET"] : undefined,
        handle: async ({ body }) =>
          receivePagerAck({ service, homeRepo: supportRepo ?? "", source: "opsgenie", body, log: app.log }),
      },
      {
        method: "POST",
        path: "/firstline/pagers/webhook",
        secret: supportRepo ? service.env["FIRSTLINE_PAGER_WEBHOOK_SECRET"] : undefined,
        verify: verifyFirstlineSignature,
        handle: async ({ body }) =>
          receivePagerAck({ service, homeRepo: supportRepo ?? "", source: "webhook", body, log: app.log }),
      },
    ]);
    try {
      probotOptions?.addHandler?.(routes);
    } catch {
      // Loaded without a server (Probot's `receive` in tests, serverless adapters): webhooks only.
      app.log.debug("no HTTP server: the /firstline routes are not served");
    }
    if (options.schedule ?? process.env["FIRSTLINE_SCHEDULE"] !== "off") {
      scheduleEvery({
        everyMinutes: 5,
        offsetMinutes: 2,
        now: () => service.now(),
        job: async () => {
          // Several instances each schedule the sweep; the one holding the lease runs it.
          if (!(await service.store.tryLease("sweep", 4 * 60_000))) return;
          const results = await sweep();
          app.log.info(results, "sweep done");
        },
        onError: (error) => app.log.error(error, "sweep failed"),
      });
      // Each page wakes when its next step falls due; the minute check is the net under the
      // wake-ups (and, after a start, sets the wake-ups of the pages already on the watch list).
      service.escalationWakeups.start((key) => escalateOne({ service, log: app.log, key }), app.log);
      scheduleEvery({
        everyMinutes: 1,
        offsetMinutes: 0,
        now: () => service.now(),
        job: async () => {
          if (!(await service.store.tryLease("escalation", 50_000))) return;
          if ((await service.pendingPages.list()).length > 0) await escalatePages({ service, log: app.log });
        },
        onError: (error) => app.log.error(error, "escalation failed"),
      });
      if (email) {
        scheduleEvery({
          everyMinutes: 1,
          offsetMinutes: 0,
          now: () => service.now(),
          job: async () => void (await takeInMail()),
          onError: (error) => app.log.error(error, "reading the support mailbox failed"),
        });
      }
    }
  };
}

export default firstlineApp();
