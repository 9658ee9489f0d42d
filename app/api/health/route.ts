import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** For load balancers: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json({ status: database ? "ok" : "unavailable", database }, { status: database ? 200 : 503 });
}
