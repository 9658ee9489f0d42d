// Expires every cached reader page of the running portal: `npm run cache:purge`
// (PORTAL_URL=https://… for another host). Imports and restores do it by themselves.
import { purgePortalCache } from "../shared/portal-cache";

purgePortalCache().then(
  (outcome) => console.log(outcome),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
