import { createPublicKey, generateKeyPairSync, randomBytes, verify, type KeyObject } from "node:crypto";
import type { EmulatorState } from "./state/store.js";
import type { Actor } from "./state/types.js";

/** The app's signing key: the PEM Probot is configured with, and the public half used to verify. */
export interface AppKeys {
  /** PKCS#1 PEM, as GitHub hands out; null when only a public key was given. */
  readonly privateKeyPem: string | null;
  readonly publicKey: KeyObject;
}

/** Uses the given key, or makes a fresh 2048-bit RSA pair like the one GitHub generates for an app. */
export function appKeys(params: {
  readonly privateKeyPem?: string | undefined;
  readonly publicKey?: string | KeyObject | undefined;
}): AppKeys {
  if (params.privateKeyPem) {
    return { privateKeyPem: params.privateKeyPem, publicKey: createPublicKey(params.privateKeyPem) };
  }
  if (params.publicKey) {
    return {
      privateKeyPem: null,
      publicKey: typeof params.publicKey === "string" ? createPublicKey(params.publicKey) : params.publicKey,
    };
  }
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privateKeyPem: pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
    publicKey: pair.publicKey,
  };
}

/** Why a request is not authenticated: GitHub's status and message. */
export interface AuthFailure {
  readonly status: 401;
  readonly message: string;
}

const JWT_UNDECODABLE = "A JSON web token could not be decoded";
const EXP_TOO_FAR = "'Expiration time' claim ('exp') is too far in the future";
const EXP_PAST =
  "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
const IAT_FUTURE =
  "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";

/** An installation token lives one hour of real time, as on GitHub. */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks Authorization headers and issues installation tokens. JWT times are checked against the
 * real clock, because Probot signs its JWTs with the real clock whatever the emulator's says.
 */
export class AuthService {
  private readonly tokens = new Map<string, { installationId: number; issuedAtMs: number }>();

  constructor(
    private readonly options: {
      readonly state: EmulatorState;
      readonly keys: AppKeys;
      readonly realNow: () => number;
    },
  ) {}

  /** A new `ghs_` token for an installation, valid for an hour. */
  issueToken(installationId: number): { token: string; issuedAtMs: number } {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const token = `ghs_${[...randomBytes(36)].map((byte) => alphabet[byte % alphabet.length]).join("")}`;
    const issuedAtMs = this.options.realNow();
    this.tokens.set(token, { installationId, issuedAtMs });
    return { token, issuedAtMs };
  }

  /** Who the Authorization header speaks for, or why it does not. */
  resolve(header: string | undefined): Actor | AuthFailure {
    if (!header) return { status: 401, message: "Requires authentication" };
    const match = /^(token|bearer)\s+(\S+)$/i.exec(header.trim());
    const credential = match?.[2];
    if (!credential) return { status: 401, message: "Bad credentials" };
    if (credential.split(".").length === 3) return this.verifyJwt(credential);
    const installation = this.tokens.get(credential);
    if (installation) {
      if (this.options.realNow() - installation.issuedAtMs > TOKEN_LIFETIME_MS)
        return { status: 401, message: "Bad credentials" };
      if (!this.options.state.installations.has(installation.installationId))
        return { status: 401, message: "Bad credentials" };
      return {
        kind: "installation",
        installationId: installation.installationId,
        login: this.options.state.app.botLogin,
      };
    }
    if (credential.startsWith("user-")) {
      const account = this.options.state.account(credential.slice("user-".length));
      if (account?.type === "User") return { kind: "user", login: account.login };
    }
    return { status: 401, message: "Bad credentials" };
  }

  private verifyJwt(jwt: string): Actor | AuthFailure {
    const [headerPart = "", payloadPart = "", signaturePart = ""] = jwt.split(".");
    const header = decodePart(headerPart);
    const payload = decodePart(payloadPart);
    if (!header || !payload || header["alg"] !== "RS256") return { status: 401, message: JWT_UNDECODABLE };
    const signed = verify(
      "RSA-SHA256",
      Buffer.from(`${headerPart}.${payloadPart}`),
      this.options.keys.publicKey,
      Buffer.from(signaturePart, "base64url"),
    );
    if (!signed) return { status: 401, message: JWT_UNDECODABLE };
    if (String(payload["iss"]) !== String(this.options.state.app.id))
      return { status: 401, message: JWT_UNDECODABLE };
    const nowSeconds = Math.floor(this.options.realNow() / 1000);
    const { iat, exp } = payload;
    if (typeof iat !== "number" || iat > nowSeconds + 60) return { status: 401, message: IAT_FUTURE };
    if (typeof exp !== "number" || exp <= nowSeconds) return { status: 401, message: EXP_PAST };
    if (exp > nowSeconds + 600 + 60) return { status: 401, message: EXP_TOO_FAR };
    return { kind: "app" };
  }
}

/** True for a resolved actor, false for a failure. */
export function isActor(value: Actor | AuthFailure): value is Actor {
  return "kind" in value;
}
