// Run by the e2e web server after the database is rebuilt: the test accounts, through the same
// code path as `npm run user:create`.
import { createUser } from "../../lib/users/accounts";
import { TEST_USERS } from "./users";

async function main() {
  for (const user of Object.values(TEST_USERS)) await createUser(user);
  console.log(`e2e: created ${Object.keys(TEST_USERS).length} test accounts`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
