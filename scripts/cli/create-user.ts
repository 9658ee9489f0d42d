// Creates an editor's account: `npm run user:create -- --email a@b.c --name "…" --role ADMIN`.
// Prints a generated password once, or reads one from standard input with --password-stdin.
import { randomBytes } from "node:crypto";
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { DomainError, InvalidInputError } from "../../lib/errors";
import { createUser } from "../../lib/users/accounts";

const USAGE =
  'usage: npm run user:create -- --email editor@example.com --name "اسم المحرر" --role ADMIN|EDITOR|AUTHOR [--bio "…"] [--password-stdin]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "EDITOR" },
      bio: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  if (!values.email) {
    console.error(USAGE);
    return 2;
  }
  const generated = !values["password-stdin"];
  const password = generated
    ? randomBytes(18).toString("base64url")
    : (await text(process.stdin)).replace(/\r?\n$/, "");
  try {
    const user = await createUser({
      email: values.email,
      name: values.name ?? values.email.split("@")[0],
      role: values.role?.toUpperCase(),
      bio: values.bio,
      password,
    });
    console.log(`created ${user.role} ${user.email}`);
    if (generated) console.log(`password (shown once, store it safely): ${password}`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidInputError) {
      console.error(
        `not created: ${Object.entries(error.fieldErrors)
          .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
          .join("; ")}`,
      );
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(`not created: ${error.publicMessage}`);
      return 1;
    }
    throw error;
  }
}

void main().then((code) => process.exit(code));
