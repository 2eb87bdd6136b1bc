import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import { freePort } from "./alertmanager.js";
import { spawnServer } from "./server-process.js";
import {
  ensureDebianServer,
  findBinary,
  installCommand,
  type DebianServer,
  type ServerAvailability,
} from "./debian-package.js";

/** Debian's IMAP server: `dovecot-imapd` brings the `dovecot` binary with its IMAP service. */
export const DOVECOT: DebianServer = {
  name: "Dovecot IMAP server",
  debianPackage: "dovecot-imapd",
  binaries: ["dovecot"],
  envOverride: "DOVECOT_BIN",
};

export const MISSING_DOVECOT = `Dovecot is not installed: install Debian's dovecot-imapd (\`${installCommand(DOVECOT)}\`) to run the email ticket tests`;

/** Finds Dovecot, installing it with apt-get when the tests run as root on a Debian machine. */
export function ensureDovecot(env: NodeJS.ProcessEnv = process.env): ServerAvailability {
  const found = ensureDebianServer(DOVECOT, { ...env, PATH: `${env["PATH"] ?? ""}:/usr/sbin:/sbin` });
  return found;
}

/** A running Dovecot on loopback with one throwaway mailbox. */
export interface RunningDovecot {
  /** `imap://support:secret@127.0.0.1:PORT/INBOX`, for `IMAP_URL`. */
  readonly url: string;
  /** Appends a raw message to the INBOX over IMAP (APPEND), as a mail server delivering it would. */
  readonly append: (raw: string | Buffer) => Promise<void>;
  /** Appends many messages over one connection. */
  readonly appendMany: (raws: readonly (string | Buffer)[]) => Promise<void>;
  /** Messages in the INBOX with their flags. */
  readonly messages: () => Promise<{ uid: number; flags: string[] }[]>;
  readonly log: () => string;
  readonly stop: () => Promise<void>;
}

export const IMAP_USER = "support";
export const IMAP_PASSWORD = "imap-test-secret";

/** The uid and gid that own the mail: Dovecot never serves mail as root, so root hands it to the `dovecot` user. */
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 1000;
  const gid = process.getgid?.() ?? 1000;
  if (uid !== 0) return { uid, gid };
  const read = (flag: string) =>
    Number(spawnSync("id", [flag, "dovecot"], { encoding: "utf8" }).stdout.trim());
  return { uid: read("-u"), gid: read("-g") };
}

function dovecotConfig(params: {
  dir: string;
  port: number;
  uid: number;
  gid: number;
  asRoot: boolean;
}): string {
  const { dir, port, uid, gid } = params;
  const user = spawnSync("id", ["-un"], { encoding: "utf8" }).stdout.trim();
  return [
    "protocols = imap",
    "listen = 127.0.0.1",
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/dovecot.log`,
    "ssl = no",
    "disable_plaintext_auth = no",
    "auth_mechanisms = plain login",
    `first_valid_uid = ${Math.min(uid, 1)}`,
    // Not root (a developer's machine): every Dovecot process runs as that user.
    ...(params.asRoot ? [] : [`default_internal_user = ${user}`, `default_login_user = ${user}`]),
    "passdb {",
    "  driver = passwd-file",
    `  args = scheme=PLAIN username_format=%u ${dir}/passwd`,
    "}",
    "userdb {",
    "  driver = static",
    `  args = uid=${uid} gid=${gid} home=${dir}/home/%u`,
    "}",
    `mail_location = maildir:${dir}/home/%u/Maildir`,
    "service imap-login {",
    "  inet_listener imap {",
    "    address = 127.0.0.1",
    `    port = ${port}`,
    "  }",
    "  inet_listener imaps {",
    "    port = 0",
    "  }",
    "}",
    "",
  ].join("\n");
}

async function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.once("data", (data: Buffer) => {
        socket.destroy();
        resolve(data.toString("utf8").startsWith("* OK"));
      });
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Starts Dovecot (foreground, its own config, passwd file and maildir in a temporary folder) and waits for its greeting. */
export async function startDovecot(
  params: { readonly readyTimeoutMs?: number } = {},
): Promise<RunningDovecot> {
  const binary = findBinary(DOVECOT, {
    ...process.env,
    PATH: `${process.env["PATH"] ?? ""}:/usr/sbin:/sbin`,
  });
  if (!binary) throw new Error(MISSING_DOVECOT);
  const dir = mkdtempSync(join(tmpdir(), "firstline-dovecot-"));
  const asRoot = process.getuid?.() === 0;
  const { uid, gid } = mailOwner();
  for (const sub of ["run", "state", "home"]) mkdirSync(join(dir, sub));
  if (asRoot) {
    // Dovecot's auth and mail processes run as its own user: they must reach the folder.
    chmodSync(dir, 0o755);
    chownSync(join(dir, "home"), uid, gid);
  }
  writeFileSync(join(dir, "passwd"), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}::::::\n`);
  const port = await freePort();
  const configFile = join(dir, "dovecot.conf");
  writeFileSync(configFile, dovecotConfig({ dir, port, uid, gid, asRoot }));
  const supervised = spawnServer({ binary, args: ["-F", "-c", configFile], dir });
  const { child, stop } = supervised;
  const log = () => {
    try {
      return `${supervised.output()}${readFileSync(join(dir, "dovecot.log"), "utf8")}`;
    } catch {
      return supervised.output();
    }
  };
  const deadline = Date.now() + (params.readyTimeoutMs ?? 30_000);
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`Dovecot did not start:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = `imap://${IMAP_USER}:${IMAP_PASSWORD}@127.0.0.1:${port}/INBOX`;
  const client = () =>
    new ImapFlow({
      host: "127.0.0.1",
      port,
      secure: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
    });
  const appendMany = async (raws: readonly (string | Buffer)[]) => {
    const imap = client();
    await imap.connect();
    try {
      for (const raw of raws) await imap.append("INBOX", raw);
    } finally {
      await imap.logout();
    }
  };
  return {
    url,
    append: (raw) => appendMany([raw]),
    appendMany,
    messages: async () => {
      const imap = client();
      await imap.connect();
      const lock = await imap.getMailboxLock("INBOX");
      const found: { uid: number; flags: string[] }[] = [];
      try {
        if ((imap.mailbox && typeof imap.mailbox === "object" ? imap.mailbox.exists : 0) > 0) {
          for await (const message of imap.fetch("1:*", { uid: true, flags: true }))
            found.push({ uid: message.uid, flags: [...(message.flags ?? [])] });
        }
      } finally {
        lock.release();
        await imap.logout();
      }
      return found;
    },
    log,
    stop,
  };
}
