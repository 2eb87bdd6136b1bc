import { describe, expect, it } from "vitest";
import { playDemo } from "../../dev/demo/scenario.js";

describe("npm run demo", () => {
  it("plays the fortnight through the emulator and the app and tells what Firstline did", async () => {
    const lines: string[] = [];
    const code = await playDemo((line) => lines.push(line));
    const text = lines.join("\n");
    expect(code).toBe(0);
    expect(text).toContain('issue opened by northgate-ops: "Support rota: week of Wed 2 Dec 2026"');
    expect(text).toContain(
      "labelled client: riverside, priority: P3, type: bug, needs: info, status: waiting on client",
    );
    expect(text).toContain("unlabelled needs: info, status: waiting on client");
    expect(text).toMatch(/SLA at risk: 83% of the first response target of 30 minutes for P1/);
    expect(text).toMatch(/SLA breached: the first response target of 8 working hours for P3 has run out/);
    expect(text).toContain("was already exc");
    expect(text).toContain("@carol-hughes, this is yours now as a lead");
    expect(text).toContain('issue opened by firstline[bot]: "Alert: SiteDown (acme)');
    expect(text).toMatch(/@sam-oduya: nobody has acknowledged this alert 5 minutes after/);
    expect(text).toMatch(/Emergency ticket for Acme Borough Council .*P1 out of hours. Paging @alice-okafor/);
    expect(text).toMatch(
      /PagerDuty \(stand-in\) got trigger firstline\/acme\/website#\d+: "P1 ticket \(acme\): Website down", answered 202/,
    );
    expect(text).toContain("Page acknowledged at PagerDuty by alice-okafor, Sat 5 Dec 02:03 GMT.");
    expect(text).toContain(
      'issue opened by firstline[bot]: "Woken in the night: Alice Okafor will start late (Sat 5 Dec)"',
    );
    expect(text).toContain("assigned to dana-whitfield");
    expect(text).toContain('check run "Firstline rota" success');
    expect(text).toContain("this ticket has had no reply for 3 working days");
    expect(text).toContain("we are still waiting for your reply here");
    expect(text).toContain("### SLA breached (2)");
    expect(text).toContain("sam-oduya: 0.5 days from 1 group");
    expect(text).toContain('issue opened by firstline[bot]: "Apply CMS core updates (Wed 2 Dec)"');
    expect(text).toContain(
      'issue opened by firstline[bot]: "Security: update guzzlehttp/guzzle (composer) in glenmore/shop"',
    );
    expect(text).toContain("### Maintenance to do");
    // A client without a GitHub account emails in and is answered by email.
    expect(text).toMatch(
      /ticket opened by firstline\[bot\] in riverside\/tenant-portal#1: "Tenant portal: repairs form will not send", labelled client: riverside/,
    );
    expect(text).toMatch(
      /Firstline emails jo\.bloggs@riverside-housing\.example: "Re: Tenant portal: repairs form will not send", In-Reply-To <jo\.1@riverside-housing\.example>, reply to support\+t1-[0-9a-f]{20}@northgate\.example/,
    );
    expect(text).toContain(
      'her words land on the ticket as a comment ("Chrome on Android, mostly."); her out-of-office answer is ignored (3 comments, 2 emails sent)',
    );
    expect(text).toContain(
      'the card\'s needs-info question is emailed to jo.bloggs@riverside-housing.example: "We need a little more to reproduce this. Please reply to this email with:"',
    );
    expect(text).toContain("### Trends\n    \n    ```mermaid\n    xychart-beta");
    expect(text).toContain("The support queue, GitHub Project northgate#1");
    expect(text).toMatch(
      /riverside\/tenant-portal#\d+ [^|]+ \| riverside \| P3 \| change \| breached \| 2026-12-03 \| 18:00 GMT \| us \|/,
    );
    expect(text).toMatch(/behind the Service page's 3 charts/);
    expect(text).toMatch(/The rota page charts TOIL and pages per person per month: .+, [1-9]\d* pages?\./);
    // Each heading tells what its step shows.
    const stepOf = (heading: RegExp) => {
      const start = lines.findIndex((line) => heading.test(line));
      const end = lines.findIndex(
        (line, index) => index > start && /^\n?\w{3} \d+ \w{3} \d\d:\d\d /.test(line),
      );
      return lines.slice(start, end < 0 ? undefined : end).join("\n");
    };
    expect(stepOf(/Alertmanager fires SiteDown/)).toContain("paged: Paging @alice-okafor, on call");
    const lastApproval = stepOf(/Lee \(delivery lead\) approves/);
    expect(lastApproval.indexOf("lee-harrington reviewed: approved")).toBeLessThan(
      lastApproval.indexOf("Rota change: ready to merge"),
    );
    expect(stepOf(/Jo approves the swap/)).not.toContain("ready to merge");
    expect(stepOf(/Dana \(delivery lead\) approves/)).not.toContain("ready to merge");
    expect(stepOf(/Rosa has not answered for 5 working days/)).toContain(
      "@rosa, we are still waiting for your reply",
    );
    expect(stepOf(/asks this week's pair to follow up/)).not.toContain("@rosa");
    expect(text).not.toMatch(
      /\((Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/,
    );
    expect(text).toMatch(
      /The runbook and rota site \(firstline site build\): Wrote \d+ files to \.firstline-demo\/site/,
    );
  });
});
