/*
 * The newsroom driven over HTTP as a browser without JavaScript drives it: the sign-in form and the
 * one-click action buttons (close comments…) are Server Actions posted as multipart forms.
 */
import { TooManySignInAttemptsError } from "../../lib/errors";
import {
  findFormContaining,
  formActionUrl,
  isActionField,
  multipartBody,
  paragraphsWithClass,
  type HtmlForm,
} from "./html-form";
import { npmRun } from "./commands";

// signInAction's answer to a wrong email or password (app/admin/sign-in/actions.ts, a "use server"
// module that cannot export it); the lockout answer starts like TooManySignInAttemptsError's.
const WRONG_CREDENTIALS = "البريد الإلكتروني أو كلمة المرور غير صحيحة.";
const LOCKED_PREFIX = new TooManySignInAttemptsError(60).publicMessage.split(".")[0];

export interface Account {
  email: string;
  name: string;
  role: "ADMIN" | "EDITOR" | "AUTHOR";
  password: string;
}

/** `npm run user:create -- … --password-stdin`, as an admin creates an account. */
export async function createAccount(databaseFile: string, account: Account): Promise<void> {
  const result = await npmRun(
    "user:create",
    ["--email", account.email, "--name", account.name, "--role", account.role, "--password-stdin"],
    databaseFile,
    { stdin: `${account.password}\n` },
  );
  if (result.code !== 0)
    throw new Error(`user:create ${account.email} failed (exit ${result.code}):\n${result.output}`);
}

async function getPage(baseUrl: string, path: string, cookie?: string): Promise<string> {
  const response = await fetch(new URL(path, baseUrl), { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return html;
}

async function postForm(
  baseUrl: string,
  url: string,
  fields: [string, string][],
  headers: Record<string, string>,
): Promise<{ status: number; location: string | null; cookies: string[]; html: string }> {
  const { body, contentType } = multipartBody(fields);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, origin: new URL(baseUrl).origin, accept: "text/html", ...headers },
    // A copy typed as fetch wants it (a Buffer may sit on a shared ArrayBuffer).
    body: new Uint8Array(body),
    redirect: "manual",
  });
  return {
    status: response.status,
    location: response.headers.get("location"),
    cookies: response.headers.getSetCookie(),
    html: await response.text(),
  };
}

export interface SignInForm {
  actionUrl: string;
  actionFields: [string, string][];
}

export async function loadSignInForm(baseUrl: string): Promise<SignInForm> {
  const pageUrl = new URL("/admin/sign-in", baseUrl).toString();
  const form: HtmlForm = findFormContaining(
    await getPage(baseUrl, "/admin/sign-in"),
    'name="password"',
    "/admin/sign-in",
  );
  return {
    actionUrl: formActionUrl(form, pageUrl),
    actionFields: form.controls.filter((c) => isActionField(c.name)).map((c) => [c.name, c.value]),
  };
}

export type SignInOutcome = "signed-in" | "wrong" | "locked" | "other";

export interface SignInAnswer {
  outcome: SignInOutcome;
  httpStatus: number;
  /** The session cookie(s) as a Cookie header, when signed in. */
  cookie: string | null;
  message: string;
}

/** Posts the sign-in form; `headers` may carry the X-Forwarded-For a client claims. */
export async function submitSignIn(
  baseUrl: string,
  form: SignInForm,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignInAnswer> {
  const answer = await postForm(
    baseUrl,
    form.actionUrl,
    [...form.actionFields, ["email", email], ["password", password]],
    headers,
  );
  const cookie = answer.cookies.map((setCookie) => setCookie.split(";")[0]).join("; ");
  if (
    answer.status >= 300 &&
    answer.status < 400 &&
    answer.location?.endsWith("/admin/articles") &&
    cookie.includes("session_token")
  ) {
    return { outcome: "signed-in", httpStatus: answer.status, cookie, message: `redirect to ${answer.location}` };
  }
  const [message = ""] = paragraphsWithClass(answer.html, "form-message-error");
  const outcome: SignInOutcome =
    message === WRONG_CREDENTIALS ? "wrong" : message.startsWith(LOCKED_PREFIX) ? "locked" : "other";
  return { outcome, httpStatus: answer.status, cookie: null, message: message || `HTTP ${answer.status}` };
}

export interface ClickAnswer {
  status: number;
  html: string;
  /** Just before the action's request was sent: the change cannot have been committed earlier. */
  postedAt: number;
  /** When its answer arrived: the change was committed by then. */
  answeredAt: number;
}

/** Clicks the admin page's one-click button labelled `label` (a Server Action form with no fields of its own). */
export async function clickActionButton(
  baseUrl: string,
  path: string,
  cookie: string,
  label: string,
): Promise<ClickAnswer> {
  const html = await getPage(baseUrl, path, cookie);
  const form = findFormContaining(html, `>${label}</button>`, path);
  const fields = form.controls.map((control): [string, string] => [control.name, control.value]);
  const postedAt = Date.now();
  const answer = await postForm(baseUrl, formActionUrl(form, new URL(path, baseUrl).toString()), fields, { cookie });
  return { status: answer.status, html: answer.html, postedAt, answeredAt: Date.now() };
}
